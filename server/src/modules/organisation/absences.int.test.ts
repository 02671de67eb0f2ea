import { type Absence, addDays, instantOfBerlinDateTime, type Worklist } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant, type TestUserKey } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { caseWithDeadlines, nextWednesday } from '../../../test/worklist.ts';

// The app's clock, moved by the tests: sessions (and with them whom one stands in for) read the day from it.
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
  return { db, tenant, cm };
}

const absence = (tenant: TestTenant, fromOn: string, toOn: string, deputy: TestUserKey = 'colleagueA') => ({
  userId: tenant.users.caseManagerA.id,
  deputyUserId: tenant.users[deputy].id,
  fromOn,
  toOn,
  note: null,
});

/** Signs in anew: a session does not outlive days of the moved clock. */
const signIn = (tenant: TestTenant, user: TestUserKey) => Client.as(app, tenant, user);

async function caseAndWorklist(client: Client, caseId: string, caseNumber: string) {
  const opened = (await client.get(`/cases/${caseId}`)).statusCode;
  const list = (await client.get('/worklist')).json() as Worklist;
  return { opened, listed: list.items.some((i) => i.case?.caseNumber === caseNumber) };
}

describe('absences (Abwesenheit) and their deputies', () => {
  it('Deputy access appears and ends with the period: the case and its due items, refused (and audited) after', async () => {
    const { db, tenant, cm } = await setup();
    const { caseId, caseNumber } = await caseWithDeadlines(cm, tenant, db, day);
    const colleague = await signIn(tenant, 'colleagueA');
    expect(await caseAndWorklist(colleague, caseId, caseNumber)).toEqual({ opened: 403, listed: false });

    // Entered the day before: from Wednesday to Friday.
    setDay(addDays(day, -1));
    const created = await (await signIn(tenant, 'caseManagerA')).post(
      '/organisation/absences',
      absence(tenant, day, addDays(day, 2)),
    );
    expect(created.statusCode).toBe(201);
    expect(await caseAndWorklist(await signIn(tenant, 'colleagueA'), caseId, caseNumber)).toEqual({
      opened: 403,
      listed: false,
    });

    for (const d of [day, addDays(day, 2)]) {
      setDay(d);
      expect(await caseAndWorklist(await signIn(tenant, 'colleagueA'), caseId, caseNumber)).toEqual({
        opened: 200,
        listed: true,
      });
    }

    // The team lead sees who covers the case until when.
    setDay(day);
    const deputies = (await (await signIn(tenant, 'teamLeadA')).get(`/cases/${caseId}/access`))
      .json()
      .entries.filter((e: { reason: string }) => e.reason === 'deputy')
      .map((e: { user: { id: string }; validUntil: string | null }) => [e.user.id, e.validUntil]);
    expect(deputies).toEqual(
      expect.arrayContaining([
        [tenant.users.deputyA.id, null],
        [tenant.users.colleagueA.id, addDays(day, 2)],
      ]),
    );
    expect(deputies).toHaveLength(2);

    setDay(addDays(day, 3));
    expect(await caseAndWorklist(await signIn(tenant, 'colleagueA'), caseId, caseNumber)).toEqual({
      opened: 403,
      listed: false,
    });
    const refusals = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_id', '=', caseId)
      .where('action', '=', 'access_denied')
      .execute();
    // Refused before the absence (day -1 and the first look) and after it.
    expect(refusals.filter((r) => r.actor_id === tenant.users.colleagueA.id).length).toBe(3);
    // The standing deputy keeps her access whatever the absences.
    expect((await (await signIn(tenant, 'deputyA')).get(`/cases/${caseId}`)).statusCode).toBe(200);
  });

  it('shows the team lead who covers whom until when, and the other team nothing', async () => {
    const { tenant, cm } = await setup();
    const res = await cm.post('/organisation/absences', {
      ...absence(tenant, day, addDays(day, 4)),
      note: 'Urlaub',
    });
    expect(res.statusCode).toBe(201);
    const lead = await signIn(tenant, 'teamLeadA');
    const list = (await lead.get('/organisation/absences')).json() as Absence[];
    expect(list).toEqual([
      {
        id: res.json().id,
        userId: tenant.users.caseManagerA.id,
        userName: expect.any(String),
        deputyUserId: tenant.users.colleagueA.id,
        deputyName: expect.any(String),
        fromOn: day,
        toOn: addDays(day, 4),
        note: 'Urlaub',
        version: 1,
      },
    ]);
    expect((await (await signIn(tenant, 'colleagueA')).get('/organisation/absences')).json()).toHaveLength(1);
    expect((await (await signIn(tenant, 'caseManagerB')).get('/organisation/absences')).json()).toEqual([]);
    expect((await (await signIn(tenant, 'teamLeadB')).get('/organisation/absences')).json()).toEqual([]);
  });

  it('lets the absent person, her team lead and an admin change and remove it, each change audited', async () => {
    const { db, tenant, cm } = await setup();
    const id = (await cm.post('/organisation/absences', absence(tenant, day, addDays(day, 1)))).json().id;
    const lead = await signIn(tenant, 'teamLeadA');
    const moved = { ...absence(tenant, day, addDays(day, 5), 'deputyA'), version: 1 };
    expect((await lead.put(`/organisation/absences/${id}`, moved)).statusCode).toBe(204);
    expect((await lead.put(`/organisation/absences/${id}`, moved)).statusCode).toBe(409);
    const admin = await signIn(tenant, 'admin');
    expect((await admin.delete(`/organisation/absences/${id}`)).statusCode).toBe(204);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'absence')
      .orderBy('pending_id')
      .execute();
    expect(audit).toEqual([
      { action: 'create', actor_id: tenant.users.caseManagerA.id },
      { action: 'update', actor_id: tenant.users.teamLeadA.id },
      { action: 'delete', actor_id: tenant.users.admin.id },
    ]);
  });

  it('refuses (403, audited) whoever is not the absent person, her team lead or an admin', async () => {
    const { db, tenant, cm } = await setup();
    for (const user of ['caseManagerB', 'teamLeadB', 'colleagueA'] as const) {
      const res = await (await signIn(tenant, user)).post(
        '/organisation/absences',
        absence(tenant, day, day),
      );
      expect(res.statusCode, user).toBe(403);
    }
    const id = (await cm.post('/organisation/absences', absence(tenant, day, day))).json().id;
    expect(
      (await (await signIn(tenant, 'teamLeadB')).delete(`/organisation/absences/${id}`)).statusCode,
    ).toBe(403);
    const denied = await db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'absence')
      .where('action', '=', 'access_denied')
      .execute();
    expect(denied).toHaveLength(4);
    expect(
      await db.selectFrom('absence').select('id').where('tenant_id', '=', tenant.id).execute(),
    ).toHaveLength(1);
  });

  it('refuses bad input with a 400 naming the field and writes nothing', async () => {
    const { db, tenant, cm } = await setup();
    await cm.post('/organisation/absences', absence(tenant, addDays(day, 10), addDays(day, 12)));
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases: [string, object, string][] = [
      ['ends before it begins', absence(tenant, addDays(day, 3), addDays(day, 2)), 'toOn'],
      ['lies in the past', absence(tenant, addDays(day, -5), addDays(day, -1)), 'toOn'],
      ['names an unknown deputy', { ...absence(tenant, day, day), deputyUserId: unknown }, 'deputyUserId'],
      ['names a deputy of another team', absence(tenant, day, day, 'caseManagerB'), 'deputyUserId'],
      ['names a deputy without case work', absence(tenant, day, day, 'controller'), 'deputyUserId'],
      ['names the absent person as deputy', absence(tenant, day, day, 'caseManagerA'), 'deputyUserId'],
      ['overlaps another absence', absence(tenant, addDays(day, 12), addDays(day, 14)), 'fromOn'],
      ['is no date', { ...absence(tenant, day, day), fromOn: '2026-02-30' }, 'fromOn'],
    ];
    for (const [what, body, field] of cases) {
      const res = await cm.post('/organisation/absences', body);
      expect(res.statusCode, what).toBe(400);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        what,
      ).toEqual([field]);
    }
    expect(
      await db.selectFrom('absence').select('id').where('tenant_id', '=', tenant.id).execute(),
    ).toHaveLength(1);
  });
});
