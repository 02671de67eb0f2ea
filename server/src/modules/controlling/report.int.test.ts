import { todayIso } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { handBuilt, insertMeasure } from '../../../test/controlling.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, pdfProblems, runningText } from '../../../test/pdf-layout.ts';

/**
 * The committee report of the hand-built Nordhafen (test/controlling.ts), with two earlier years: the system starts
 * in 2023 with one case (the ramp-up year: 31 days of help, 3.100,00 €), 2024 is a full year (306 days, 30.600,00 €),
 * 2025 has the hand-built figures (24.500,00 €). 1.000 young inhabitants every year.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function threeYears() {
  const built = await handBuilt(app);
  const { db, tenant, cm, spfh, offer } = built;
  for (const year of [2023, 2024]) {
    await db
      .insertInto('population')
      .values(
        ['0-5', '6-9', '10-13', '14-17', '18-20'].map((band, i) => ({
          tenant_id: tenant.id,
          district_id: tenant.districts.a,
          year,
          age_band: band,
          residents: [400, 300, 200, 100, 0][i] as number,
        })),
      )
      .execute();
  }
  const first = await openTestCase(cm, { openedOn: '2023-06-01', childFirstName: 'Erik' });
  await insertMeasure(db, tenant, first.caseId, spfh, offer, '2023-12-01', '2023-12-31', 'bewilligt');
  const second = await openTestCase(cm, { openedOn: '2024-02-01', childFirstName: 'Fenja' });
  await insertMeasure(db, tenant, second.caseId, spfh, offer, '2024-03-01', '2024-12-31', 'bewilligt');
  const controller = await Client.as(app, tenant, 'controller');
  return { ...built, controller };
}

async function report(controller: Client, query: string) {
  const res = await controller.get(`/controlling/report?${query}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return inspectPdf(res.rawPayload);
}

describe('committee report (Kennzahlenbericht)', () => {
  it('names the region (not an Aktenzeichen) and measures change from the first full year after the ramp-up year', async () => {
    const { db, tenant, controller } = await threeYears();
    const doc = await report(controller, 'region=NH&from=2023&to=2025');
    const audited = await db
      .selectFrom('audit_log')
      .select('details')
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'controlling_report')
      .execute();
    expect(audited.map((a) => a.details)).toEqual([
      { region: 'NH', from: 2023, to: 2025, baseline: 2024, format: 'pdf' },
    ]);
    const texts = [
      'Kennzahlenbericht Nordhafen, 2023–2025',
      'Region: Nordhafen (Stadtteil)',
      'Zeitraum: 2023–2025',
      'Basisjahr: 2024',
      'Veränderung 2024 bis 2025',
      // 24.500,00 / 30.600,00 - 1 = -19,93 %; the minus is drawn as an en dash (WinAnsi has no minus sign)
      'Kosten gesamt (€ im Jahr) 30.600,00 € 24.500,00 € –19,9 %',
      'Kosten je JEW (€ im Jahr) 30,60 € 24,50 € –19,9 %',
      // 1 help of 1.000 JEW each year: the density would give the 1 back, so it and its change are withheld.
      'Hilfedichte (je 1.000 JEW, 31.12.) gesperrt gesperrt nicht ausgewiesen',
      'Das Einführungsjahr 2023 (erstes Jahr mit Fallakten) dient nicht als Basis',
      '2023 (E) 3.100,00 €',
      '2024 30.600,00 €',
    ];
    expect(pdfProblems(doc, { texts })).toEqual([]);
    expect(runningText(doc)).not.toContain('Aktenzeichen');
    // The change of a count shown as "<5" would reveal it (2023: 2 cases, 2025: 5); and 2025's 5 cases minus its
    // Kostenfälle or Beratungsfälle would reveal the other, suppressed one: withheld.
    expect(pdfProblems(doc, { texts: ['Fälle (am 31.12.) <5 gesperrt nicht ausgewiesen'] })).toEqual([]);
  });

  it('gives every key figure its scale and one number format: thousands point, fixed decimals per kind', async () => {
    const { controller } = await threeYears();
    const doc = await report(controller, 'region=NH&from=2023&to=2025');
    const texts = [
      'Jugendeinwohner (JEW) 1.000 Einwohner unter 21 Jahren 2025',
      'Kostenfälle <5 Fälle mit laufender Hilfe am 31.12.2025',
      // 1,0 and 20,0 beside 1.000 JEW would give back 1 and 2 helps.
      'Hilfedichte gesperrt laufende Hilfen je 1.000 JEW am 31.12.2025',
      'Inanspruchnahme gesperrt Hilfen (laufend am 31.12. oder im Jahr beendet) je 10.000 JEW im Jahr 2025',
      'Kosten gesamt 24.500,00 € Ausgaben im Jahr 2025',
      'Kosten je JEW 24,50 € Ausgaben im Jahr 2025 je Einwohner unter 21 Jahren',
      'Dauer beendeter Hilfen 61 Tage Median der im Jahr 2025 beendeten Hilfen',
      'je 1.000 Einwohner unter 21 Jahren am 31.12.',
    ];
    expect(pdfProblems(doc, { texts })).toEqual([]);
    // Every number (not a date) with a point between thousands; four digits without one only as a year.
    const numbers = doc.pages
      .flatMap((p) => p.words.map((w) => w.text))
      .filter((w) => /^[+–]?\d[\d.,]*$/.test(w) && !/^\d\d\.\d\d\.(\d{4})?$/.test(w));
    expect(numbers.length).toBeGreaterThan(20);
    for (const n of numbers) {
      const bare = n.replace(/^[+–]/, '').replace(/[.,]$/, '');
      const year = /^(19|20)\d\d$/.test(bare);
      expect({ n, grouped: year || /^\d{1,3}(\.\d{3})*(,\d+)?$/.test(bare) }).toEqual({ n, grouped: true });
    }
    // Rates and percentages with one decimal, money with two: never "33,8" beside "33,80".
    const decimals = new Set(numbers.filter((n) => n.includes(',')).map((n) => n.split(',')[1]?.length));
    expect([...decimals].sort()).toEqual([1, 2]);
  });

  it('uses an asked baseline, says when it is the ramp-up year, and refuses one not before the last year', async () => {
    const { controller } = await threeYears();
    const doc = await report(controller, 'region=NH&from=2023&to=2025&baseline=2023');
    // 24.500,00 / 3.100,00 - 1 = 690,32 %
    const texts = [
      'Basisjahr: 2023',
      'Kosten gesamt (€ im Jahr) 3.100,00 € 24.500,00 € +690,3 %',
      'Basisjahr 2023 (ausdrücklich gewählt; es ist das Einführungsjahr',
    ];
    expect(pdfProblems(doc, { texts })).toEqual([]);
    const refused = await controller.get('/controlling/report?region=NH&from=2023&to=2025&baseline=2025');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'baseline' });
  });

  it('says so when the period has no baseline year besides the ramp-up year', async () => {
    const { tenant } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const doc = await report(controller, 'region=NH&from=2025&to=2025');
    expect(
      pdfProblems(doc, { texts: ['Basisjahr: keines', 'die Veränderung wird nicht ausgewiesen'] }),
    ).toEqual([]);
  });

  it('names the whole city without a kind and shows its density once, not against itself', async () => {
    const { controller } = await threeYears();
    const doc = await report(controller, 'region=stadt&from=2023&to=2025');
    const texts = [
      'Region: Stadt (gesamt) Zeitraum',
      'Hilfedichte am Jahresende Jahr Stadt (gesamt) 2023 gesperrt 2024',
    ];
    expect(pdfProblems(doc, { texts })).toEqual([]);
  });
});

describe('default period of the steering page', () => {
  it('ends with the last full year and starts ten years earlier or with the first year with data', async () => {
    const { controller } = await threeYears();
    const last = Number(todayIso().slice(0, 4)) - 1;
    const res = await controller.get('/controlling/defaults');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      from: Math.max(last - 9, 2023),
      to: last,
      year: last,
      firstRecordYear: 2023,
      firstDataYear: 2023,
    });
    const imported = await controller.post('/controlling/aggregates', {
      csv: 'region,period,metric,value\nNH,2011,costs_ambulant,1000.00\nNH,2005,sgb2_quote,12.5',
    });
    expect(imported.statusCode).toBe(200);
    expect((await controller.get('/controlling/defaults')).json()).toMatchObject({
      from: Math.max(last - 9, 2011),
      firstRecordYear: 2023,
      firstDataYear: 2011,
    });
  });
});
