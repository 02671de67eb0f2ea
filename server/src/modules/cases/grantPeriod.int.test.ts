import { addDays, instantOfBerlinDateTime, type Worklist } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { caseWithDeadlines, nextWednesday } from '../../../test/worklist.ts';

// The app's clock, moved by the tests: a grant's last day is compared with the day of the request's session.
const { day } = nextWednesday();
let clock = instantOfBerlinDateTime(`${day}T10:00`);
const setDay = (d: string) => {
  clock = instantOfBerlinDateTime(`${d}T10:00`);
};
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp({}, () => clock);
});
afterAll(() => app.close());

async function setup() {
  setDay(day);
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const lead = await Client.as(app, tenant, 'teamLeadA');
  return { db, tenant, lead, ...(await caseWithDeadlines(cm, tenant, db, day)) };
}

/** What caseManagerB (team B) reaches of the case: the file, "Meine Fälle" and her work list. */
async function reachOfOtherTeam(tenant: TestTenant, caseId: string, caseNumber: string) {
  const client = await Client.as(app, tenant, 'caseManagerB');
  const opened = (await client.get(`/cases/${caseId}`)).statusCode;
  const mine = (await client.get('/cases?scope=mine')).json().items as { id: string }[];
  const list = (await client.get('/worklist')).json() as Worklist;
  return {
    opened,
    inMyCases: mine.some((c) => c.id === caseId),
    onWorklist: list.items.some((i) => i.case?.caseNumber === caseNumber),
  };
}

describe('case access granted for a period', () => {
  it('admits until its last day and by itself no longer after it (refusal audited)', async () => {
    const { db, tenant, lead, caseId, caseNumber } = await setup();
    const grantee = tenant.users.caseManagerB.id;
    const until = addDays(day, 1);
    expect(
      (await lead.put(`/cases/${caseId}/access-grants/${grantee}`, { validUntil: until })).statusCode,
    ).toBe(204);
    const entry = (await lead.get(`/cases/${caseId}/access`))
      .json()
      .entries.find((e: { reason: string }) => e.reason === 'granted');
    expect(entry).toMatchObject({ user: { id: grantee }, validUntil: until });

    setDay(until);
    expect(await reachOfOtherTeam(tenant, caseId, caseNumber)).toEqual({
      opened: 200,
      inMyCases: true,
      onWorklist: true,
    });

    setDay(addDays(until, 1));
    expect(await reachOfOtherTeam(tenant, caseId, caseNumber)).toEqual({
      opened: 403,
      inMyCases: false,
      onWorklist: false,
    });
    const denied = await db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('tenant_id', '=', tenant.id)
      .where('entity_id', '=', caseId)
      .where('action', '=', 'access_denied')
      .execute();
    expect(denied).toEqual([{ actor_id: grantee }]);
    // The team lead's view of who has access no longer names the expired grant.
    const lead2 = await Client.as(app, tenant, 'teamLeadA');
    const reasons = (await lead2.get(`/cases/${caseId}/access`))
      .json()
      .entries.map((e: { reason: string }) => e.reason);
    expect(reasons).not.toContain('granted');
  });

  it('keeps a grant without an end (also when granted without a body) and records the end in the audit', async () => {
    const { db, tenant, lead, caseId, caseNumber } = await setup();
    const grantee = tenant.users.caseManagerB.id;
    const bare = await lead.put(`/cases/${caseId}/access-grants/${grantee}`, undefined);
    expect(bare.statusCode).toBe(204);
    setDay(addDays(day, 30));
    expect((await reachOfOtherTeam(tenant, caseId, caseNumber)).opened).toBe(200);
    const grants = await db
      .selectFrom('audit_log')
      .select('details')
      .where('tenant_id', '=', tenant.id)
      .where('entity_id', '=', caseId)
      .where('action', '=', 'grant')
      .execute();
    expect(grants.map((g) => g.details)).toEqual([{ userId: grantee, validUntil: null }]);
  });

  it('refuses a last day in the past with a 400 naming validUntil and grants nothing', async () => {
    const { db, tenant, lead, caseId } = await setup();
    const res = await lead.put(`/cases/${caseId}/access-grants/${tenant.users.caseManagerB.id}`, {
      validUntil: addDays(day, -1),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['validUntil']);
    const rows = await db
      .selectFrom('case_access_grant')
      .select('user_id')
      .where('case_id', '=', caseId)
      .execute();
    expect(rows).toEqual([]);
  });
});
