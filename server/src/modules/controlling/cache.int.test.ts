import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closingDecisions } from '../../../test/cases.ts';
import { handBuilt } from '../../../test/controlling.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { cachedFigures, figureCacheStats } from './cache.ts';
import { dataVersion } from './queries/version.ts';
import { resolveRegionAndCity } from './regions.ts';
import { hzeByQuarter } from './series.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** The tenant's audit entries, chained or waiting to be placed (a read's entry waits: docs/security.md). */
const auditEntries = async (tenantId: string) => {
  const { db } = await testDatabase();
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describe('the figures cache', () => {
  it('keeps cached figures when a case is read, and recomputes them when a case is closed', async () => {
    const { tenant, cm, cases } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const q4 = async () =>
      (await controller.get('/controlling/dashboard?region=NH&from=2025&to=2025'))
        .json()
        .quarters.find((q: { quarter: string }) => q.quarter === '2025-Q4');
    const active = async () =>
      (await controller.get('/controlling/kpis?region=NH&year=2025')).json().cases.active;

    expect((await q4()).casesBeratung).toBe(2);
    expect(await active()).toBe(3);
    const computed = figureCacheStats(tenant.id);

    // Reading a case is audited (an entry is written), but it changes no record the figures are made of.
    const entries = await auditEntries(tenant.id);
    expect((await cm.get(`/cases/${cases.z}`)).statusCode).toBe(200);
    expect(await auditEntries(tenant.id)).toBeGreaterThan(entries);
    expect((await q4()).casesBeratung).toBe(2);
    expect(await active()).toBe(3);
    expect(figureCacheStats(tenant.id)).toEqual({ ...computed, hits: computed.hits + 2 });

    // Closing Z (a Beratungsfall) before the Stichtag changes both figures in the next request.
    const closed = await cm.post(`/cases/${cases.z}/close`, {
      closedOn: '2025-11-30',
      reason: 'keine_hilfe_noetig',
      outcome: 'positiv',
      tip: null,
      // Its help, which begins later, is withdrawn or ended with it.
      measures: await closingDecisions(cm, cases.z, '2025-11-30'),
      version: 1,
    });
    expect(closed.statusCode, closed.body).toBe(204);
    expect((await q4()).casesBeratung).toBe(1);
    expect(await active()).toBe(2);
    expect(figureCacheStats(tenant.id).misses).toBeGreaterThanOrEqual(computed.misses + 2);
  });

  it('lets ten parallel requests for a figure not in the cache share one computation', async () => {
    const { db } = await testDatabase();
    const { tenant } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const board = (year: number) =>
      controller.get(`/controlling/dashboard?region=NH&from=${year}&to=${year}`);
    // What one request for a figure nobody has asked for costs (the dashboard and the city line it compares with).
    const start = figureCacheStats(tenant.id);
    expect((await board(2024)).statusCode).toBe(200);
    const perRequest = figureCacheStats(tenant.id).misses - start.misses;
    expect(perRequest).toBe(2);

    // The first request is held inside its computation until the other nine have arrived: the city line it
    // waits for is a computation this test started (under the key the dashboard uses) and finishes only then.
    // So on either database every other request finds the dashboard still running, and none can be a hit.
    const { city } = await resolveRegionAndCity(db, tenant.id, 'NH');
    const line = await hzeByQuarter(db, tenant.id, city, 2025, 2025);
    let release: () => void = () => {};
    const held = cachedFigures(
      db,
      tenant.id,
      ['city-hze', 2025, 2025],
      () => new Promise<typeof line>((resolve) => (release = () => resolve(line))),
    );
    const before = figureCacheStats(tenant.id);
    const answers = Promise.all(Array.from({ length: 10 }, () => board(2025)));
    // One request joins the held city line, nine join its dashboard.
    while (figureCacheStats(tenant.id).shared < before.shared + 10)
      await new Promise((r) => setTimeout(r, 5));
    release();
    await held;
    const bodies = await answers;
    expect(bodies.map((a) => a.statusCode)).toEqual(Array(10).fill(200));
    expect(new Set(bodies.map((a) => a.body)).size).toBe(1);
    const after = figureCacheStats(tenant.id);
    // Two computations: the city line this test held, and one dashboard.
    expect(after.misses - before.misses).toBe(2);
    expect(after.shared - before.shared).toBe(10);
    expect(after.hits).toBe(before.hits);
    // The shared answer is the one computed alone: asked again, it comes from the cache unchanged.
    const again = await board(2025);
    expect(again.body).toBe(bodies[0]?.body);
    expect(figureCacheStats(tenant.id).hits).toBe(after.hits + 1);
  });

  it('hands a failed computation to everyone waiting for it, keeps nothing, and computes afresh next time', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    let calls = 0;
    let fail: (e: Error) => void = () => {};
    const failing = () => {
      calls++;
      return new Promise<number>((_, reject) => {
        fail = reject;
      });
    };
    const key = ['test-figure', 1] as const;
    const waiting = Promise.allSettled(
      Array.from({ length: 5 }, () => cachedFigures(db, tenant.id, key, failing)),
    );
    // Let every caller read the data version and join before the computation fails.
    while (figureCacheStats(tenant.id).shared < 4) await new Promise((r) => setTimeout(r, 5));
    fail(new Error('Rechnung fehlgeschlagen'));
    const outcomes = await waiting;
    expect(calls).toBe(1);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : 'ok'))).toEqual(
      Array(5).fill('Rechnung fehlgeschlagen'),
    );
    expect(await cachedFigures(db, tenant.id, key, async () => 42)).toBe(42);
    expect(figureCacheStats(tenant.id)).toMatchObject({ misses: 2, hits: 0, shared: 4 });
    // Kept per tenant: another tenant asking for the same key computes its own.
    const other = await createTestTenant(db);
    expect(await cachedFigures(db, other.id, key, async () => 7)).toBe(7);
    expect(await cachedFigures(db, tenant.id, key, async () => 0)).toBe(42);
  });

  it("advances a tenant's data version once per changing statement, not by reads or other tenants", async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const version = () => dataVersion(db, tenant.id);
    const start = await version();

    // One statement, five rows: one step.
    const bands = ['0-5', '6-9', '10-13', '14-17', '18-20'];
    await db
      .insertInto('population')
      .values(
        bands.map((band) => ({
          tenant_id: tenant.id,
          district_id: tenant.districts.a,
          year: 2030,
          age_band: band,
          residents: 10,
        })),
      )
      .execute();
    expect(await version()).toBe(start + 1);

    // Reads, and a statement that changes no row, leave it alone.
    await db.selectFrom('population').selectAll().where('tenant_id', '=', tenant.id).execute();
    await db
      .updateTable('population')
      .set({ residents: 0 })
      .where('tenant_id', '=', tenant.id)
      .where('year', '=', 1999)
      .execute();
    expect(await version()).toBe(start + 1);

    // Another tenant's changes count for that tenant only.
    const other = await createTestTenant(db);
    expect(await dataVersion(db, other.id)).toBeGreaterThan(0);
    expect(await version()).toBe(start + 1);

    await db
      .updateTable('population')
      .set({ residents: 11 })
      .where('tenant_id', '=', tenant.id)
      .where('year', '=', 2030)
      .execute();
    await db.deleteFrom('population').where('tenant_id', '=', tenant.id).where('year', '=', 2030).execute();
    expect(await version()).toBe(start + 3);
  });

  it('keys figures by the region exactly as asked, so names differing in case are not merged', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const controller = await Client.as(app, tenant, 'controller');
    const csv = 'region,period,metric,value\nWalle,2012,costs_stationaer,1000.00';
    expect((await controller.post('/controlling/aggregates', { csv })).json().written).toBe(true);
    const total = async (region: string) =>
      (await controller.get(`/controlling/kpis?region=${region}&year=2012`)).json().costs.total;
    expect(await total('Walle')).toBe('1000.00');
    // Imported names are matched as written: "walle" has no imports, whatever was asked before.
    expect(await total('walle')).toBeNull();
    expect(await total('Walle')).toBe('1000.00');
  });
});
