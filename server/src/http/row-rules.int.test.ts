import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../test/factories.ts';
import { Client } from '../../test/http.ts';
import { readConfig } from '../config.ts';
import { buildApp } from './app.ts';
import { withCtx } from './context.ts';

/**
 * A value that passes a route's schema but breaks a table's rule (a check constraint, 23514; a required column,
 * 23502) is answered 400 naming the field, and the transaction rolls back. No route of the application lets one
 * through today (the schemas mirror the constraints; the fuzzing found the last one, help types ending before they
 * begin), so a route registered by this test only plays the route whose schema forgot one: it first makes a valid
 * change and an audit entry, then writes the value the table refuses.
 */
type Rule = 'fte' | 'roles' | 'absence' | 'deputy' | 'displayName';

let app: FastifyInstance;
/** The warnings the requests logged (the test's app logs nothing otherwise). */
const warnings: string[] = [];
beforeAll(async () => {
  const { db } = await testDatabase();
  app = await buildApp({ db, config: { ...readConfig({}), webDistDir: '/nonexistent' } });
  app.addHook('onRequest', async (request) => {
    const warn = (...args: unknown[]) => void warnings.push(JSON.stringify(args));
    request.log = Object.assign(Object.create(request.log), { warn });
  });
  app.post('/api/v1/test-only/row-rule', {
    config: { permission: 'organisation:manage' },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        const { rule, userId, otherId } = request.body as { rule: Rule; userId: string; otherId: string };
        const user = ctx.db
          .updateTable('app_user')
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('id', '=', userId);
        await user.set({ display_name: 'Vor dem Fehler geändert' }).execute();
        await ctx.audit({ action: 'update', entityType: 'user', entityId: userId });
        if (rule === 'fte') await user.set({ fte: '1.25' }).execute();
        if (rule === 'roles') await user.set({ roles: [] }).execute();
        if (rule === 'displayName') await user.set({ display_name: null as unknown as string }).execute();
        if (rule === 'deputy') {
          const row = { tenant_id: ctx.actor.tenantId, user_id: userId, deputy_user_id: userId };
          await ctx.db.insertInto('deputy').values(row).execute();
        }
        if (rule === 'absence') {
          await ctx.db
            .insertInto('absence')
            .values({
              tenant_id: ctx.actor.tenantId,
              user_id: userId,
              deputy_user_id: otherId,
              from_on: '2026-05-10',
              to_on: '2026-05-01',
            })
            .execute();
        }
        return { written: true };
      }),
  });
  await app.ready();
});
afterAll(() => app.close());

async function refuse(rule: Rule): Promise<{ res: LightMyRequestResponse; tenant: TestTenant }> {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const admin = await Client.as(app, tenant, 'admin');
  const res = await admin.post('/test-only/row-rule', {
    rule,
    userId: tenant.users.caseManagerA.id,
    otherId: tenant.users.caseManagerB.id,
  });
  return { res, tenant };
}

/** The user of the test's first change, the audit entry and the rows the refused write would have added. */
async function written(tenant: TestTenant) {
  const { db } = await testDatabase();
  const user = await db
    .selectFrom('app_user')
    .select(['display_name', 'fte', 'roles'])
    .where('id', '=', tenant.users.caseManagerA.id)
    .executeTakeFirstOrThrow();
  const a = tenant.users.caseManagerA.id;
  const audited = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenant.id)
    .where('entity_id', '=', a)
    .executeTakeFirstOrThrow();
  const absences = await db
    .selectFrom('absence')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenant.id)
    .executeTakeFirstOrThrow();
  const selfDeputies = await db
    .selectFrom('deputy')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', a)
    .where('deputy_user_id', '=', a)
    .executeTakeFirstOrThrow();
  return {
    displayName: user.display_name,
    fte: user.fte,
    audited: Number(audited.n),
    absences: Number(absences.n),
    deputies: Number(selfDeputies.n),
  };
}

function expectFieldProblem(res: LightMyRequestResponse, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const problem = res.json();
  expect(problem.code).toBe('validation');
  expect(problem.errors).toEqual([{ field, message: expect.stringContaining(`„${field}“`) }]);
  expect(problem.detail).toContain(`„${field}“`);
}

describe('a value a table rule refuses', () => {
  it('answers a check on one column (fte between 0 and 1) with 400 naming the field, value left out, nothing written', async () => {
    warnings.length = 0;
    const { res, tenant } = await refuse('fte');
    expectFieldProblem(res, 'fte');
    expect(res.body).not.toContain('1.25');
    // The log names the rule, never the row (the driver's detail and PGlite's parameters carry the value).
    expect(warnings).toEqual([
      JSON.stringify([
        { code: '23514', table: 'app_user', constraint: 'app_user_fte_check' },
        'value refused by the database',
      ]),
    ]);
    const after = await written(tenant);
    expect(after).toMatchObject({ fte: expect.not.stringMatching(/^1\.25/), audited: 0 });
    expect(after.displayName).not.toBe('Vor dem Fehler geändert');
  });

  it('names the column of a check on an array (at least one role)', async () => {
    const { res, tenant } = await refuse('roles');
    expectFieldProblem(res, 'roles');
    expect((await written(tenant)).audited).toBe(0);
  });

  it('names the field of a check over two columns from the list (the end of an absence before its start)', async () => {
    const { res, tenant } = await refuse('absence');
    expectFieldProblem(res, 'toOn');
    expect(res.body).not.toContain('2026-05');
    expect(await written(tenant)).toMatchObject({ absences: 0, audited: 0 });
  });

  it('names the field of a check PostgreSQL named after the table alone (nobody deputises for themself)', async () => {
    const { res, tenant } = await refuse('deputy');
    expectFieldProblem(res, 'deputyUserId');
    expect(await written(tenant)).toMatchObject({ deputies: 0, audited: 0 });
  });

  it('answers a required column left empty (23502) with 400 asking for the field, nothing written', async () => {
    const { res, tenant } = await refuse('displayName');
    expectFieldProblem(res, 'displayName');
    expect(res.json().detail).toBe('Bitte „displayName“ angeben.');
    expect((await written(tenant)).audited).toBe(0);
  });
});
