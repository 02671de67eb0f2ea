import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem } from '../../../test/pages.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.1, y],
      [x + 0.1, y + 0.1],
      [x, y + 0.1],
      [x, y],
    ],
  ],
});
/** Nordhafen (NH) 8.7-8.8 / 53.0-53.1, Südhafen (SH) 8.8-8.9 / 53.0-53.1. */
const outlines = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'NH' }, geometry: square(8.7, 53.0) },
    { type: 'Feature', properties: { code: 'SH' }, geometry: square(8.8, 53.0) },
  ],
};

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const coordinator = await Client.as(app, tenant, 'coordinatorA');
  const res = await coordinator.put('/atlas/outlines', outlines);
  expect(res.statusCode, res.body).toBe(200);
  return { db, tenant, coordinator };
}

const entryInput = (tenant: TestTenant, change: Record<string, unknown> = {}) => ({
  name: 'Haus der Familie Nordhafen',
  kind: 'familie',
  districtId: tenant.districts.a,
  address: 'Ankerweg 3',
  coordinates: { lon: 8.75, lat: 53.05 },
  ageCohorts: ['0-3', '3-10'],
  contact: 'Tel. 0421 123456',
  openingHours: 'Mo-Fr 9-16 Uhr',
  lowThreshold: true,
  languages: ['Deutsch', 'Türkisch'],
  description: 'Elterncafé, Beratung, Krabbelgruppe.',
  staffIds: [tenant.users.caseManagerA.id],
  lastCheckedOn: '2026-01-10',
  ...change,
});

async function create(client: Client, tenant: TestTenant, change: Record<string, unknown> = {}) {
  const res = await client.post('/atlas/entries', entryInput(tenant, change));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('Stadtteilatlas', () => {
  it('finds entries by text and filters, and flags an entry unchecked for a year', async () => {
    const { tenant, coordinator } = await setup();
    await create(coordinator, tenant);
    await create(coordinator, tenant, {
      name: 'Jugendtreff Südhafen',
      kind: 'jugend',
      districtId: tenant.districts.b,
      coordinates: { lon: 8.85, lat: 53.02 },
      ageCohorts: ['10-16'],
      lowThreshold: false,
      languages: ['Deutsch', 'Arabisch'],
      staffIds: [],
      lastCheckedOn: '2020-05-01',
    });
    const names = async (query: string) =>
      ((await coordinator.get(`/atlas/entries?${query}`)).json().items as { name: string }[]).map(
        (e) => e.name,
      );
    expect(await names('q=familie')).toEqual(['Haus der Familie Nordhafen']);
    expect(await names(`districtId=${tenant.districts.b}`)).toEqual(['Jugendtreff Südhafen']);
    expect(await names('ageCohort=0-3')).toEqual(['Haus der Familie Nordhafen']);
    expect(await names('lowThreshold=true')).toEqual(['Haus der Familie Nordhafen']);
    expect(await names('language=arabisch')).toEqual(['Jugendtreff Südhafen']);
    expect(await names('stale=true')).toEqual(['Jugendtreff Südhafen']);
    const all = (await coordinator.get('/atlas/entries?limit=1')).json();
    expect(all.items[0]).toMatchObject({ name: 'Haus der Familie Nordhafen', stale: false });
    const next = (await coordinator.get(`/atlas/entries?limit=1&cursor=${all.nextCursor}`)).json();
    expect(next.items[0]).toMatchObject({ name: 'Jugendtreff Südhafen', stale: true });
    expect(next.nextCursor).toBeNull();
  });

  it('refuses coordinates outside every district (400 on coordinates) and in another district, writing nothing', async () => {
    const { db, tenant, coordinator } = await setup();
    expectFieldProblem(
      await coordinator.post('/atlas/entries', entryInput(tenant, { coordinates: { lon: 9.5, lat: 53.05 } })),
      'coordinates',
    );
    expectFieldProblem(
      await coordinator.post(
        '/atlas/entries',
        entryInput(tenant, { coordinates: { lon: 8.85, lat: 53.05 } }),
      ),
      'districtId',
    );
    expectFieldProblem(
      await coordinator.post('/atlas/entries', entryInput(tenant, { staffIds: [tenant.id] })),
      'staffIds',
    );
    const rows = await db.selectFrom('atlas_entry').select('id').where('tenant_id', '=', tenant.id).execute();
    expect(rows).toHaveLength(0);
  });

  it('lets the coordinator change an entry (marked checked) and refuses a stale version', async () => {
    const { tenant, coordinator } = await setup();
    const id = await create(coordinator, tenant, { lastCheckedOn: '2020-01-01' });
    const res = await coordinator.put(`/atlas/entries/${id}`, {
      ...entryInput(tenant),
      lastCheckedOn: '2026-02-01',
      staffIds: [],
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ lastCheckedOn: '2026-02-01', stale: false, staff: [], version: 2 });
    const stale = await coordinator.put(`/atlas/entries/${id}`, { ...entryInput(tenant), version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('lets a case worker read the atlas but not change it', async () => {
    const { tenant, coordinator } = await setup();
    const id = await create(coordinator, tenant);
    const worker = await Client.as(app, tenant, 'caseManagerA');
    expect((await worker.get(`/atlas/entries/${id}`)).statusCode).toBe(200);
    expect((await worker.post('/atlas/entries', entryInput(tenant))).statusCode).toBe(403);
    const controller = await Client.as(app, tenant, 'controller');
    expect((await controller.get('/atlas/entries')).statusCode).toBe(403);
  });

  it('draws the map from the outlines and the entries with a place', async () => {
    const { tenant, coordinator } = await setup();
    await create(coordinator, tenant);
    await create(coordinator, tenant, { name: 'Telefonberatung', coordinates: null });
    const map = (await coordinator.get('/atlas/map')).json();
    expect(map.outlines.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([
      'NH',
      'SH',
    ]);
    expect(map.entries).toEqual([expect.objectContaining({ name: 'Haus der Familie Nordhafen', lon: 8.75 })]);
    expect(map.tiles).toBeNull();
  });
});

describe('Ressourcenkarte and the atlas', () => {
  it('links an entry by id; an unknown or another office’s id is a 400 and nothing is written', async () => {
    const { db, tenant, coordinator } = await setup();
    const entryId = await create(coordinator, tenant);
    const worker = await Client.as(app, tenant, 'caseManagerA');
    const { caseId } = await openTestCase(worker);
    const resource = (directoryEntryId: string | null) => ({
      area: 'sozialraeumlich',
      description: 'Elterncafé am Dienstag',
      goalId: null,
      directoryEntryId,
    });
    expect((await worker.post(`/cases/${caseId}/resources`, resource(entryId))).statusCode).toBe(201);
    expectFieldProblem(
      await worker.post(`/cases/${caseId}/resources`, resource('00000000-0000-4000-8000-000000000000')),
      'directoryEntryId',
    );
    const other = await setup();
    const foreignId = await create(other.coordinator, other.tenant);
    expectFieldProblem(
      await worker.post(`/cases/${caseId}/resources`, resource(foreignId)),
      'directoryEntryId',
    );
    const rows = await db.selectFrom('resource').select('id').where('case_id', '=', caseId).execute();
    expect(rows).toHaveLength(1);
    const detail = (await worker.get(`/cases/${caseId}`)).json();
    expect(detail.resources[0]).toMatchObject({
      directoryEntryId: entryId,
      directoryEntryName: 'Haus der Familie Nordhafen',
    });
  });

  it('shows a coordinator how often an entry is used in cases, never which cases', async () => {
    const { tenant, coordinator } = await setup();
    const entryId = await create(coordinator, tenant);
    const worker = await Client.as(app, tenant, 'caseManagerA');
    const first = await openTestCase(worker);
    const second = await openTestCase(worker, { householdName: 'Familie Zweite' });
    for (const c of [first, second])
      await worker.post(`/cases/${c.caseId}/resources`, {
        area: 'sozialraeumlich',
        description: 'Krabbelgruppe',
        goalId: null,
        directoryEntryId: entryId,
      });
    const res = await coordinator.get(`/atlas/entries/${entryId}`);
    expect(res.json().usedInCases).toBe(2);
    for (const c of [first, second]) {
      expect(res.body).not.toContain(c.caseId);
      expect(res.body).not.toContain(c.caseNumber);
      expect((await coordinator.get(`/cases/${c.caseId}`)).statusCode).toBe(403);
    }
  });
});
