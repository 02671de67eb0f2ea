import { cpChecklistAreas, cpChecklistGuide, todayIso } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consequenceBody, hoursAgo, reportBody, urgencyBody } from '../../../test/childProtection.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { HYPHENATED, LONG_WORD, longTexts, openLongCase } from '../../../test/longCase.ts';
import { inspectPdf, pdfProblems, runningText } from '../../../test/pdf-layout.ts';
import { winAnsiSafe } from './winAnsi.ts';

/**
 * The forms of child protection, filled from a § 8a check as full as it gets and rendered to images: the
 * Beratungsvorlage und Protokoll zur Risikoeinschätzung (from the check and from a Kurzberatung) and the
 * Hausbesuchsmappe. Nothing overlaps or leaves the page, no character is replaced, every text is there, and the
 * visit sheet carries no more than the visitor needs.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const long = (topic: string) =>
  `${topic}: Die Mutter berichtet, dass es „abends schwierig“ wird – besonders wenn der neue Partner ` +
  `getrunken hat … Die Großmutter Weiß (Олена Шевченко hilft als Nachbarin) ist erreichbar. ${HYPHENATED}.`;

const texts = {
  facts: `${long('Sachverhalt')}\n\n• Verletzung am Oberarm\n• Fehlzeiten in der Schule\n\n${LONG_WORD}`,
  risk: `${long('Risiko')} Alkohol im Haushalt; Partner lehnt Kontakt ab.`,
  protective: `${long('Schutz')} Mutter sucht Hilfe, Großmutter in der Nähe.`,
  findings: `${long('Eindruck beim Besuch')} Wohnung aufgeräumt, Kühlschrank leer.`,
  auftrag: (i: number) =>
    `Auftrag ${i + 1}: Die Mutter legt bis zum Termin das U-Heft vor und stellt Jürgen-Maximilian beim Kinderarzt vor; sie meldet sich wöchentlich telefonisch (${i + 1}).`,
  auflage: (i: number) =>
    `Auflage ${i + 1}: Der Partner hält sich nicht in der Wohnung auf, solange Jürgen-Maximilian dort ist; die Mutter sorgt dafür und meldet jeden Verstoß (${i + 1}).`,
  court: `${long('Familiengericht')} Anregung einer Erörterung nach § 157 FamFG.`,
  note: (area: string) => `${long(area)} Notiz zum Bereich.`,
};

const ok = async (res: Promise<{ statusCode: number; body: string; json: () => { id?: string } }>) => {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${r.statusCode}: ${r.body}`);
  return r.body ? r.json() : {};
};

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const { caseId, caseNumber } = await openLongCase(cm, tenant);
  const detail = (await cm.get(`/cases/${caseId}`)).json();
  const child = detail.household.members.find((m: { role: string }) => m.role === 'kind').person.id as string;
  const consultationId = detail.classifications[0].id as string;
  const assessors: [string, string] = [tenant.users.caseManagerA.id, tenant.users.colleagueA.id];
  const base = `/cases/${caseId}/child-protection`;
  const { id: checkId } = await ok(
    cm.post(base, {
      ...reportBody(child, assessors[0]),
      reporterKind: 'schule',
      reporterName: 'Frau Groß, Oberschule am Weserufer',
      reportText: longTexts.concern,
    }),
  );
  const check = `${base}/${checkId}`;
  await ok(cm.put(`${check}/urgency`, urgencyBody(1)));
  await ok(
    cm.put(`${check}/assessment`, {
      heldAt: hoursAgo(60),
      participantIds: assessors,
      facts: texts.facts,
      riskFactors: texts.risk,
      protectiveFactors: texts.protective,
      version: 2,
    }),
  );
  const visit = {
    status: 'durchgefuehrt',
    at: hoursAgo(50),
    kind: 'hausbesuch',
    childSeen: true,
    reason: null,
  };
  await ok(cm.put(`${check}/visit`, { ...visit, findings: texts.findings, version: 3 }));
  const result = {
    result: 'akut',
    completedOn: todayIso(),
    endangermentTypes: ['koerperlich', 'vernachlaessigung'],
    dangerSources: ['stiefelternteil'],
    residence: 'elternteil_partner',
    motherAgeGroup: 'ab_27',
    fatherAgeGroup: 'ab_27',
    parentForeignOrigin: 'ja',
    germanAtHome: 'nein',
    servicesInUse: false,
    serviceKinds: [],
    note: null,
  };
  await ok(cm.put(`${check}/result`, { ...result, version: 4 }));
  const mandate = (kind: string, text: string) => ({
    kind,
    purpose: 'abwendung',
    text,
    addressee: 'Ayşe Öztürk-Schäfer (Mutter)',
    dueOn: '2026-12-20',
    checkMethod: `Hausbesuch und Rückmeldung der Schule; ${HYPHENATED}`,
    reviewOn: '2026-12-21',
    consequence: 'Anrufung des Familiengerichts',
  });
  const mandates: string[] = [];
  for (let i = 0; i < 3; i++)
    mandates.push(
      (await ok(cm.post(`/cases/${caseId}/mandates`, mandate('auftrag', texts.auftrag(i))))).id as string,
    );
  for (let i = 0; i < 2; i++)
    mandates.push(
      (await ok(cm.post(`/cases/${caseId}/mandates`, mandate('auflage', texts.auflage(i))))).id as string,
    );
  // The first Auftrag is met: the visit sheet leaves it out, the risk form shows its result.
  await ok(
    cm.put(`/cases/${caseId}/mandates/${mandates[0]}`, { result: 'erfuellt', consequence: null, version: 1 }),
  );
  await ok(
    cm.post(
      `${check}/measures`,
      consequenceBody('schutzplan', {
        description: long('Schutzplan'),
        mandateIds: mandates.slice(3),
        reviewDates: ['2026-12-21', '2027-01-15'],
      }),
    ),
  );
  await ok(cm.post(`${check}/measures`, consequenceBody('familiengericht', { description: texts.court })));
  await ok(cm.post(`${check}/measures`, consequenceBody('hilfeangebot', { offerKind: 'hze_ambulant' })));
  return { db, tenant, cm, caseId, caseNumber, checkId, consultationId, check };
}

async function pdf(cm: Client, url: string) {
  const res = await cm.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return inspectPdf(res.rawPayload);
}

const drawn = (list: string[]) => list.map(winAnsiSafe);

describe('the forms of child protection', () => {
  it('lays out the Beratungsvorlage und Protokoll zur Risikoeinschätzung from a check, with every Auftrag and Auflage', async () => {
    const { db, tenant, cm, caseId, caseNumber, checkId } = await setup();
    const doc = await pdf(cm, `/cases/${caseId}/forms/risikoeinschaetzung?item=${checkId}`);
    const expected = [
      `Aktenzeichen: ${caseNumber}`,
      'Beratungsvorlage und Protokoll zur Risikoeinschätzung und Überprüfung von Aufträgen und Auflagen',
      longTexts.concern,
      texts.facts,
      texts.risk,
      texts.protective,
      texts.findings,
      ...[0, 1, 2].map(texts.auftrag),
      ...[0, 1].map(texts.auflage),
      'Ergebnis: akute Kindeswohlgefährdung',
      'Falleinordnung: Gefährdungsbereich',
      texts.court,
      'Ort, Datum, Unterschrift Test caseManagerA',
    ];
    expect(pdfProblems(doc, { texts: drawn(expected) })).toEqual([]);
    expect(doc.pages.length).toBeGreaterThanOrEqual(3);
    const text = runningText(doc);
    expect(text).toContain('Sachverhalt');
    expect(text).toContain('Risikofaktoren');
    expect(text).toContain('Schutzfaktoren');
    expect(text).toMatch(/erfüllt/);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'entity_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('action', 'in', ['export', 'read'])
      .where('entity_type', 'in', ['case', 'child_protection_check'])
      .orderBy('pending_id', 'desc')
      .limit(2)
      .execute();
    expect(audit).toEqual([
      {
        action: 'export',
        entity_type: 'case',
        entity_id: caseId,
        details: { form: 'risikoeinschaetzung', item: checkId },
      },
      { action: 'read', entity_type: 'child_protection_check', entity_id: checkId, details: { caseId } },
    ]);
  });

  it('prints the same form from a Kurzberatung of the case, and answers 404 for a check or consultation it does not hold', async () => {
    const { tenant, cm, caseId, consultationId, checkId } = await setup();
    const doc = await pdf(cm, `/cases/${caseId}/forms/kurzberatung?item=${consultationId}`);
    expect(
      pdfProblems(doc, {
        texts: drawn(['Schule meldet Fehlzeiten; Mutter kooperativ.', 'Leistungsbereich', texts.auflage(1)]),
      }),
    ).toEqual([]);
    expect((await cm.get(`/cases/${caseId}/forms/risikoeinschaetzung`)).statusCode).toBe(404);
    expect((await cm.get(`/cases/${caseId}/forms/kurzberatung?item=${checkId}`)).statusCode).toBe(404);
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect((await other.get(`/cases/${caseId}/forms/risikoeinschaetzung?item=${checkId}`)).statusCode).toBe(
      403,
    );
  });

  it('lays out the Hausbesuchsmappe: household, open Aufträge and Auflagen, the Einschätzungshilfe, and nothing of the report', async () => {
    const { cm, caseId, checkId } = await setup();
    for (const url of [
      `/cases/${caseId}/forms/hausbesuchsmappe?item=${checkId}`,
      `/cases/${caseId}/forms/hausbesuchsmappe`,
    ]) {
      const doc = await pdf(cm, url);
      const expected = [
        'Hausbesuchsmappe',
        'Ankerweg 7a',
        'Ayşe Öztürk-Schäfer',
        ...[1, 2].map(texts.auftrag),
        ...[0, 1].map(texts.auflage),
        ...cpChecklistAreas.values.flatMap((a) => [cpChecklistAreas.labels[a], cpChecklistGuide[a]]),
        'unauffällig',
        'nicht beurteilbar',
        'Das Kind wurde gesehen',
        'Datum und Uhrzeit:',
        'Ort, Datum, Unterschrift Zweite Fachkraft',
      ];
      expect({ url, problems: pdfProblems(doc, { texts: drawn(expected) }) }).toEqual({ url, problems: [] });
      const text = runningText(doc);
      expect(text).not.toContain(texts.auftrag(0).slice(0, 30));
      for (const secret of [longTexts.concern, texts.facts, texts.findings, texts.risk, 'Frau Groß'])
        expect(text).not.toContain(winAnsiSafe(secret).slice(0, 40));
      expect(text.includes('Inaugenscheinnahme nach § 8a SGB VIII')).toBe(url.includes('item='));
    }
  });
});
