import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, testAddress } from '../cases.ts';
import { reportBody } from '../childProtection.ts';
import { testDatabase } from '../db.ts';
import { testApp } from '../http.ts';
import { helpTypesOf, spfhMeasure } from '../measures.ts';
import { leakedMarkers } from './matrix-run.ts';
import { type ActorKey, buildWorld, markers, type World } from './matrix-world.ts';

/**
 * The explicit leak checks of the authorisation matrix (docs/security.md): search, duplicate check, exports and
 * counts name no family the actor may not see, and a new record that links to another team's or tenant's record
 * is refused, writes nothing, and the refusal is audited.
 */

let app: FastifyInstance;
let world: World;
beforeAll(async () => {
  app = await testApp();
  world = await buildWorld(app);
});
afterAll(() => app?.close());

async function auditCount(action: string): Promise<number> {
  const { db } = await testDatabase();
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('tenant_id', '=', world.tenant.id)
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rows of the tenant's tables that a refused link could have written. */
async function rowCounts(): Promise<Record<string, number>> {
  const { db } = await testDatabase();
  const tables = ['case_file', 'household', 'person', 'measure', 'consent', 'child_protection_check'];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const r = await sql<{
      n: string;
    }>`select count(*) as n from ${sql.table(table)} where tenant_id = ${world.tenant.id}`.execute(db);
    out[table] = Number(r.rows[0]?.n);
  }
  return out;
}

describe('no leak through search, duplicate check, exports and counts', () => {
  it('finds no family of another team or tenant by name in the case search, whoever searches', async () => {
    for (const actor of ['caseManagerA', 'deputyA', 'colleagueA', 'teamLeadA'] as ActorKey[]) {
      for (const name of [markers.otherTeam, markers.otherTenant]) {
        const res = await world.clients[actor].get(`/cases?q=${name}&scope=all&status=alle`);
        expect(res.statusCode, `${actor} searching ${name}`).toBe(200);
        expect(leakedMarkers(res), `${actor} searching ${name}`).toEqual([]);
      }
    }
  });

  it('tells of another team only whom to ask, of another tenant nothing, and audits each lookup', async () => {
    const cm = world.clients.caseManagerA;
    const before = await auditCount('search');
    const ask = (lastName: string) =>
      cm.post('/persons/duplicates', { firstName: 'Kai', lastName, birthDate: '2015-05-17', via: 'lookup' });
    const otherTeam = await ask(markers.otherTeam);
    expect(otherTeam.statusCode).toBe(200);
    expect(otherTeam.json()).toEqual([
      {
        match: expect.any(String),
        accessible: false,
        person: null,
        contacts: [{ leadName: 'Test caseManagerB', teamName: 'Team B' }],
      },
    ]);
    const otherTenant = await ask(markers.otherTenant);
    expect(otherTenant.json()).toEqual([]);
    expect(await auditCount('search')).toBe(before + 2);
  });

  it('names no family in the exports, counts and dashboards controlling and the leadership read', async () => {
    const reads = [
      '/controlling/dashboard',
      '/controlling/kpis',
      '/controlling/export',
      '/controlling/report',
      '/child-protection/counts',
      '/child-protection/statistics?year=2026',
      '/district-work/counts',
      '/needs',
    ];
    for (const actor of ['controller', 'director', 'centreLead', 'coordinatorA'] as ActorKey[]) {
      for (const url of reads) {
        const res = await world.clients[actor].get(url);
        expect(res.statusCode, `${actor} ${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        expect(leakedMarkers(res), `${actor} ${url}`).toEqual([]);
      }
    }
    // Finance sees the costs of every case by case number, never the family's name.
    const costs = await world.clients.finance.get('/finance/costs?month=2026-03');
    expect(costs.statusCode).toBe(200);
    expect(leakedMarkers(costs)).toEqual([]);
  });
});

describe('a new record that links to a foreign one is refused, writes nothing, and is audited', () => {
  const foreignSides = ['otherTeam', 'otherTenant'] as const;

  it.each(foreignSides)('opening a case on the household of the %s', async (side) => {
    const before = { rows: await rowCounts(), denied: await auditCount('access_denied') };
    const res = await world.clients.caseManagerA.post('/cases', {
      householdId: world.ids[side].household,
      openedOn: '2026-02-01',
      accessRoute: 'schule',
      reporter: 'Grundschule am Deich',
      concern: 'Fehlt oft.',
    });
    // Another tenant's household does not exist for this one: refused as an unknown id (400), not a 5xx.
    expect(side === 'otherTeam' ? [403] : [400, 403, 404]).toContain(res.statusCode);
    expect(leakedMarkers(res)).toEqual([]);
    expect(await rowCounts()).toEqual(before.rows);
    if (res.statusCode === 403) expect(await auditCount('access_denied')).toBe(before.denied + 1);
  });

  it.each(foreignSides)('registering a household with a person of the %s', async (side) => {
    const cm = world.clients.caseManagerA;
    const before = await rowCounts();
    const res = await cm.post('/households', {
      name: 'Familie Neu',
      address: testAddress(cm, 'Ankerweg', '9'),
      members: [{ personId: world.ids[side].person, person: null, role: 'kind', custody: null }],
    });
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(leakedMarkers(res)).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it.each(foreignSides)('linking own case records to a person of the %s', async (side) => {
    const cm = world.clients.caseManagerA;
    const own = world.ids.own.case;
    const foreignPerson = world.ids[side].person as string;
    const before = await rowCounts();
    const attempts = [
      cm.post(`/cases/${own}/consents`, {
        personId: foreignPerson,
        recipient: 'Schule',
        purpose: 'Austausch',
        validFrom: '2026-02-01',
        validUntil: null,
      }),
      cm.post(
        `/cases/${own}/child-protection`,
        reportBody(foreignPerson, world.tenant.users.caseManagerA.id),
      ),
      // The own SpFH offer with its own help type, so that only the person can be what is refused.
      cm.post(
        `/cases/${own}/measures`,
        spfhMeasure(foreignPerson, (await helpTypesOf(cm))('31'), world.ids.own.offer as string),
      ),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(leakedMarkers(res)).toEqual([]);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('keeps the other tenant’s persons out of a new household even by a typed id', async () => {
    const cm = world.clients.caseManagerA;
    const res = await cm.post('/households', {
      name: 'Familie Neu',
      address: testAddress(cm, 'Ankerweg', '11'),
      members: [
        {
          personId: null,
          person: person('Lea', 'Neu', '2016-01-01', 'weiblich'),
          role: 'kind',
          custody: null,
        },
        { personId: world.ids.otherTenant.mother, person: null, role: 'mutter', custody: null },
      ],
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(leakedMarkers(res)).toEqual([]);
  });
});
