import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handBuilt } from '../../../test/controlling.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, runningText } from '../../../test/pdf-layout.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

type Figure = {
  key: string;
  value: number | null;
  growthPct: number | null;
  light: string | null;
  lightLabel: string | null;
};
const figure = (figures: Figure[], key: string) => figures.find((f) => f.key === key) as Figure;

describe('targets with traffic lights', () => {
  it('rates each figure against its target in words: reached, narrowly missed, missed', async () => {
    // Nordhafen 2025: 24.50 € per JEW, density 1 per 1,000 JEW, 66.67 % counselling cases (controlling.int.test.ts).
    const { tenant } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const set = (figure: string, region: string, target: string, tolerancePct?: number) =>
      controller.put('/controlling/targets', { figure, region, year: 2025, target, tolerancePct });
    // 24.50 is above 24.00 but within 5 %: amber.
    expect((await set('per_jew_total', 'Nordhafen', '24.00')).json()).toEqual({
      figure: 'per_jew_total',
      region: 'NH',
      year: 2025,
      target: '24.00',
      tolerancePct: 5,
    });
    await set('density_per1000', 'NH', '1.00'); // equal: green
    await set('share_beratung', 'NH', '80', 10); // higher is better; 66.67 < 72: red
    const res = await controller.get('/controlling/steering?region=NH&year=2025');
    expect(res.statusCode).toBe(200);
    const figures = res.json().figures as Figure[];
    expect(figure(figures, 'per_jew_total')).toMatchObject({
      value: 24.5,
      light: 'gelb',
      lightLabel: 'knapp verfehlt',
    });
    expect(figure(figures, 'density_per1000')).toMatchObject({
      value: 1,
      light: 'gruen',
      lightLabel: 'Ziel erreicht',
    });
    expect(figure(figures, 'share_beratung')).toMatchObject({
      value: 66.67,
      light: 'rot',
      lightLabel: 'verfehlt',
    });
    expect(figure(figures, 'costs_total')).toMatchObject({ light: null, lightLabel: null });

    // The committee report names each target with its rating in words.
    const pdf = await controller.get('/controlling/report?region=NH&from=2025&to=2025');
    const text = runningText(await inspectPdf(pdf.rawPayload));
    expect(text).toContain('Zielwerte 2025');
    expect(text).toContain('Kosten je JEW 24,00 € 24,50 € knapp verfehlt');
    expect(text).toContain('Anteil Beratungsfälle');

    // Removing a target takes its light away.
    expect(
      (await controller.delete('/controlling/targets?figure=density_per1000&region=NH&year=2025')).statusCode,
    ).toBe(204);
    const after = (await controller.get('/controlling/steering?region=NH&year=2025')).json()
      .figures as Figure[];
    expect(figure(after, 'density_per1000').light).toBeNull();
    expect((await controller.get('/controlling/targets?year=2025')).json()).toHaveLength(2);
  });

  it('lets only holders of controlling:steer set targets, and refuses bad input without writing', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const controller = await Client.as(app, tenant, 'controller');
    const director = await Client.as(app, tenant, 'director');
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const target = { figure: 'per_jew_total', region: 'stadt', year: 2025, target: '800' };
    expect((await lead.put('/controlling/targets', target)).statusCode).toBe(403);
    expect((await director.put('/controlling/targets', target)).statusCode).toBe(200);
    const unknown = await controller.put('/controlling/targets', { ...target, figure: 'gewinn' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'figure', message: 'Unbekannte Kennzahl.' });
    const negative = await controller.put('/controlling/targets', { ...target, target: '-1' });
    expect(negative.json().errors[0].field).toBe('target');
    const tolerance = await controller.put('/controlling/targets', { ...target, tolerancePct: 150 });
    expect(tolerance.json().errors[0].field).toBe('tolerancePct');
    expect((await controller.get('/controlling/targets')).json()).toEqual([
      { figure: 'per_jew_total', region: 'stadt', year: 2025, target: '800.00', tolerancePct: 5 },
    ]);
    expect(
      (await controller.delete('/controlling/targets?figure=density_per1000&region=stadt&year=2025'))
        .statusCode,
    ).toBe(404);
  });
});

describe('growth against a baseline year for every figure', () => {
  it('gives (value / baseline - 1) × 100 for each figure with values in both years', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const controller = await Client.as(app, tenant, 'controller');
    await controller.post('/controlling/aggregates', {
      csv: [
        'region,period,metric,value',
        'Walle,2011,costs_ambulant,1652880.00',
        'Walle,2011,costs_stationaer,4500000.00',
        'Walle,2011,jew_u21,10000',
        'Walle,2011,measures_active,300',
        'Walle,2012,costs_ambulant,1542774.85',
        'Walle,2012,costs_stationaer,4300000.00',
        'Walle,2012,jew_u21,10400',
        'Walle,2012,measures_active,312',
      ].join('\n'),
    });
    const res = await controller.get('/controlling/steering?region=Walle&year=2012&baseline=2011');
    expect(res.statusCode).toBe(200);
    const figures = res.json().figures as Figure[];
    // 5,842,774.85 / 6,152,880 - 1 = -5.04 %; JEW 10,400 / 10,000 - 1 = +4 %
    expect(figure(figures, 'costs_total').growthPct).toBe(-5.04);
    expect(figure(figures, 'jew').growthPct).toBe(4);
    // per JEW: 561.81 / 615.29 - 1 = -8.69 %; density 30 / 30 (per 1,000 JEW): 0 %
    expect(figure(figures, 'per_jew_total')).toMatchObject({ value: 561.81, growthPct: -8.69 });
    expect(figure(figures, 'density_per1000')).toMatchObject({ value: 30, growthPct: 0 });
    // No cases imported: no value, no growth.
    expect(figure(figures, 'cases_active')).toMatchObject({ value: null, growthPct: null });
    const late = await controller.get('/controlling/steering?region=Walle&year=2012&baseline=2012');
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0].field).toBe('baseline');
  });
});

describe('IKO comparison', () => {
  it('gives every city per cost category and year with mean and median', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const controller = await Client.as(app, tenant, 'controller');
    const city = (name: string, year: number, amb: number, stat: number, other: number, jew: number) =>
      [
        `${name},${year},costs_ambulant,${amb}`,
        `${name},${year},costs_stationaer,${stat}`,
        `${name},${year},costs_sonstige,${other}`,
        `${name},${year},jew_u21,${jew}`,
      ].join('\n');
    await controller.post('/controlling/aggregates', {
      csv: [
        'region,period,metric,value',
        city('Dortmund', 2023, 100000, 200000, 0, 1000), // 100, 200, 0, 300 per JEW
        city('Essen', 2023, 150000, 250000, 50000, 1000), // 150, 250, 50, 450
        city('Köln', 2023, 90000, 300000, 10000, 2000), // 45, 150, 5, 200
        city('Dortmund', 2024, 100000, 200000, 0, 1200), // 83.33, 166.67, 0, 250
        city('Essen', 2024, 150000, 250000, 50000, 1000), // 150, 250, 50, 450
      ].join('\n'),
    });
    const res = await controller.get('/controlling/iko?from=2023&to=2024');
    expect(res.statusCode).toBe(200);
    const iko = res.json();
    const of = (year: number, category: string) =>
      iko.years
        .find((y: { year: number }) => y.year === year)
        .categories.find((c: { category: string }) => c.category === category);
    // 2023 total: 300, 450, 200 → mean 950 / 3 = 316.67, median 300
    expect(of(2023, 'total')).toMatchObject({ mean: '316.67', median: '300.00' });
    expect(of(2023, 'total').values).toHaveLength(3);
    // 2023 ambulant: 100, 150, 45 → mean 98.33, median 100
    expect(of(2023, 'ambulant')).toMatchObject({ mean: '98.33', median: '100.00' });
    // 2024 total: 250, 450 → mean and median 350 (even count: the mean of the two middle values)
    expect(of(2024, 'total')).toMatchObject({ mean: '350.00', median: '350.00' });
    // 2024 stationär: 166.67 (200,000 / 1,200, per JEW to the cent as everywhere) and 250 → 208.335 → 208.34
    expect(of(2024, 'stationaer')).toMatchObject({ median: '208.34' });
    expect((await controller.get('/controlling/iko?from=2024&to=2023')).json().errors[0].field).toBe('to');
  });
});
