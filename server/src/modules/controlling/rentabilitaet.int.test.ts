import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handBuilt, insertMeasure } from '../../../test/controlling.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, runningText } from '../../../test/pdf-layout.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/**
 * The ESPQ report's example (Walle against Bremen): HzE costs (ambulant + stationär) of Walle 6,152,880.00 € in
 * 2011 and 5,842,774.85 € in 2012 (-5.04 %), Bremen 90,000,000 € and 94,059,000 € (+4.51 %). The sonstige costs
 * (Inobhutnahme and the like) are large and must not count by default. In 2013 Walle grows by 10 % while Bremen
 * grows by 2 %: negative savings.
 */
const seeds = [
  'region,period,metric,value',
  'Walle,2011,costs_ambulant,1652880.00',
  'Walle,2011,costs_stationaer,4500000.00',
  'Walle,2011,costs_sonstige,400000.00',
  'Walle,2012,costs_ambulant,1542774.85',
  'Walle,2012,costs_stationaer,4300000.00',
  'Walle,2012,costs_sonstige,380000.00',
  'Walle,2013,costs_ambulant,1927052.34',
  'Walle,2013,costs_stationaer,4500000.00',
  'Bremen,2011,costs_ambulant,25000000',
  'Bremen,2011,costs_stationaer,65000000',
  'Bremen,2011,costs_sonstige,9000000',
  'Bremen,2012,costs_ambulant,26059000',
  'Bremen,2012,costs_stationaer,68000000',
  'Bremen,2012,costs_sonstige,9500000',
  'Bremen,2013,costs_ambulant,27000000',
  'Bremen,2013,costs_stationaer,68940180',
].join('\n');

async function espq() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const controller = await Client.as(app, tenant, 'controller');
  expect((await controller.post('/controlling/aggregates', { csv: seeds })).json().written).toBe(true);
  // The ESPQ report's Anlage 1 for 2012: staff 198,003 + 5,903 + 31,492; training and other project needs 20,349.
  const extra = await controller.put('/controlling/extra-costs', {
    region: 'Walle',
    year: 2012,
    staff: '235398',
    training: '20349',
    other: '0',
  });
  expect(extra.statusCode).toBe(200);
  await controller.put('/controlling/extra-costs', {
    region: 'Walle',
    year: 2013,
    staff: '200000',
    training: '15000',
    other: '5000',
  });
  return { db, tenant, controller };
}

describe('Rentabilitätsbetrachtung as the ESPQ report does it', () => {
  it("reproduces ESPQ's 2012 result on the HzE costs only: 9.55 % or 587.6 T€ saved, 331.8 T€ net", async () => {
    const { controller } = await espq();
    const res = await controller.get('/controlling/rentabilitaet?site=Walle&reference=Bremen&year=2012');
    expect(res.statusCode).toBe(200);
    // expected = 6,152,880 × 94,059,000 / 90,000,000 = 6,152,880 × 1.0451 = 6,430,374.888
    // savings = 6,430,374.888 - 5,842,774.85 = 587,600.038; net = 587,600.038 - 255,747 = 331,853.038
    expect(res.json()).toEqual({
      site: 'Walle',
      reference: 'Bremen',
      year: 2012,
      costSitePrev: '6152880.00',
      costSite: '5842774.85',
      costRefPrev: '90000000.00',
      costRef: '94059000.00',
      expected: '6430374.89',
      savings: '587600.04',
      extraCosts: '255747.00',
      net: '331853.04',
    });
  });

  it('gives negative savings where the site grew faster than its reference, with the cumulative net effect and a forecast', async () => {
    const { controller } = await espq();
    // Walle's planned cost path for 2014; Bremen has no plan and no figures for 2014.
    expect(
      (await controller.put('/controlling/cost-plan', { region: 'Walle', year: 2014, cost: '6300000' }))
        .statusCode,
    ).toBe(200);
    const res = await controller.get(
      '/controlling/rentabilitaet/series?site=Walle&reference=Bremen&from=2012&to=2013',
    );
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.categories).toEqual(['ambulant', 'teilstationaer', 'stationaer']);
    expect(s.rows[0]).toMatchObject({
      year: 2012,
      forecast: false,
      siteChangePct: -5.04,
      refChangePct: 4.51,
      savings: '587600.04',
      savingsPct: 9.55,
      extra: {
        staff: '235398.00',
        training: '20349.00',
        other: '0.00',
        total: '255747.00',
        source: 'entered',
      },
      net: '331853.04',
      cumulativeNet: '331853.04',
      sources: { site: 'imported', reference: 'imported' },
    });
    // 2013: Walle 5,842,774.85 → 6,427,052.34 (+10 %), Bremen 94,059,000 → 95,940,180 (+2 %).
    // expected = 5,842,774.85 × 1.02 = 5,959,630.347; savings = 5,959,630.347 - 6,427,052.34 = -467,421.993
    // net = -467,421.993 - 220,000 = -687,421.993; cumulative = 331,853.04 - 687,421.99 = -355,568.95
    expect(s.rows[1]).toMatchObject({
      year: 2013,
      costSitePrev: '5842774.85',
      costSite: '6427052.34',
      expected: '5959630.35',
      savings: '-467421.99',
      extra: { total: '220000.00' },
      net: '-687421.99',
      cumulativeNet: '-355568.95',
    });
    expect(s.rows[1].savings.startsWith('-')).toBe(true);
    expect(s.totals).toEqual({ savings: '120178.05', extra: '475747.00', net: '-355568.95' });
    // Forecast 2014: Walle planned 6,300,000; Bremen carried forward with its last development (× 1.02).
    // expected = 6,427,052.34 × 1.02 = 6,555,593.3868; savings = 255,593.3868; no extra costs entered.
    expect(s.forecast).toEqual([
      expect.objectContaining({
        year: 2014,
        forecast: true,
        costSite: '6300000.00',
        costRef: '97858983.60',
        expected: '6555593.39',
        savings: '255593.39',
        net: '255593.39',
        cumulativeNet: '-99975.56',
        sources: { site: 'planned', reference: 'extrapolated' },
      }),
    ]);
  });

  it('counts the cost categories of the setting, and refuses an unknown one or a user without the permission', async () => {
    const { controller, tenant } = await espq();
    expect((await controller.get('/controlling/settings')).json()).toEqual({
      rentabCategories: ['ambulant', 'teilstationaer', 'stationaer'],
    });
    const saved = await controller.put('/controlling/settings', {
      rentabCategories: ['ambulant', 'teilstationaer', 'stationaer', 'sonstige'],
    });
    expect(saved.statusCode).toBe(200);
    const r = (
      await controller.get('/controlling/rentabilitaet?site=Walle&reference=Bremen&year=2012')
    ).json();
    // With sonstige: Walle 6,552,880 → 6,222,774.85; Bremen 99,000,000 → 103,559,000.
    expect(r).toMatchObject({
      costSitePrev: '6552880.00',
      costSite: '6222774.85',
      costRefPrev: '99000000.00',
    });
    const bad = await controller.put('/controlling/settings', { rentabCategories: ['kita'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toMatch(/^rentabCategories/);
    const empty = await controller.put('/controlling/settings', { rentabCategories: [] });
    expect(empty.json().errors[0].field).toBe('rentabCategories');
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect((await cm.put('/controlling/settings', { rentabCategories: ['ambulant'] })).statusCode).toBe(403);
    expect(
      (await cm.get('/controlling/rentabilitaet/series?site=Walle&reference=Bremen&from=2012&to=2012'))
        .statusCode,
    ).toBe(403);
    // The refused and the bad changes wrote nothing.
    expect((await controller.get('/controlling/settings')).json().rentabCategories).toContain('sonstige');
  });

  it('leaves Inobhutnahme out of computed costs by default and counts it when chosen', async () => {
    const { db, tenant, cm, cases, offer } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const types = (await cm.get('/help-types')).json() as { id: string; code: string }[];
    const inobhut = types.find((t) => t.code === '42')?.id as string;
    // Ten days at 100.00 a day.
    await insertMeasure(db, tenant, cases.x, inobhut, offer, '2025-02-01', '2025-02-10', 'bewilligt');
    await controller.post('/controlling/aggregates', {
      csv: 'region,period,metric,value\nNH,2024,costs_ambulant,20000\nBremen,2024,costs_ambulant,1000000\nBremen,2025,costs_ambulant,1100000',
    });
    const url = '/controlling/rentabilitaet?site=NH&reference=Bremen&year=2025';
    const before = (await controller.get(url)).json();
    expect(before).toMatchObject({
      costSitePrev: '20000.00',
      costSite: '24500.00',
      expected: '22000.00',
      savings: '-2500.00',
    });
    await controller.put('/controlling/settings', {
      rentabCategories: ['ambulant', 'stationaer', 'inobhutnahme'],
    });
    expect((await controller.get(url)).json()).toMatchObject({ costSite: '25500.00', savings: '-3500.00' });
  });

  it('says which region and year lack costs, and refuses bad extra costs without writing', async () => {
    const { controller } = await espq();
    const missing = await controller.get(
      '/controlling/rentabilitaet/series?site=Walle&reference=Bremen&from=2012&to=2014',
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ field: 'site' });
    expect(missing.json().errors[0].message).toContain('2014');
    const bad = await controller.put('/controlling/extra-costs', {
      region: 'Walle',
      year: 2012,
      staff: '-5',
      training: '0',
      other: '0',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('staff');
    expect((await controller.get('/controlling/extra-costs?region=Walle')).json()).toEqual([
      { region: 'Walle', year: 2012, staff: '235398.00', training: '20349.00', other: '0.00' },
      { region: 'Walle', year: 2013, staff: '200000.00', training: '15000.00', other: '5000.00' },
    ]);
  });

  it('writes the series as a PDF with the yearly and cumulative net effect, audited as an export', async () => {
    const { controller, db, tenant } = await espq();
    const res = await controller.get(
      '/controlling/rentabilitaet/report?site=Walle&reference=Bremen&from=2012&to=2013',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = runningText(await inspectPdf(res.rawPayload));
    expect(text).toContain('Rentabilitätsbetrachtung Walle gegenüber Bremen, 2012–2013');
    expect(text).toContain('331.853,04');
    // The PDF font draws the minus sign as an en dash.
    expect(text).toContain('\u2013355.568,95');
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'rentabilitaet_report')
      .execute();
    expect(audit).toEqual([{ action: 'export', entity_type: 'rentabilitaet_report' }]);
  });
});
