import { addDays, type TeamWorklist, todayIso, type Worklist, type WorklistItem } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closingDecisions } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { caseWithDeadlines, caseWithReport, nextWednesday } from '../../../test/worklist.ts';

const { day, clock } = nextWednesday();
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp({}, () => clock);
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const deadlines = await caseWithDeadlines(cm, tenant, db, day);
  const report = await caseWithReport(cm, tenant);
  // Team B's case, with an overdue Auftrag: never in team A's lists.
  const cmB = await Client.as(app, tenant, 'caseManagerB');
  await caseWithDeadlines(cmB, tenant, db, day, 'Bojenstraße');
  return { db, tenant, cm, deadlines, report };
}

const summary = (items: WorklistItem[]) => items.map((i) => [i.bucket, i.kind, i.title, i.case?.caseNumber]);

describe('the work list (Wiedervorlage)', () => {
  it("lists every kind of deadline of the case manager's cases in its bucket, child protection first in each", async () => {
    const { cm, deadlines, report } = await setup();
    const res = await cm.get('/worklist');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as Worklist;
    expect(list.today).toBe(day);
    expect(list.weekEnd).toBe(addDays(day, 4));
    const reportCase = (await cm.get(`/cases/${report.caseId}`)).json().caseNumber as string;
    const n = deadlines.caseNumber;
    expect(summary(list.items)).toEqual([
      [
        'ueberfaellig',
        'kinderschutz_frist',
        expect.stringMatching(/^Gefährdungseinschätzung \(Meldung vom /),
        reportCase,
      ],
      [
        'ueberfaellig',
        'kinderschutz_frist',
        'Inaugenscheinnahme / Hausbesuch – Kinderschutz (§ 8a SGB VIII)',
        reportCase,
      ],
      ['ueberfaellig', 'auftrag_frist', 'Frist des Auftrags', n],
      [
        'ueberfaellig',
        'massnahme_ueberfaellig',
        'Flexible / alternative Einzelfallhilfe (§ 27 Abs. 2) läuft über das geplante Ende',
        n,
      ],
      [
        'ueberfaellig',
        'prozessschritt',
        'Antrag auf Hilfe zur Erziehung – Hilfe zur Erziehung (§§ 27 ff. SGB VIII)',
        n,
      ],
      ['heute', 'auflage_frist', 'Frist der Auflage', n],
      ['heute', 'massnahme_ende', 'Flexible / alternative Einzelfallhilfe (§ 27 Abs. 2): geplantes Ende', n],
      ['diese_woche', 'hilfeplan_ueberpruefung', 'Überprüfung des Hilfeplans (Fassung 1)', n],
      ['diese_woche', 'mandat_ueberpruefung', 'Überprüfung des Auftrags', n],
    ]);
    expect(list.counts).toEqual({ ueberfaellig: 5, heute: 2, diese_woche: 2, kinderschutzUeberfaellig: 2 });
    expect(list.truncated).toBe(false);
    const assessment = list.items[0] as WorklistItem;
    expect(assessment).toMatchObject({
      id: `check:${report.checkId}`,
      childProtection: true,
      overdue: true,
      case: { id: report.caseId, family: 'Familie Kinderschutz' },
      lead: { name: 'Test caseManagerA' },
      link: { caseId: report.caseId, section: 'kinderschutz' },
    });
    expect(assessment.dueAt).not.toBeNull();
    const auflage = list.items.find((i) => i.kind === 'auflage_frist');
    expect(auflage).toMatchObject({
      dueAt: null,
      dueOn: day,
      overdue: false,
      link: { section: 'einordnung' },
    });
  });

  it('shows a deputy the cases she stands in for, and a colleague of the same team nothing of them', async () => {
    const { tenant, deadlines } = await setup();
    const deputy = (await (await Client.as(app, tenant, 'deputyA')).get('/worklist')).json() as Worklist;
    expect(new Set(deputy.items.map((i) => i.case?.caseNumber))).toContain(deadlines.caseNumber);
    const colleague = (
      await (await Client.as(app, tenant, 'colleagueA')).get('/worklist')
    ).json() as Worklist;
    expect(colleague.items).toEqual([]);
    expect(colleague.counts.ueberfaellig).toBe(0);
  });

  it('audits the read with the ids of the cases listed, never their names', async () => {
    const { db, tenant, cm, deadlines } = await setup();
    await cm.get('/worklist');
    const entry = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'worklist')
      .orderBy('pending_id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'read', actor_id: tenant.users.caseManagerA.id });
    expect(entry.details).toMatchObject({ scope: 'mine', count: 9 });
    expect((entry.details as { caseIds: string[] }).caseIds).toContain(deadlines.caseId);
    expect(JSON.stringify(entry.details)).not.toContain('Familie');
  });

  it("gives the team lead the team's items, a case manager's items alone, and each case worker's caseload", async () => {
    const { tenant, deadlines } = await setup();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const res = await lead.get('/worklist/team');
    expect(res.statusCode).toBe(200);
    const team = res.json() as TeamWorklist;
    expect(team.team.name).toBe('Team A');
    expect(team.items).toHaveLength(9);
    expect(team.items.every((i) => i.lead?.id === tenant.users.caseManagerA.id)).toBe(true);
    const row = (id: string) => team.caseload.find((r) => r.user?.id === id);
    expect(row(tenant.users.caseManagerA.id)).toEqual({
      user: { id: tenant.users.caseManagerA.id, name: 'Test caseManagerA' },
      openCases: 2,
      byArea: { leistung: 0, grau: 1, gefaehrdung: 1, ohne: 0 },
      overdue: 5,
      childProtectionOverdue: 2,
    });
    // Every case worker of the team has a row, also without cases; nobody of team B has one.
    expect(row(tenant.users.colleagueA.id)).toMatchObject({ openCases: 0, overdue: 0 });
    expect(row(tenant.users.teamLeadA.id)).toMatchObject({ openCases: 0 });
    expect(row(tenant.users.caseManagerB.id)).toBeUndefined();
    expect(team.items.map((i) => i.case?.id)).toContain(deadlines.caseId);

    const one = (await lead.get(`/worklist/team?leadUserId=${tenant.users.caseManagerA.id}`)).json();
    expect(one.items).toHaveLength(9);
    const other = (await lead.get(`/worklist/team?leadUserId=${tenant.users.colleagueA.id}`)).json();
    expect(other.items).toEqual([]);
    // The caseload stays the whole team's.
    expect(other.caseload).toEqual(team.caseload);
  });

  it("never lists another team's case: team B's lead and case manager see only theirs", async () => {
    const { tenant, deadlines } = await setup();
    const leadB = (
      await (await Client.as(app, tenant, 'teamLeadB')).get('/worklist/team')
    ).json() as TeamWorklist;
    expect(leadB.items.map((i) => i.case?.id)).not.toContain(deadlines.caseId);
    expect(leadB.items.every((i) => i.lead?.id === tenant.users.caseManagerB.id)).toBe(true);
    const cmB = (await (await Client.as(app, tenant, 'caseManagerB')).get('/worklist')).json() as Worklist;
    expect(cmB.items.map((i) => i.case?.id)).not.toContain(deadlines.caseId);
    expect(cmB.items.length).toBeGreaterThan(0);
  });

  it('refuses the team list to a case manager and audits the refusal', async () => {
    const { db, tenant, cm } = await setup();
    const res = await cm.get('/worklist/team');
    expect(res.statusCode).toBe(403);
    const entry = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'worklist')
      .orderBy('pending_id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      action: 'access_denied',
      actor_id: tenant.users.caseManagerA.id,
      details: { scope: 'team' },
    });
  });

  it('is closed to roles without case work and to anonymous requests', async () => {
    const { tenant } = await setup();
    const controller = await Client.as(app, tenant, 'controller');
    expect((await controller.get('/worklist')).statusCode).toBe(403);
    expect((await new Client(app, tenant).get('/worklist')).statusCode).toBe(401);
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect((await lead.get('/worklist/team?leadUserId=nicht-eine-id')).statusCode).toBe(400);
  });

  it('leaves out a case once it is closed', async () => {
    const { cm, deadlines } = await setup();
    const version = (await cm.get(`/cases/${deadlines.caseId}`)).json().version as number;
    const closed = await cm.post(`/cases/${deadlines.caseId}/close`, {
      closedOn: todayIso(),
      reason: 'ziele_erreicht',
      outcome: 'positiv',
      tip: null,
      measures: await closingDecisions(cm, deadlines.caseId, todayIso()),
      version,
    });
    expect(closed.statusCode, closed.body).toBe(204);
    const list = (await cm.get('/worklist')).json() as Worklist;
    expect(list.items.map((i) => i.case?.id)).not.toContain(deadlines.caseId);
    expect(list.items.map((i) => i.kind)).toEqual(['kinderschutz_frist', 'kinderschutz_frist']);
  });
});
