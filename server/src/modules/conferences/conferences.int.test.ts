import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem } from '../../../test/pages.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const lead = await Client.as(app, tenant, 'teamLeadA');
  const cm = await Client.as(app, tenant, 'caseManagerA');
  return { db, tenant, lead, cm };
}

async function conference(lead: Client, teamId: string, heldOn: string) {
  const res = await lead.post('/conferences', { teamId, heldOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function closeCase(client: Client, name: string, closedOn: string, street?: string) {
  const { caseId, caseNumber } = await openTestCase(client, {
    childFirstName: name,
    householdName: `Familie ${name}`,
    ...(street ? { street } : {}),
  });
  const res = await client.post(`/cases/${caseId}/close`, {
    closedOn,
    reason: 'ziele_erreicht',
    outcome: 'positiv',
    tip: `Tipp aus dem Fall ${name}`,
    version: 1,
  });
  expect(res.statusCode, res.body).toBe(204);
  return { caseId, caseNumber };
}

describe('Wochenkonferenz', () => {
  it('lists under Tipps aus abgeschlossenen Fällen exactly the team cases closed since the previous conference', async () => {
    const { tenant, lead, cm } = await setup();
    await conference(lead, tenant.teams.a, '2026-03-02');
    const id = await conference(lead, tenant.teams.a, '2026-03-09');
    await closeCase(cm, 'Vorher', '2026-03-02');
    const inside = await closeCase(cm, 'Mitte', '2026-03-05');
    const lastDay = await closeCase(cm, 'Montag', '2026-03-09');
    await closeCase(cm, 'Danach', '2026-03-10');
    const reopened = await closeCase(cm, 'Wieder', '2026-03-04');
    const version = (await cm.get(`/cases/${reopened.caseId}`)).json().version;
    expect(
      (await lead.post(`/cases/${reopened.caseId}/reopen`, { reason: 'Neue Meldung', version })).statusCode,
    ).toBe(201);
    const cmB = await Client.as(app, tenant, 'caseManagerB');
    await closeCase(cmB, 'Anderes', '2026-03-05', 'Bojenstraße');

    const detail = (await lead.get(`/conferences/${id}`)).json();
    expect(detail.closedAfter).toBe('2026-03-02');
    expect(detail.closingTips).toEqual([
      {
        caseId: reopened.caseId,
        caseNumber: reopened.caseNumber,
        closedOn: '2026-03-04',
        tip: 'Tipp aus dem Fall Wieder',
        reopened: true,
      },
      {
        caseId: inside.caseId,
        caseNumber: inside.caseNumber,
        closedOn: '2026-03-05',
        tip: 'Tipp aus dem Fall Mitte',
        reopened: false,
      },
      {
        caseId: lastDay.caseId,
        caseNumber: lastDay.caseNumber,
        closedOn: '2026-03-09',
        tip: 'Tipp aus dem Fall Montag',
        reopened: false,
      },
    ]);
  });

  it('records a need of the Bedarfsrunde through the needs workflow, with the source Bedarfsrunde', async () => {
    const { tenant, lead } = await setup();
    const id = await conference(lead, tenant.teams.a, '2026-03-09');
    const res = await lead.post(`/conferences/${id}/needs`, {
      districtId: tenant.districts.a,
      ageCohort: '3-10',
      text: 'Hausaufgabenhilfe in der Grundschule',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { needId } = res.json();
    const need = (await lead.get(`/needs/${needId}`)).json();
    expect(need).toMatchObject({ text: 'Hausaufgabenhilfe in der Grundschule', mentions: 1 });
    expect(need.sources).toEqual([{ source: 'bedarfsrunde', mentions: 1 }]);
    const detail = (await lead.get(`/conferences/${id}`)).json();
    expect(detail.items).toMatchObject([
      { rubric: 'bedarfsrunde', title: 'Hausaufgabenhilfe in der Grundschule', need: { id: needId } },
    ]);
    expectFieldProblem(
      await lead.post(`/conferences/${id}/needs`, {
        districtId: tenant.districts.a,
        ageCohort: '3-10',
        text: '',
      }),
      'text',
    );
    expect((await lead.get(`/conferences/${id}`)).json().items).toHaveLength(1);
  });

  it('lets a case manager register her case for the next conference, which then lists it under Fallberatungen', async () => {
    const { lead, cm } = await setup();
    const { caseId, caseNumber } = await openTestCase(cm);
    const res = await cm.post(`/cases/${caseId}/conference-registration`, {
      rubric: 'fallberatung',
      question: 'Wie erreichen wir den Vater?',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { conferenceId, heldOn } = res.json();
    const detail = (await lead.get(`/conferences/${conferenceId}`)).json();
    expect(detail.heldOn).toBe(heldOn);
    expect(detail.items).toMatchObject([
      { rubric: 'fallberatung', title: 'Wie erreichen wir den Vater?', case: { id: caseId, caseNumber } },
    ]);
    // A case manager reads her team's conference but does not prepare it.
    expect((await cm.get(`/conferences/${conferenceId}`)).statusCode).toBe(200);
    expect(
      (await cm.post(`/conferences/${conferenceId}/items`, { rubric: 'tipps_themen', title: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses another team with 403, audited, and a case of another team as an item', async () => {
    const { db, tenant, lead } = await setup();
    const id = await conference(lead, tenant.teams.a, '2026-03-09');
    const leadB = await Client.as(app, tenant, 'teamLeadB');
    expect((await leadB.get(`/conferences/${id}`)).statusCode).toBe(403);
    expect((await leadB.get(`/conferences/${id}/folder`)).statusCode).toBe(403);
    expect((await leadB.get(`/conferences?teamId=${tenant.teams.a}`)).statusCode).toBe(403);
    expect(
      (await leadB.post('/conferences', { teamId: tenant.teams.a, heldOn: '2026-03-16' })).statusCode,
    ).toBe(403);
    const refusals = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'access_denied')
      .where('entity_type', '=', 'team')
      .execute();
    expect(refusals).toHaveLength(4);
    expect(
      refusals.every((r) => r.actor_id === tenant.users.teamLeadB.id && r.entity_id === tenant.teams.a),
    ).toBe(true);

    const cmB = await Client.as(app, tenant, 'caseManagerB');
    const { caseId } = await openTestCase(cmB, { street: 'Bojenstraße' });
    const item = await lead.post(`/conferences/${id}/items`, {
      rubric: 'kurzberatung',
      title: 'Fremder Fall',
      caseId,
    });
    expect(item.statusCode, item.body).toBe(403);
    const caseRefusal = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'access_denied')
      .where('entity_type', '=', 'case')
      .execute();
    expect(caseRefusal).toEqual([{ entity_id: caseId }]);
    expect((await lead.get(`/conferences/${id}`)).json().items).toEqual([]);
  });

  it('keeps minutes and attendance of team members only, and finds Tipps und Themen by search', async () => {
    const { tenant, lead } = await setup();
    const id = await conference(lead, tenant.teams.a, '2026-03-09');
    const topic = await lead.post(`/conferences/${id}/items`, {
      rubric: 'tipps_themen',
      title: 'Neues Familienzentrum',
      body: 'Das Familienzentrum am Deich bietet ab April eine offene Sprechstunde.',
    });
    expect(topic.statusCode, topic.body).toBe(201);
    const hits = (await lead.get('/conferences/topics?q=sprechstunde')).json();
    expect(hits).toMatchObject([{ conferenceId: id, title: 'Neues Familienzentrum' }]);
    expect((await lead.get('/conferences/topics?q=Kita')).json()).toEqual([]);

    expectFieldProblem(
      await lead.put(`/conferences/${id}`, {
        minutes: 'x',
        attendeeIds: [tenant.users.caseManagerB.id],
        version: 1,
      }),
      'attendeeIds.0',
    );
    const saved = await lead.put(`/conferences/${id}`, {
      minutes: 'Alle Punkte besprochen.',
      attendeeIds: [tenant.users.caseManagerA.id, tenant.users.teamLeadA.id],
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(204);
    const detail = (await lead.get(`/conferences/${id}`)).json();
    expect(detail.minutes).toBe('Alle Punkte besprochen.');
    expect(
      detail.members
        .filter((m: { present: boolean }) => m.present)
        .map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([tenant.users.caseManagerA.id, tenant.users.teamLeadA.id].sort());
    expect(
      (await lead.put(`/conferences/${id}`, { minutes: '', attendeeIds: [], version: 1 })).statusCode,
    ).toBe(409);
  });
});
