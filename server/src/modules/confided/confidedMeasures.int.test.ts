import { CONFIDED_PLACEHOLDER } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/caseNotes.ts';
import { checkWithResult, consequenceBody, resultBody } from '../../../test/childProtection.ts';
import { Client, testApp } from '../../../test/http.ts';
import { setupMeasures } from '../../../test/measures.ts';
import { inspectPdf, runningText } from '../../../test/pdf-layout.ts';

/**
 * § 65 SGB VIII on Hilfen, Kinderschutz records and the Familienrat (docs/data-protection.md): marked by their
 * author, their free text is the placeholder for everyone else on screen, in the check's PDF and in the Auskunft,
 * while dates, status, results and payments stay; who sees the placeholder cannot save over it. The Auskunft lists
 * the Hilfen with their payments to the cent.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const BEGIN = 'Übernahme aus Bremerhaven wegen Gewalt des Vaters';
const REPORT = 'erneut blaue Flecken';
/** What checkWithResult records as the assessment's facts. */
const FACTS = 'Gespräch mit der Kita und der Mutter.';
const DESCRIPTION = 'Unterbringung bei der Tante';
const PLAN = 'Großmutter übernimmt nachmittags';

async function setup() {
  const s = await setupMeasures(app);
  const lead = await Client.as(app, s.tenant, 'teamLeadA');
  return { ...s, lead };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const mark = (client: Client, caseId: string, itemType: string, itemId: string) =>
  client.post(`/cases/${caseId}/confided`, { itemType, itemId, confidedTo: null });

async function disclosureOf(s: Setup, client: Client) {
  const res = await client.get(`/persons/${s.child}/disclosure`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return { body: res.body, json: res.json() };
}

async function plannedMeasure(s: Setup) {
  const res = await s.cm.post(
    `/cases/${s.caseId}/measures`,
    s.measure({ beginOn: '2025-11-01', beginReason: BEGIN }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('§ 65 on a Hilfe', () => {
  it('shows the begin reason only to its author, keeps period and status, and refuses the lead’s withdrawal (audited)', async () => {
    const s = await setup();
    const id = await plannedMeasure(s);
    const own = (await s.cm.get(`/cases/${s.caseId}/measures`)).json()[0];
    expect(own).toMatchObject({ beginReason: BEGIN, confided: null, mayMarkConfided: true });
    expect((await s.lead.get(`/cases/${s.caseId}/measures`)).json()[0].mayMarkConfided).toBe(false);
    expect((await mark(s.lead, s.caseId, 'measure', id)).statusCode).toBe(403);
    expect((await mark(s.cm, s.caseId, 'measure', id)).statusCode).toBe(201);

    const seen = (await s.lead.get(`/cases/${s.caseId}/measures`)).json()[0];
    expect(seen).toMatchObject({
      beginReason: CONFIDED_PLACEHOLDER,
      beginOn: '2025-11-01',
      plannedEndOn: '2026-12-31',
      status: own.status,
      confided: { withheld: true, mayManage: false },
    });
    expect((await s.cm.get(`/cases/${s.caseId}/measures`)).json()[0].beginReason).toBe(BEGIN);

    const withdraw = await s.lead.post(`/measures/${id}/withdraw`, { version: seen.version, reason: 'x' });
    expect(withdraw.statusCode).toBe(403);
    const denied = (await auditEntries(s.db, s.tenant.id, 'confided_mark')).filter(
      (e) => e.action === 'access_denied',
    );
    expect(denied.map((e) => (e.details as { purpose: string }).purpose)).toEqual(['mark', 'edit']);
  });
});

describe('Auskunft: Hilfen and payments', () => {
  it('lists the Hilfen with help type, period, provider, status and exact payments; a confided reason is withheld and listed', async () => {
    const s = await setup();
    const id = await plannedMeasure(s);
    const csv = `measure,month,amount\n${id},2026-03,1234.56\n${id},2026-04,0.07\n`;
    const imported = await s.fin.post('/finance/payments?dryRun=false', { csv });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ accepted: 2, written: true });

    const open = await disclosureOf(s, s.lead);
    expect(open.json.cases[0].measures).toEqual([
      expect.objectContaining({
        helpType: expect.stringContaining('§ 31'),
        provider: 'Kinderhaus am Deich e. V.',
        beginOn: '2025-11-01',
        plannedEndOn: '2026-12-31',
        beginReason: BEGIN,
        payments: [
          { month: '2026-03-01', amount: '1234.56' },
          { month: '2026-04-01', amount: '0.07' },
        ],
        paid: '1234.63',
      }),
    ]);

    expect((await mark(s.cm, s.caseId, 'measure', id)).statusCode).toBe(201);
    const closed = await disclosureOf(s, s.lead);
    expect(closed.body).not.toContain(BEGIN);
    expect(closed.json.cases[0].measures[0]).toMatchObject({ beginReason: null, paid: '1234.63' });
    expect(closed.json.withheld).toContainEqual(
      expect.objectContaining({
        kind: expect.stringContaining('Hilfe'),
        reason: expect.stringMatching(/^§ 65/),
      }),
    );
    const pdf = await s.lead.get(`/persons/${s.child}/disclosure.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = runningText(await inspectPdf(pdf.rawPayload));
    expect(text).toContain('1234,56 €');
    expect(text).toContain('1234,63 €');
    expect(text).not.toContain(BEGIN);
  });
});

describe('§ 65 on a § 8a check and a Schutzmaßnahme', () => {
  it('hides the check’s and the consequence’s free text from the lead on screen and in the PDF, keeps dates and status, and refuses the lead’s step', async () => {
    const s = await setup();
    const base = `/cases/${s.caseId}/child-protection`;
    const checkId = await checkWithResult(
      s.cm,
      s.caseId,
      s.child,
      [s.tenant.users.caseManagerA.id, s.tenant.users.colleagueA.id],
      'latent',
    );
    const consequence = await s.cm.post(
      `${base}/${checkId}/measures`,
      consequenceBody('hilfeangebot', { description: DESCRIPTION, offerKind: 'hze_ambulant' }),
    );
    expect(consequence.statusCode, consequence.body).toBe(201);
    const consequenceId = consequence.json().id as string;
    expect((await mark(s.cm, s.caseId, 'child_protection_check', checkId)).statusCode).toBe(201);
    expect((await mark(s.cm, s.caseId, 'protection_measure', consequenceId)).statusCode).toBe(201);

    const seen = (await s.lead.get(`${base}/${checkId}`)).json();
    expect(seen).toMatchObject({
      reportText: CONFIDED_PLACEHOLDER,
      reporterName: CONFIDED_PLACEHOLDER,
      urgency: 'innerhalb_24h',
      status: 'offen',
      result: 'latent',
      confided: { withheld: true },
      mayMarkConfided: false,
      assessment: { facts: CONFIDED_PLACEHOLDER, heldAt: expect.any(String) },
      measures: [{ description: CONFIDED_PLACEHOLDER, kind: 'hilfeangebot', confided: { withheld: true } }],
    });
    expect(seen.receivedAt).toBe((await s.cm.get(`${base}/${checkId}`)).json().receivedAt);
    for (const secret of [REPORT, FACTS, DESCRIPTION]) expect(JSON.stringify(seen)).not.toContain(secret);
    const own = (await s.cm.get(`${base}/${checkId}`)).json();
    expect(own).toMatchObject({ assessment: { facts: FACTS }, measures: [{ description: DESCRIPTION }] });
    expect(own.reportText).toContain(REPORT);
    // The summary list (deadlines, statistics) is unchanged for the lead.
    expect((await s.lead.get(base)).json()[0]).toMatchObject({ id: checkId, urgency: 'innerhalb_24h' });

    const pdf = await s.lead.get(`/cases/${s.caseId}/forms/risikoeinschaetzung?item=${checkId}`);
    expect(pdf.statusCode).toBe(200);
    const text = runningText(await inspectPdf(pdf.rawPayload));
    for (const secret of [REPORT, FACTS, DESCRIPTION]) expect(text).not.toContain(secret);
    expect(text).toContain('Anvertraute Angabe');
    // The confidant's own PDF leaves it out too until a release is recorded (§ 65: PDFs need one).
    const ownPdf = runningText(
      await inspectPdf(
        (await s.cm.get(`/cases/${s.caseId}/forms/risikoeinschaetzung?item=${checkId}`)).rawPayload,
      ),
    );
    expect(ownPdf).not.toContain(FACTS);

    // The edit rule: the lead may not save a step of the check or the consequence over the placeholder.
    const result = await s.lead.put(`${base}/${checkId}/result`, resultBody('akut', seen.version));
    expect(result.statusCode).toBe(403);
    expect(
      (
        await s.lead.put(`${base}/${checkId}/measures/${consequenceId}`, {
          ...seen.measures[0],
          mandateIds: [],
        })
      ).statusCode,
    ).toBe(403);
    const stored = await s.db
      .selectFrom('child_protection_check')
      .select(['assessment_facts', 'result'])
      .where('id', '=', checkId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ assessment_facts: FACTS, result: 'latent' });
  });
});

describe('§ 65 on the Familienrat', () => {
  it('keeps date and phase for the lead, hides its texts on screen and in the Auskunft, and refuses the lead’s save', async () => {
    const s = await setup();
    const conference = (familyPlan: string, version: number) => ({
      concern: 'Nachmittagsbetreuung',
      coordinator: 'Frau Koordinatorin',
      participants: null,
      place: null,
      heldOn: '2026-02-10',
      phase: 'familienphase',
      familyPlan,
      officeDecision: null,
      followUpOn: null,
      version,
    });
    const url = `/cases/${s.caseId}/family-conference`;
    expect((await s.cm.put(url, conference(PLAN, 0))).statusCode).toBe(204);
    expect((await s.lead.get(`/cases/${s.caseId}`)).json().familyConference.mayMarkConfided).toBe(false);
    expect((await s.cm.get(`/cases/${s.caseId}`)).json().familyConference.mayMarkConfided).toBe(true);
    expect((await mark(s.cm, s.caseId, 'family_conference', s.caseId)).statusCode).toBe(201);

    const seen = (await s.lead.get(`/cases/${s.caseId}`)).json().familyConference;
    expect(seen).toMatchObject({
      familyPlan: CONFIDED_PLACEHOLDER,
      concern: CONFIDED_PLACEHOLDER,
      officeDecision: null,
      heldOn: '2026-02-10',
      phase: 'familienphase',
      confided: { withheld: true },
    });
    expect((await s.cm.get(`/cases/${s.caseId}`)).json().familyConference.familyPlan).toBe(PLAN);
    expect((await s.lead.put(url, conference(CONFIDED_PLACEHOLDER, seen.version))).statusCode).toBe(403);

    const disclosure = await disclosureOf(s, s.lead);
    expect(disclosure.body).not.toContain(PLAN);
    expect(disclosure.json.cases[0].familyConference).toMatchObject({
      heldOn: '2026-02-10',
      familyPlan: null,
      concern: null,
    });
    expect(disclosure.json.withheld).toContainEqual(
      expect.objectContaining({ kind: expect.stringContaining('Familienrat'), date: '2026-02-10' }),
    );
    // With a release the confidant's Auskunft gives it.
    const [markRow] = await s.db
      .selectFrom('confided_mark')
      .select('id')
      .where('item_type', '=', 'family_conference')
      .where('case_id', '=', s.caseId)
      .execute();
    const released = await s.cm.put(`/cases/${s.caseId}/confided/${markRow?.id}/release`, {
      basis: 'einwilligung',
      note: 'Die Familie hat eingewilligt.',
    });
    expect(released.statusCode).toBe(204);
    expect((await s.lead.get(`/persons/${s.child}/disclosure`)).body).not.toContain(PLAN);
  });
});
