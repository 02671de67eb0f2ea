import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, openTestCase, person } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const opened = await openTestCase(cm);
  return { db, tenant, cm, ...opened };
}
const pair = (t: TestTenant) => [t.users.caseManagerA.id, t.users.colleagueA.id];

describe('intake', () => {
  it('takes team and district from the address and makes the intake case manager the lead, named alike on the page and in the list', async () => {
    const { tenant, cm, caseId, caseNumber } = await setup();
    expect(caseNumber).toMatch(/^2026-\d{5}$/);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    const named = {
      team: { id: tenant.teams.a, name: 'Team A' },
      district: { id: tenant.districts.a, name: 'Nordhafen' },
      lead: { id: tenant.users.caseManagerA.id, name: 'Test caseManagerA' },
    };
    expect(detail).toMatchObject({ status: 'offen', area: null, ...named, access: 'lead' });
    expect(detail.household.members.map((m: { role: string }) => m.role)).toEqual(['mutter', 'kind']);
    const mine = (await cm.get('/cases')).json().items;
    expect(mine.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect(mine[0]).toMatchObject(named);
  });

  it('refuses a street that is not in the directory, naming the field, and writes nothing', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const res = await cm.post('/households', {
      name: 'Familie Nirgends',
      // A well-formed id of no street of this tenant's directory.
      address: { kind: 'fest', streetId: '00000000-0000-4000-8000-000000000001', houseNumber: '1' },
      members: [
        {
          personId: null,
          person: person('Ida', 'Nirgends', '2015-01-01', 'weiblich'),
          role: 'kind',
          custody: null,
        },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('address.streetId');
    const persons = await db.selectFrom('person').select('id').where('tenant_id', '=', tenant.id).execute();
    expect(persons).toEqual([]);
  });

  it('offers likely duplicates, but only whom to ask when the user has no access', async () => {
    const { tenant } = await setup();
    const other = await Client.as(app, tenant, 'caseManagerB');
    const res = await other.post('/persons/duplicates', {
      firstName: 'Muharrem',
      lastName: 'Beispiel',
      birthDate: '2013-05-17',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        match: expect.any(String),
        accessible: false,
        person: null,
        contacts: [{ leadName: 'Test caseManagerA', teamName: 'Team A' }],
      },
    ]);
    const own = await (await Client.as(app, tenant, 'caseManagerA')).post('/persons/duplicates', {
      firstName: 'Muharem',
      lastName: 'Beispiel',
      birthDate: '2013-05-17',
    });
    expect(own.json()[0]).toMatchObject({ accessible: true, person: { firstName: 'Muharem' } });
    const none = await other.post('/persons/duplicates', {
      firstName: 'Muharem',
      lastName: 'Beispiel',
      birthDate: '2013-05-18',
    });
    expect(none.json()).toEqual([]);
  });
});

describe('person corrections', () => {
  it('lets those with access correct a person, refuses others, and refuses a stale version', async () => {
    const { tenant, cm, caseId } = await setup();
    const child = (await cm.get(`/cases/${caseId}`)).json().household.members[1].person;
    const body = {
      firstName: 'Muharrem',
      lastName: 'Beispiel',
      birthDate: '2013-05-17',
      gender: 'maennlich',
      language: 'türkisch',
      phone: null,
    };
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect((await other.put(`/persons/${child.id}`, { ...body, version: 1 })).statusCode).toBe(403);
    expect((await cm.put(`/persons/${child.id}`, { ...body, version: 1 })).statusCode).toBe(204);
    expect((await cm.put(`/persons/${child.id}`, { ...body, version: 1 })).statusCode).toBe(409);
    const after = (await cm.get(`/cases/${caseId}`)).json().household.members[1].person;
    expect(after).toMatchObject({ firstName: 'Muharrem', language: 'türkisch', version: 2 });
    // The phonetic key follows the name: the corrected spelling is found as a duplicate.
    const dup = (
      await cm.post('/persons/duplicates', {
        firstName: 'Muharrem',
        lastName: 'Beispiel',
        birthDate: '2013-05-17',
      })
    ).json();
    expect(dup[0]).toMatchObject({ accessible: true, person: { firstName: 'Muharrem' } });
  });
});

describe('case access', () => {
  it('lets lead, deputy and the team lead in; keeps the other team out and audits the attempt', async () => {
    const { db, tenant, caseId } = await setup();
    for (const [user, status] of [
      ['deputyA', 200],
      ['teamLeadA', 200],
      ['colleagueA', 403],
      ['caseManagerB', 403],
      ['teamLeadB', 403],
      ['director', 403],
      ['controller', 403],
    ] as const) {
      const res = await (await Client.as(app, tenant, user)).get(`/cases/${caseId}`);
      expect({ user, status: res.statusCode }).toEqual({ user, status });
    }
    const denied = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'action'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'case')
      .where('entity_id', '=', caseId)
      .where('action', '=', 'access_denied')
      .execute();
    // Everyone refused, at the case-access rule or already at the role check (director, controlling).
    expect(denied.map((d) => d.actor_id).sort()).toEqual(
      [
        tenant.users.colleagueA.id,
        tenant.users.caseManagerB.id,
        tenant.users.teamLeadB.id,
        tenant.users.director.id,
        tenant.users.controller.id,
      ].sort(),
    );
    const reads = await db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('tenant_id', '=', tenant.id)
      .where('entity_id', '=', caseId)
      .where('action', '=', 'read')
      .execute();
    expect(reads.map((r) => r.actor_id).sort()).toEqual(
      [tenant.users.deputyA.id, tenant.users.teamLeadA.id].sort(),
    );
  });

  it('lets the team lead allocate the case, and nobody else', async () => {
    const { tenant, cm, caseId } = await setup();
    const byCm = await cm.put(`/cases/${caseId}/lead`, {
      leadUserId: tenant.users.colleagueA.id,
      version: 1,
    });
    expect(byCm.statusCode).toBe(403);
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect(
      (await lead.put(`/cases/${caseId}/lead`, { leadUserId: tenant.users.caseManagerB.id, version: 1 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await lead.put(`/cases/${caseId}/lead`, { leadUserId: tenant.users.colleagueA.id, version: 1 }))
        .statusCode,
    ).toBe(204);
    expect((await (await Client.as(app, tenant, 'colleagueA')).get(`/cases/${caseId}`)).json().access).toBe(
      'lead',
    );
    expect((await cm.get(`/cases/${caseId}`)).statusCode).toBe(403);
  });
});

describe('granted access', () => {
  it('lets the team lead grant and revoke a colleague access', async () => {
    const { tenant, cm, caseId } = await setup();
    const colleague = await Client.as(app, tenant, 'colleagueA');
    expect((await colleague.get(`/cases/${caseId}`)).statusCode).toBe(403);
    expect(
      (await cm.put(`/cases/${caseId}/access-grants/${tenant.users.colleagueA.id}`, {})).statusCode,
    ).toBe(403);
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect(
      (await lead.put(`/cases/${caseId}/access-grants/${tenant.users.colleagueA.id}`, {})).statusCode,
    ).toBe(204);
    expect((await colleague.get(`/cases/${caseId}`)).json().access).toBe('granted');
    expect(
      (await lead.delete(`/cases/${caseId}/access-grants/${tenant.users.colleagueA.id}`)).statusCode,
    ).toBe(204);
    expect((await colleague.get(`/cases/${caseId}`)).statusCode).toBe(403);
  });
});

describe('classification, Aufträge and Auflagen', () => {
  it('needs at least two professionals for a Kurzberatung', async () => {
    const { tenant, cm, caseId } = await setup();
    const res = await cm.post(`/cases/${caseId}/risk-consultations`, {
      heldOn: '2026-01-14',
      participantIds: [tenant.users.caseManagerA.id],
      facts: 'x',
      area: 'grau',
      nextSteps: 'y',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('participantIds');
  });

  it('allows an Auflage only while the case is classified Gefährdungsbereich', async () => {
    const { tenant, cm, caseId } = await setup();
    const mandate = (kind: string, purpose = kind === 'auflage' ? 'abwendung' : 'klaerung') => ({
      kind,
      purpose,
      text: 'Muharem wird täglich pünktlich zur Schule gebracht.',
      addressee: 'Frau Beispiel',
      dueOn: '2026-02-28',
      checkMethod: 'Rückmeldung der Schule',
      reviewOn: '2026-03-02',
      consequence: null,
    });
    expect((await cm.post(`/cases/${caseId}/mandates`, mandate('auftrag'))).statusCode).toBe(400);
    await classify(cm, caseId, 'grau', pair(tenant));
    expect((await cm.post(`/cases/${caseId}/mandates`, mandate('auftrag'))).statusCode).toBe(201);
    const auflage = await cm.post(`/cases/${caseId}/mandates`, mandate('auflage'));
    expect(auflage.statusCode).toBe(400);
    expect(auflage.json().errors[0]).toEqual({
      field: 'kind',
      message: 'Auflagen gibt es nur für Fälle im Gefährdungsbereich.',
    });
    await classify(cm, caseId, 'gefaehrdung', pair(tenant));
    const clarifying = await cm.post(`/cases/${caseId}/mandates`, mandate('auflage', 'klaerung'));
    expect(clarifying.statusCode).toBe(400);
    expect(clarifying.json().errors[0].field).toBe('purpose');
    expect((await cm.post(`/cases/${caseId}/mandates`, mandate('auflage'))).statusCode).toBe(201);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail.area).toBe('gefaehrdung');
    expect(detail.classifications.map((c: { area: string }) => c.area)).toEqual(['grau', 'gefaehrdung']);
    expect(
      detail.mandates.map((m: { kind: string; purpose: string; reviewOn: string }) => [
        m.kind,
        m.purpose,
        m.reviewOn,
      ]),
    ).toEqual([
      ['auftrag', 'klaerung', '2026-03-02'],
      ['auflage', 'abwendung', '2026-03-02'],
    ]);
  });

  it('shows an overdue Auftrag as due in "Meine Fälle" and for the team lead', async () => {
    const { tenant, cm, caseId } = await setup();
    await classify(cm, caseId, 'grau', pair(tenant));
    await cm.post(`/cases/${caseId}/mandates`, {
      kind: 'auftrag',
      purpose: 'abwendung',
      text: 'Termin bei der Erziehungsberatung wahrnehmen',
      addressee: 'Frau Beispiel',
      dueOn: '2026-01-20',
      checkMethod: 'Bestätigung der Beratungsstelle',
      reviewOn: '2026-01-27',
      consequence: null,
    });
    const mine = (await cm.get('/cases')).json().items;
    expect(mine[0]).toMatchObject({ overdue: 1, nextDue: { on: '2026-01-20' } });
    const team = (await (await Client.as(app, tenant, 'teamLeadA')).get('/cases?scope=team')).json().items;
    expect(team.find((c: { id: string }) => c.id === caseId)).toMatchObject({ overdue: 1 });
  });
});

describe('will, goals and resources', () => {
  it('keeps goal ids across saves and refuses a save based on an old version', async () => {
    const { cm, caseId } = await setup();
    const body = {
      will: 'Ich will, dass Muharem auf seiner Schule bleiben kann.',
      directionGoal: 'Muharem kann bis zum Sommer auf seiner jetzigen Schule bleiben.',
      actionGoals: [
        { id: null, text: 'Hausaufgaben sind täglich bis 18 Uhr erledigt.', dueOn: '2026-06-30', steps: [] },
      ],
      version: 0,
    };
    expect((await cm.put(`/cases/${caseId}/will-and-goals`, body)).statusCode).toBe(204);
    const goalId = (await cm.get(`/cases/${caseId}`)).json().willAndGoals.actionGoals[0].id;
    const resource = await cm.post(`/cases/${caseId}/resources`, {
      area: 'sozial',
      description: 'Onkel hilft bei Mathe',
      goalId,
      directoryEntryId: null,
    });
    expect(resource.statusCode).toBe(201);
    const again = {
      ...body,
      actionGoals: [
        {
          id: goalId,
          text: 'Hausaufgaben sind täglich bis 18 Uhr vollständig erledigt.',
          dueOn: '2026-06-30',
          steps: [{ who: 'Onkel', what: 'Mathe üben', dueOn: '2026-02-01', resourceId: resource.json().id }],
        },
      ],
      version: 1,
    };
    expect((await cm.put(`/cases/${caseId}/will-and-goals`, again)).statusCode).toBe(204);
    const stale = await cm.put(`/cases/${caseId}/will-and-goals`, { ...again, version: 1 });
    expect(stale.statusCode).toBe(409);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail.willAndGoals).toMatchObject({
      version: 2,
      actionGoals: [{ id: goalId, steps: [{ who: 'Onkel' }] }],
    });
    expect(detail.resources[0]).toMatchObject({ goalId, area: 'sozial' });
  });
});

describe('kollegiale Beratung', () => {
  it('turns the closing answer into a need of the district, counting repeats', async () => {
    const { tenant, cm, caseId } = await setup();
    const body = {
      heldOn: '2026-01-21',
      question: 'Wie kann Muharem nachmittags Unterstützung bei den Hausaufgaben bekommen?',
      moderatorId: tenant.users.colleagueA.id,
      minutesId: tenant.users.deputyA.id,
      perspectiveId: tenant.users.teamLeadA.id,
      ideas: [
        { source: 'person', text: 'Muharem ist gut in Mathe' },
        { source: 'sozialraum', text: 'Hausaufgabenhilfe im Jugendfreizeitheim' },
      ],
      decision: 'Anmeldung bei der Hausaufgabenhilfe, Onkel einbeziehen',
      closingAnswer: 'Hausaufgabenhilfe für 10-14-Jährige am Nachmittag',
      ageCohort: '10-16',
    };
    const first = await cm.post(`/cases/${caseId}/peer-consultations`, body);
    expect(first.statusCode).toBe(201);
    const second = await openTestCase(cm, { childFirstName: 'Lina' });
    expect(
      (
        await cm.post(`/cases/${second.caseId}/peer-consultations`, {
          ...body,
          closingAnswer: ' hausaufgabenhilfe für 10-14-jährige am nachmittag ',
        })
      ).statusCode,
    ).toBe(201);
    const needs = (await cm.get(`/needs?districtId=${tenant.districts.a}`)).json().items;
    expect(needs).toEqual([
      expect.objectContaining({
        text: body.closingAnswer,
        mentions: 2,
        ageCohort: '10-16',
        status: 'offen',
        district: { id: tenant.districts.a, name: 'Nordhafen' },
      }),
    ]);
    const same = await cm.post(`/cases/${caseId}/peer-consultations`, {
      ...body,
      perspectiveId: tenant.users.colleagueA.id,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors).toEqual([
      { field: 'perspectiveId', message: expect.stringContaining('drei') },
    ]);
    // The message goes to the role that repeats an earlier one, not always to the last.
    const twice = await cm.post(`/cases/${caseId}/peer-consultations`, {
      ...body,
      minutesId: tenant.users.colleagueA.id,
    });
    expect(twice.json().errors).toEqual([{ field: 'minutesId', message: expect.stringContaining('drei') }]);
  });
});

describe('Hilfeplan', () => {
  async function withGoals() {
    const s = await setup();
    await s.cm.put(`/cases/${s.caseId}/will-and-goals`, {
      will: 'Muharem soll auf seiner Schule bleiben.',
      directionGoal: 'Muharem bleibt auf seiner Schule.',
      actionGoals: [{ id: null, text: 'Muharem ist täglich in der Schule.', dueOn: '2026-06-30', steps: [] }],
      version: 0,
    });
    return s;
  }
  const plan = (supersedesId: string | null, attainment: unknown[] = []) => ({
    applicationOn: '2026-01-20',
    applicant: 'Mara Beispiel',
    meetingOn: '2026-02-01',
    participants: ['Mara Beispiel', 'Muharem Beispiel', 'Test caseManagerA'],
    childParticipated: true,
    agreedMeasures: 'Hausaufgabenhilfe im Jugendfreizeitheim, Onkel übt Mathe',
    reviewOn: '2026-07-01',
    attainment,
    supersedesId,
  });

  it('keeps each version unchanged; a continuation supersedes the latest and rates each goal', async () => {
    const { db, tenant, cm, caseId } = await withGoals();
    const first = await cm.post(`/cases/${caseId}/help-plans`, plan(null));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ versionNo: 1, warnings: [] });
    await expect(
      sql`update help_plan set agreed_measures = 'geändert' where tenant_id = ${tenant.id}`.execute(db),
    ).rejects.toThrow(/immutable/);
    const goalId = (await cm.get(`/cases/${caseId}`)).json().willAndGoals.actionGoals[0].id;
    const second = await cm.post(
      `/cases/${caseId}/help-plans`,
      plan(first.json().id, [{ goalId, score: '4', note: 'fast täglich' }]),
    );
    expect(second.statusCode).toBe(201);
    const stale = await cm.post(`/cases/${caseId}/help-plans`, plan(first.json().id));
    expect(stale.statusCode).toBe(409);
    const plans = (await cm.get(`/cases/${caseId}`)).json().helpPlans;
    expect(
      plans.map((p: { versionNo: number; supersededBy: string | null }) => [p.versionNo, p.supersededBy]),
    ).toEqual([
      [1, second.json().id],
      [2, null],
    ]);
    expect(plans[1].attainment).toEqual([{ goalId, score: '4', note: 'fast täglich' }]);
  });

  it('warns when the review is more than six months away, and needs goals first', async () => {
    const s = await setup();
    const noGoals = await s.cm.post(`/cases/${s.caseId}/help-plans`, plan(null));
    expect(noGoals.statusCode).toBe(400);
    const { cm, caseId } = await withGoals();
    const late = await cm.post(`/cases/${caseId}/help-plans`, { ...plan(null), reviewOn: '2026-09-01' });
    expect(late.statusCode).toBe(201);
    expect(late.json().warnings[0]).toContain('sechs Monate');
  });
});

describe('closing', () => {
  it('closes with reason and tip; afterwards the case is read-only', async () => {
    const { cm, caseId } = await setup();
    const res = await cm.post(`/cases/${caseId}/close`, {
      closedOn: '2026-03-01',
      reason: 'ziele_erreicht',
      outcome: 'positiv',
      tip: 'Der Onkel war die wichtigste Ressource.',
      version: 1,
    });
    expect(res.statusCode).toBe(204);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail).toMatchObject({
      status: 'abgeschlossen',
      closedOn: '2026-03-01',
      closing: { tip: 'Der Onkel war die wichtigste Ressource.' },
    });
    const later = await cm.post(`/cases/${caseId}/resources`, {
      area: 'sozial',
      description: 'x',
      goalId: null,
      directoryEntryId: null,
    });
    expect(later.statusCode).toBe(409);
    expect((await cm.get('/cases')).json().items).toEqual([]);
    expect((await cm.get('/cases?status=abgeschlossen')).json().items).toHaveLength(1);
  });

  it('refuses the second of two closings based on the same version, keeping the first', async () => {
    const { tenant, cm, caseId } = await setup();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    // Both saw version 1 of the open case and send their closing at the same time.
    const closing = (reason: string, outcome: string, tip: string) => ({
      closedOn: '2026-03-01',
      reason,
      outcome,
      tip,
      version: 1,
    });
    const [byCm, byLead] = await Promise.all([
      cm.post(`/cases/${caseId}/close`, closing('ziele_erreicht', 'positiv', 'Erster Abschluss')),
      lead.post(`/cases/${caseId}/close`, closing('sonstiges', 'negativ', 'Zweiter Abschluss')),
    ]);
    expect([byCm.statusCode, byLead.statusCode].sort()).toEqual([204, 409]);
    const refused = byCm.statusCode === 409 ? byCm : byLead;
    expect(refused.headers['content-type']).toContain('application/problem+json');
    // The case holds exactly the closing that was accepted; the refused one changed nothing.
    const first = byCm.statusCode === 204 ? 'cm' : 'lead';
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail).toMatchObject({
      status: 'abgeschlossen',
      closedOn: '2026-03-01',
      closing:
        first === 'cm'
          ? { reason: 'ziele_erreicht', outcome: 'positiv', tip: 'Erster Abschluss' }
          : { reason: 'sonstiges', outcome: 'negativ', tip: 'Zweiter Abschluss' },
    });
    // A later closing with the version the closing produced is refused too: a closed case stays closed.
    const again = await lead.post(`/cases/${caseId}/close`, {
      ...closing('sonstiges', 'negativ', 'Dritter Abschluss'),
      version: detail.version,
    });
    expect(again.statusCode).toBe(409);
    expect((await cm.get(`/cases/${caseId}`)).json().closing).toEqual(detail.closing);
  });

  it('refuses a closing based on a version that changed since, and leaves the case open', async () => {
    const { tenant, caseId } = await setup();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const moved = await lead.put(`/cases/${caseId}/lead`, {
      leadUserId: tenant.users.colleagueA.id,
      version: 1,
    });
    expect(moved.statusCode).toBe(204);
    const stale = await lead.post(`/cases/${caseId}/close`, {
      closedOn: '2026-03-01',
      reason: 'sonstiges',
      outcome: 'teilweise',
      tip: null,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect((await lead.get(`/cases/${caseId}`)).json()).toMatchObject({
      status: 'offen',
      closedOn: null,
      closing: null,
    });
  });
});
