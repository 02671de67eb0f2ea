import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as files from '../../../test/controllingImports.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

/**
 * Imports that mean what they say, through the API (the same files through the CLI: imports.cli.int.test.ts).
 * Figures worked out by hand in test/controllingImports.ts.
 */
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function controller() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  return { db, tenant, client: await Client.as(app, tenant, 'controller') };
}

describe('imported figures through the API', () => {
  it('adds up a year given only by quarters, and the cost-benefit check uses it', async () => {
    const { client } = await controller();
    expect((await client.post('/controlling/aggregates', { csv: files.byQuarters })).json()).toMatchObject({
      written: true,
      rejected: [],
    });
    const k = (await client.get('/controlling/kpis?region=Bremen&year=2022')).json();
    expect(k.costs).toEqual({
      ambulant: '10000.00',
      stationaer: '1000.75',
      sonstige: '0.00',
      total: '11000.75',
    });
    expect(k.sources.costs).toBe('derived');
    expect(k.sources.jew).toBe('imported');
    // 11,000.75 / 1,000 JEW = 11.00075, to the cent.
    expect(k.perJew.total).toBe('11.00');
  });

  it('adds up a year given only by months, and a reference by quarters and months serves the cost-benefit check', async () => {
    const { client } = await controller();
    await client.post('/controlling/aggregates', { csv: files.byQuarters });
    await client.post('/controlling/aggregates', { csv: files.byMonths });
    const k = (await client.get('/controlling/kpis?region=Bremen&year=2023')).json();
    expect(k.costs.ambulant).toBe('12000.50');
    expect(k.sources.costs).toBe('derived');
    // Bremen 2022: 11,000.75 (quarters), 2023: 12,000.50 (months). Walle 1,000.00 then 1,100.00:
    // expected = 1,000.00 × 12,000.50 / 11,000.75 = 1,090.88...; savings = expected - 1,100.00.
    const r = (await client.get('/controlling/rentabilitaet?site=Walle&reference=Bremen&year=2023')).json();
    expect(r).toMatchObject({
      costRefPrev: '11000.75',
      costRef: '12000.50',
      costSitePrev: '1000.00',
      costSite: '1100.00',
      expected: '1090.88',
      savings: '-9.12',
    });
  });

  it('uses a Stichtag stock for its year: an imported count of running help gives a Hilfedichte', async () => {
    const { client } = await controller();
    await client.post('/controlling/aggregates', { csv: files.stichtag });
    const k = (await client.get('/controlling/kpis?region=Hamburg&year=2023')).json();
    expect(k.jew).toBe(5000);
    // 25 / 5,000 × 1,000 = 5; × 10,000 = 50.
    expect(k.density).toEqual({ per1000: 5, per10000: 50 });
    expect(k.cases).toMatchObject({ active: 100, kosten: 40, beratung: 60 });
    expect(k.shareBeratung).toBe(60);
    expect(k.sources).toMatchObject({ measures: 'imported', jew: 'imported', cases: 'imported' });
    // Not the year before: a stock is the day's, not carried back.
    expect((await client.get('/controlling/kpis?region=Hamburg&year=2022')).json().density).toBeNull();
  });

  it('refuses a file whose year and quarters disagree, naming the line, and writes nothing', async () => {
    const { client } = await controller();
    const refused = await client.post('/controlling/aggregates', { csv: files.inconsistent });
    expect(refused.statusCode).toBe(400);
    const error = refused.json().errors[0];
    expect(error.field).toBe('csv.line6');
    expect(error.message).toContain('1.001,00');
    const dry = await client.post('/controlling/aggregates?dryRun=true', { csv: files.inconsistent });
    expect(dry.statusCode).toBe(400);
    // Kiel's sound line was not written either.
    expect((await client.get('/controlling/kpis?region=Kiel&year=2024')).json().jew).toBeNull();
    const regions = (await client.get('/controlling/regions')).json() as { key: string }[];
    expect(regions.map((r) => r.key)).not.toContain('Kiel');
  });

  it('refuses a stock whose year and 31 Dec disagree, and a quarter whose months disagree', async () => {
    const { client } = await controller();
    const stock = await client.post('/controlling/aggregates', {
      csv: 'region,period,metric,value\nKiel,2024,measures_active,10\nKiel,2024-12-31,measures_active,11',
    });
    expect(stock.statusCode).toBe(400);
    expect(stock.json().errors[0].field).toBe('csv.line2');
    const months = ['01', '02', '03'].map((m) => `Kiel,2024-${m},cases_neu,1`);
    const quarter = await client.post('/controlling/aggregates', {
      csv: ['region,period,metric,value', ...months, 'Kiel,2024-Q1,cases_neu,4'].join('\n'),
    });
    expect(quarter.statusCode).toBe(400);
    expect(quarter.json().errors[0].field).toBe('csv.line5');
    // A file that agrees with itself is taken.
    const agreeing = await client.post('/controlling/aggregates', {
      csv: ['region,period,metric,value', ...months, 'Kiel,2024-Q1,cases_neu,3'].join('\n'),
    });
    expect(agreeing.json().written).toBe(true);
  });
});
