import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { GOALS, HYPHENATED, LONG_WORD, longTexts, openLongCase, STEPS } from '../../../test/longCase.ts';
import { inspectPdf, pageFooters, pdfProblems, runningText } from '../../../test/pdf-layout.ts';
import { winAnsiSafe } from './winAnsi.ts';

/**
 * Every form, filled from a case as full as they get, rendered to images and read back word by word: nothing
 * overlaps, nothing leaves the page, no character is replaced by "?", and every text of the case is there.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  return { cm, ...(await openLongCase(cm, tenant)) };
}

async function form(cm: Client, url: string) {
  const res = await cm.get(url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return inspectPdf(res.rawPayload);
}

/** The texts as the standard font draws them (ş → s, Cyrillic transliterated, → as ->). */
const drawn = (texts: string[]) => texts.map(winAnsiSafe);
/** The closing question of the kollegiale Beratung is printed as a heading. */
const questions = ['Sozialraum?'];

describe('forms rendered to images', () => {
  it('lays out the Hilfeplan with every Handlungsziel, Handlungsschritt and Ressource over several pages', async () => {
    const { cm, caseId, caseNumber, planIds } = await setup();
    const doc = await form(cm, `/cases/${caseId}/forms/hilfeplan?item=${planIds[1]}`);
    const steps = Array.from({ length: GOALS }, (_, i) =>
      Array.from({ length: STEPS }, (_, j) => longTexts.step(i, j)),
    ).flat();
    const texts = [
      `Aktenzeichen: ${caseNumber}`,
      'Hilfeplan nach § 36 SGB VIII, Fassung 2',
      'Jürgen-Maximilian Weiß (geb. 17.05.2013)',
      longTexts.directionGoal,
      ...Array.from({ length: GOALS }, (_, i) => longTexts.goal(i)),
      ...steps.flatMap((s) => [s.who, s.what]),
      ...['persoenlich', 'sozial', 'materiell', 'sozialraeumlich'].map((a, i) => longTexts.resource(a, i)),
      `Zielerreichung: weitgehend erreicht – ${longTexts.attainmentNote}`,
      longTexts.agreedMeasures,
      'Ort, Datum, Unterschrift Personensorgeberechtigte',
      'Ort, Datum, Unterschrift Kind / Jugendliche(r)',
      'Ort, Datum, Unterschrift Fachkraft',
    ];
    expect(pdfProblems(doc, { texts: drawn(texts), questions })).toEqual([]);
    expect(doc.pages.length).toBeGreaterThanOrEqual(3);
    expect(pageFooters(doc).at(-1)).toContain(`Seite ${doc.pages.length} von ${doc.pages.length}`);
    const text = runningText(doc);
    expect(text).toContain('Ayse Öztürk-Schäfer');
    expect(text).toContain('Olena Shevchenko (Nachbarin)');
    expect(text).toContain('-> Küche');
    expect(text).not.toContain('Fassung wurde fortgeschrieben');
  });

  it('marks a superseded Hilfeplan version whose steps and resources come from the current record', async () => {
    const { cm, caseId, planIds } = await setup();
    const doc = await form(cm, `/cases/${caseId}/forms/hilfeplan?item=${planIds[0]}`);
    expect(pdfProblems(doc, { texts: drawn([longTexts.goal(GOALS - 1)]), questions })).toEqual([]);
    expect(runningText(doc)).toContain('Diese Fassung wurde fortgeschrieben.');
    expect(runningText(doc)).not.toContain('Zielerreichung:');
  });

  it('prints the Protokoll der kollegialen Beratung with a bullet per idea, no "?" in their place', async () => {
    const { cm, caseId, peerId } = await setup();
    const doc = await form(cm, `/cases/${caseId}/forms/beratungsprotokoll?item=${peerId}`);
    const ideas = ['person', 'umfeld', 'sozialraum', 'hze'].flatMap((s) =>
      Array.from({ length: 4 }, (_, i) => longTexts.idea(s, i)),
    );
    const texts = [
      longTexts.question,
      ...ideas,
      longTexts.decision,
      longTexts.closingAnswer,
      'Ort, Datum, Unterschrift Protokoll',
    ];
    expect(pdfProblems(doc, { texts: drawn(texts), questions })).toEqual([]);
    const bullets = doc.pages.flatMap((p) => p.words).filter((w) => w.text === '•');
    expect(bullets).toHaveLength(ideas.length);
  });

  it('lays out the other forms (Falleingang, Beratungsvorlage, Schweigepflichtentbindung, Antrag) without a problem', async () => {
    const { cm, caseId, peerId, consentId, planIds } = await setup();
    const cases: [string, string[]][] = [
      [
        'falleingang',
        [
          longTexts.concern,
          'Oberschule am Weserufer, Klassenlehrerin Frau Groß',
          'Ort, Datum, Unterschrift Fachkraft',
        ],
      ],
      [`beratungsvorlage?item=${peerId}`, [longTexts.will, longTexts.directionGoal, longTexts.question]],
      [
        `schweigepflichtentbindung?item=${consentId}`,
        [longTexts.purpose, 'Ort, Datum, Unterschrift Ayse Öztürk-Schäfer', 'bis auf Widerruf'],
      ],
      [
        `antrag?item=${planIds[0]}`,
        [longTexts.concern, longTexts.will, 'Ort, Datum, Unterschrift Personensorgeberechtigte'],
      ],
    ];
    for (const [kind, texts] of cases) {
      const doc = await form(cm, `/cases/${caseId}/forms/${kind}`);
      expect({ kind, problems: pdfProblems(doc, { texts: drawn(texts), questions }) }).toEqual({
        kind,
        problems: [],
      });
    }
    const falleingang = runningText(await form(cm, `/cases/${caseId}/forms/falleingang`));
    expect(falleingang).toContain(LONG_WORD.slice(0, 20));
    expect(falleingang.replace(/\s/g, '')).toContain(HYPHENATED);
  });
});
