import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { handBuilt } from '../../../test/controlling.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, runningText } from '../../../test/pdf-layout.ts';
import { figureCacheStats } from './cache.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('key figures on a hand-built district', () => {
  it('computes case types, density, costs per JEW, duration and use exactly', async () => {
    const { tenant } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const res = await controller.get('/controlling/kpis?region=NH&year=2025');
    expect(res.statusCode).toBe(200);
    const k = res.json();
    expect(k).toMatchObject({
      region: { key: 'NH', kind: 'district' },
      jew: 1000,
      jewU18: 1000,
      // Y closes on the Stichtag and still counts; Z's measure is not approved, so Z is a Beratungsfall.
      cases: { active: 3, kosten: 1, beratung: 2, neu: 3 },
      shareBeratung: 66.67,
      measures: { ambulant: 1, stationaer: 0, hze: 1 },
      density: { per1000: 1, per10000: 10 },
      // M1 (184 days) and M3 (61 days) at 100.00 a day
      costs: { ambulant: '24500.00', stationaer: '0.00', sonstige: '0.00', total: '24500.00' },
      perJew: { ambulant: '24.50', total: '24.50' },
      medianDurationDays: 61,
      inanspruchnahme: { per10000: 20 },
      sources: { costs: 'computed', jew: 'computed' },
    });
    expect(JSON.stringify(k)).not.toContain('Beispiel');
  });

  it('says "not available" for a region without young inhabitants instead of dividing by zero', async () => {
    const { tenant } = await handBuilt(app);
    const k = (
      await (await Client.as(app, tenant, 'controller')).get('/controlling/kpis?region=SH&year=2025')
    ).json();
    expect(k.jew).toBeNull();
    expect(k.density).toBeNull();
    expect(k.perJew).toEqual({ ambulant: null, stationaer: null, sonstige: null, total: null });
  });

  it('shows a change to a case in the next request', async () => {
    const { tenant, cm } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const opened = await openTestCase(cm, { openedOn: '2025-11-11', childFirstName: 'Neu' });
    expect(opened.caseId).toBeDefined();
    expect((await controller.get('/controlling/kpis?region=NH&year=2025')).json().cases.neu).toBe(4);
  });

  it('serves a repeated dashboard from the cache and recomputes it after a new case', async () => {
    const { tenant, cm } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const q4 = async () =>
      (await controller.get('/controlling/dashboard?region=NH&from=2025&to=2025'))
        .json()
        .quarters.find((q: { quarter: string }) => q.quarter === '2025-Q4');
    expect((await q4()).casesNeu).toBe(0);
    const before = figureCacheStats(tenant.id);
    expect((await q4()).casesNeu).toBe(0);
    // The second answer came from the cache: one more hit, no more computations.
    expect(figureCacheStats(tenant.id)).toEqual({ ...before, hits: before.hits + 1 });
    await openTestCase(cm, { openedOn: '2025-11-11', childFirstName: 'Nova' });
    expect((await q4()).casesNeu).toBe(1);
    expect(figureCacheStats(tenant.id).misses).toBeGreaterThan(before.misses);
  });

  it('keeps controlling to aggregates: no case, person or staff list', async () => {
    const { tenant } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    expect((await controller.get('/cases')).statusCode).toBe(403);
    expect((await controller.get('/organisation/staff')).statusCode).toBe(403);
    const board = await controller.get('/controlling/dashboard?region=NH&from=2024&to=2025');
    expect(board.statusCode).toBe(200);
    const q4 = board.json().quarters.find((q: { quarter: string }) => q.quarter === '2025-Q4');
    expect(q4).toMatchObject({ densityPer1000: 1, casesKosten: 1, casesBeratung: 2, ambulant: 1 });
    expect(board.json().years.find((y: { year: number }) => y.year === 2025)).toMatchObject({
      total: '24500.00',
      perJewTotal: '24.50',
      source: 'computed',
    });
  });
});

describe('the API document', () => {
  it('documents an answer schema for every controlling route', async () => {
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/controlling/'))
      .flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, op]) => ({
          route: `${method} ${path}`,
          answers: Object.entries(op.responses).map(
            ([status, r]) => status === '204' || r.content !== undefined,
          ),
        })),
      );
    // 14 figure routes (routes.ts) and 13 steering routes (steeringRoutes.ts).
    expect(routes).toHaveLength(27);
    expect(routes.filter((r) => r.answers.length === 0 || r.answers.includes(false))).toEqual([]);
  });
});

describe('publication export', () => {
  it('shows counts under 5 as "<5" in the CSV for publication, and withholds the density beside them', async () => {
    const { tenant } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const res = await controller.get('/controlling/export?region=NH&from=2025&to=2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(5);
    // The density (1 per 1,000 young inhabitants) would give the suppressed help count back: withheld.
    expect(lines[4]).toBe('Nordhafen;2025-Q4;gesperrt;<5;0;<5;<5;0');
  });
});

describe('staff reference', () => {
  it('distributes a total Soll by young inhabitants weighted with the SGB II share', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const controller = await Client.as(app, tenant, 'controller');
    await db
      .insertInto('population')
      .values([
        {
          tenant_id: tenant.id,
          district_id: tenant.districts.a,
          year: 2025,
          age_band: '0-5',
          residents: 1000,
        },
        {
          tenant_id: tenant.id,
          district_id: tenant.districts.b,
          year: 2025,
          age_band: '0-5',
          residents: 1000,
        },
      ])
      .execute();
    // A second centre takes team B (and so Südhafen).
    const centre = await db
      .insertInto('social_centre')
      .values({ tenant_id: tenant.id, name: 'Sozialzentrum Süd', code: 'SUED' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('team')
      .set({ social_centre_id: centre.id })
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', tenant.teams.b)
      .execute();
    await controller.post('/controlling/aggregates', {
      csv: 'region,period,metric,value\nNH,2025,sgb2_quote,50\nSH,2025,sgb2_quote,0\nTEST,2025,staff_soll_vze,4',
    });
    const res = (await controller.get('/controlling/staffing?year=2025&totalSoll=25')).json();
    // Weights 1000 × 1.5 and 1000 × 1.0: 60 % and 40 % of 25 VZE.
    expect(res.centres).toHaveLength(2);
    expect(res.centres).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'TEST',
          weightedJew: 1500,
          share: 60,
          referenceVze: 15,
          sollVze: 4,
          istVze: 4,
        }),
        expect.objectContaining({
          code: 'SUED',
          weightedJew: 1000,
          share: 40,
          referenceVze: 10,
          sollVze: null,
          istVze: 2,
        }),
      ]),
    );
  });
});

describe('committee report', () => {
  it('is a PDF with the key figures and the cost table, small counts as "<5"', async () => {
    const { tenant } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const res = await controller.get('/controlling/report?region=NH&from=2024&to=2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = runningText(await inspectPdf(res.rawPayload));
    expect(text).toContain('Kennzahlenbericht Nordhafen, 2024–2025');
    expect(text).toContain('Kostenfälle <5 Fälle mit laufender Hilfe am 31.12.2025');
    expect(text).toContain('2024 keine Daten 2025 (E) 24.500,00 € 0,00 € 0,00 € 24.500,00 € 24,50 €');
  });
});

describe('imported aggregates and the cost-benefit calculation', () => {
  const seeds = [
    'region,period,metric,value',
    'Walle,2011,costs_ambulant,1652880.00',
    'Walle,2011,costs_stationaer,4500000.00',
    'Walle,2011,costs_sonstige,0',
    'Walle,2012,costs_ambulant,1542774.85',
    'Walle,2012,costs_stationaer,4300000.00',
    'Walle,2012,costs_sonstige,0',
    'Walle,2012,extra_costs,255747',
    'Bremen,2011,costs_ambulant,25000000',
    'Bremen,2011,costs_stationaer,65000000',
    'Bremen,2011,costs_sonstige,0',
    'Bremen,2012,costs_ambulant,26059000',
    'Bremen,2012,costs_stationaer,68000000',
    'Bremen,2012,costs_sonstige,0',
  ].join('\n');

  it("reproduces ESPQ's 2012 result: savings of 9.55 % of Walle's 2011 costs, about 587.6 T€", async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const controller = await Client.as(app, tenant, 'controller');
    const imported = await controller.post('/controlling/aggregates', { csv: seeds });
    expect(imported.json()).toMatchObject({
      accepted: 13,
      rejected: [],
      written: true,
      regions: ['Bremen', 'Walle'],
    });
    const res = await controller.get('/controlling/rentabilitaet?site=Walle&reference=Bremen&year=2012');
    expect(res.statusCode).toBe(200);
    const r = res.json();
    // Walle -5.04 %, Bremen +4.51 %
    expect(r).toEqual({
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
    expect(Number(r.savings) / Number(r.costSitePrev)).toBeCloseTo(0.0955, 4);
    const k = (await controller.get('/controlling/kpis?region=Walle&year=2012')).json();
    expect(k).toMatchObject({
      region: { kind: 'external' },
      costs: { total: '5842774.85' },
      sources: { costs: 'imported' },
    });
  });

  it('writes nothing from a malformed file and reports every rejected line', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const controller = await Client.as(app, tenant, 'controller');
    const csv =
      'region,period,metric,value\nWalle,2011,costs_ambulant,100\nWalle,2011-13,costs_ambulant,1\nWalle,2011,kosten,1\nWalle,2011,jew_u21,viele\nWalle,2011';
    const res = await controller.post('/controlling/aggregates', { csv });
    expect(res.json().written).toBe(false);
    expect(res.json().rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5, 6]);
    const rows = await db
      .selectFrom('aggregate')
      .select('region')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(rows).toEqual([]);
    expect(
      (await (await Client.as(app, tenant, 'caseManagerA')).post('/controlling/aggregates', { csv }))
        .statusCode,
    ).toBe(403);
  });
});

describe('the comparison of cities', () => {
  it('ranks the cities by cost per JEW, lowest first, with the exact median', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const controller = await Client.as(app, tenant, 'controller');
    const city = (name: string, costs: string) =>
      `${name},2012,costs_stationaer,${costs}\n${name},2012,jew_u21,300`;
    const csv = [
      'region,period,metric,value',
      city('Aheim', '300000'),
      city('Beheim', '150001'),
      city('Ceheim', '225000'),
    ];
    expect((await controller.post('/controlling/aggregates', { csv: csv.join('\n') })).json().written).toBe(
      true,
    );
    const res = (await controller.get('/controlling/comparison?year=2012')).json();
    expect(res.cities.map((c: { region: string; perJewTotal: string }) => [c.region, c.perJewTotal])).toEqual(
      [
        ['Beheim', '500.00'],
        ['Ceheim', '750.00'],
        ['Aheim', '1000.00'],
      ],
    );
    expect(res.medianPerJewTotal).toBe('750.00');
  });
});
