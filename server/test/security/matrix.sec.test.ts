import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../db.ts';
import { testApp } from '../http.ts';
import { type Operation, operationsOf, opKey, pathKinds } from './matrix-ops.ts';
import {
  call,
  describeCell,
  emptyTally,
  expectationOf,
  leakedMarkers,
  sidesOf,
  type Tally,
  visibleMarkers,
} from './matrix-run.ts';
import { type ActorKey, actorKeys, buildWorld, markers, type World } from './matrix-world.ts';

/**
 * The authorisation matrix (docs/security.md): every operation of the OpenAPI document × every role × a record of
 * the own team, of another team and of another tenant. Deny by default: what the permission table or the record's
 * owner does not grant is refused, and no response carries a family the actor may not see.
 */

const short =
  process.env.SECURITY_MODE === 'short' ||
  (process.env.CI === 'true' && process.env.SECURITY_MODE !== 'full');
/**
 * The short mode (CI): four roles, one per kind of access (leads the case, same team without access, team lead,
 * administration); every operation on every side is tried by two of them in rotation, each role by half of them.
 * The full mode: every operation by every role.
 */
const shortActors: readonly ActorKey[] = ['caseManagerA', 'colleagueA', 'teamLeadA', 'admin'];
const actorsFor = (index: number): readonly ActorKey[] =>
  short ? [0, 2].map((k) => shortActors[(index + k) % shortActors.length] as ActorKey) : actorKeys;
const actors = short ? shortActors : actorKeys;

/** Operations the matrix does not call, each with why. A new operation must be covered or named here. */
const notCovered: Record<string, string> = {
  'PUT /organisation/absences/{id}': 'absences: no fixture absence (mayManageAbsenceOf has its own tests)',
  'DELETE /organisation/absences/{id}': 'absences: no fixture absence (mayManageAbsenceOf has its own tests)',
  ...Object.fromEntries(
    [
      'GET /micro-projects/{id}',
      'PUT /micro-projects/{id}',
      'PUT /micro-projects/{id}/budget',
      'POST /micro-projects/{id}/referrals',
      'PUT /micro-projects/{id}/participants',
      'POST /micro-projects/{id}/reviews',
      'GET /micro-projects/budget/{year}',
      'PUT /micro-projects/budget/{year}',
      'PUT /micro-projects/budget/{year}/allocations',
    ].map((k) => [
      k,
      'micro-projects and their budget: no fixture project (no personal data; the district rule has its own tests)',
    ]),
  ),
  ...Object.fromEntries(
    ['GET /atlas/entries/{id}', 'PUT /atlas/entries/{id}'].map((k) => [
      k,
      'atlas entries: no fixture entry (public institutions, no personal data)',
    ]),
  ),
  'PUT /team/training/{id}/{module}': 'training status: the module key is not an enum in the document',
  'POST /notifications/{id}/read': 'notifications are made by the work-list jobs, not by the fixture',
  'POST /process-definitions/{key}/versions':
    'process definitions are tenant-wide and keyed by name, not a record',
  'PUT /cases/{caseId}/child-protection/{checkId}/measures/{measureId}':
    "the § 8a check's own protective measures: no fixture measure yet",
};

/**
 * Where the domain lets a role reach a record of another team (or a case it is not responsible for): each with
 * why. Key: operation; the actors it applies to.
 */
const disclosure = {
  actors: ['teamLeadA', 'admin'],
  reason:
    'Auskunft (Art. 15 DSGVO, § 83 SGB X) covers a person across all cases of the Jugendamt, whoever leads them: ' +
    'person:disclose (team leads and the administration) reaches any person of the own tenant, never of another',
} as const;
const exceptions: Record<string, { actors: readonly ActorKey[]; reason: string }> = {
  'GET /persons/{id}/disclosure': disclosure,
  'GET /persons/{id}/disclosure.pdf': disclosure,
};

let app: FastifyInstance;
let world: World;
let ops: Operation[];

beforeAll(async () => {
  app = await testApp();
  world = await buildWorld(app);
  const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  ops = operationsOf(doc, (app as unknown as { routeTable: never }).routeTable);
});
afterAll(() => app?.close());

const fillable = (op: Operation) => Object.values(pathKinds(op)).every((k) => k !== null);

describe('authorisation matrix', () => {
  it('covers every operation of the OpenAPI document or names why it does not', () => {
    const keys = ops.map(opKey);
    const uncovered = ops.filter((op) => !fillable(op)).map(opKey);
    expect(
      uncovered.filter((k) => !(k in notCovered)),
      'operations neither covered nor listed',
    ).toEqual([]);
    expect(
      Object.keys(notCovered).filter((k) => !uncovered.includes(k)),
      'listed as not covered but covered or gone',
    ).toEqual([]);
    expect(keys.length).toBeGreaterThan(200);
  });

  it('refuses every operation × role × record not granted, leaks no family, and audits each refusal and probe', async () => {
    const { db } = await testDatabase();
    const entries = async (action: 'access_denied' | 'not_found') =>
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('tenant_id', '=', world.tenant.id)
            .where('action', '=', action)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const deniedBefore = await entries('access_denied');
    const probesBefore = await entries('not_found');
    const tally: Tally = emptyTally();
    const failures: string[] = [];
    const started = Date.now();
    for (const [index, op] of ops.filter(fillable).entries()) {
      for (const actor of actorsFor(index)) {
        for (const side of sidesOf(op)) {
          const expected = expectationOf(world, actor, op, side);
          if (expected === 'allowed' && op.method !== 'GET') {
            tally.skippedWrites++;
            continue;
          }
          const res = await call(world, actor, op, side);
          tally.calls++;
          tally.statuses[res.statusCode] = (tally.statuses[res.statusCode] ?? 0) + 1;
          const cell = describeCell(actor, op, side);
          const exception = exceptions[opKey(op)];
          const excepted = exception?.actors.includes(actor) && side !== 'otherTenant';
          if (res.statusCode >= 500) failures.push(`${cell}: ${res.statusCode}`);
          if (expected === 'role') {
            if (res.statusCode === 403) tally.refusedRole++;
            else failures.push(`${cell}: role lacks ${op.permission} but got ${res.statusCode}`);
          } else if (expected === 'record') {
            if (res.statusCode < 300 && excepted) tally.exceptions++;
            else if (res.statusCode < 300)
              failures.push(`${cell}: not the actor's record but ${res.statusCode}`);
            else if ([401, 403, 404].includes(res.statusCode)) tally.refusedRecord++;
            else tally.rejectedInput++;
          } else if (res.statusCode < 300) tally.allowedReads++;
          // A family's name appears only where the actor may see that family.
          const mayShow = new Set(side === null ? visibleMarkers(actor) : []);
          if (side !== null && (expected === 'allowed' || excepted)) mayShow.add(markers[side]);
          const leaked = leakedMarkers(res).filter((m) => !mayShow.has(m));
          if (leaked.length) failures.push(`${cell}: response names ${leaked.join(', ')}`);
        }
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const denied = (await entries('access_denied')) - deniedBefore;
    const forbidden = tally.statuses[403] ?? 0;
    const probes = (await entries('not_found')) - probesBefore;
    const notFound = tally.statuses[404] ?? 0;
    console.log(
      `authorisation matrix (${short ? 'short' : 'full'} mode): ${ops.length} operations, ${ops.filter(fillable).length} tried × ${short ? `2 of ${actors.length}` : actors.length} roles; ` +
        `${tally.calls} calls in ${seconds.toFixed(1)} s; refused at the role check ${tally.refusedRole}, ` +
        `refused on the record ${tally.refusedRecord}, input rejected before the record ${tally.rejectedInput}, ` +
        `allowed reads ${tally.allowedReads}, allowed changes not made ${tally.skippedWrites}, exceptions ${tally.exceptions}; ` +
        `403s ${forbidden}, access_denied entries ${denied}; 404s ${notFound}, not_found entries ${probes}; ` +
        `statuses ${JSON.stringify(tally.statuses)}`,
    );
    expect(failures).toEqual([]);
    expect(denied, 'every 403 leaves one access_denied entry').toBe(forbidden);
    expect(probes, 'every 404 leaves one not_found entry').toBe(notFound);
  });
});
