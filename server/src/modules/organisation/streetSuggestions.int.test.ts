import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** A street with two house-number ranges (1-49 team A, 50-99 team B) and nothing beyond 99. */
async function streetWithRanges(
  admin: Client,
  tenant: TestTenant,
  name = 'Hafenstraße',
  postalCode = '47001',
) {
  const street = await admin.post('/organisation/streets', {
    districtId: tenant.districts.a,
    name,
    postalCode,
  });
  expect(street.statusCode).toBe(201);
  const streetId = street.json().id as string;
  for (const [teamId, houseFrom, houseTo] of [
    [tenant.teams.b, 50, 99],
    [tenant.teams.a, 1, 49],
  ] as const) {
    const rule = await admin.post('/organisation/responsibilities', { streetId, teamId, houseFrom, houseTo });
    expect(rule.statusCode).toBe(201);
  }
  return streetId;
}

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const admin = await Client.as(app, tenant, 'admin');
  const cm = await Client.as(app, tenant, 'caseManagerA');
  return { db, tenant, admin, cm };
}

describe('GET /organisation/street-suggestions', () => {
  it('finds streets by part of their name, with postal code, district and the house-number ranges by number', async () => {
    const { tenant, admin, cm } = await setup();
    const hafen = await streetWithRanges(admin, tenant);
    const res = await cm.get('/organisation/street-suggestions?q=hafenstr');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        id: hafen,
        name: 'Hafenstraße',
        postalCode: '47001',
        district: { id: tenant.districts.a, name: 'Nordhafen' },
        ranges: [
          { houseFrom: 1, houseTo: 49, team: { id: tenant.teams.a, name: 'Team A' } },
          { houseFrom: 50, houseTo: 99, team: { id: tenant.teams.b, name: 'Team B' } },
        ],
      },
    ]);
    // "strasse" is read as "straße"; each word typed may stand anywhere; a whole-street rule has no numbers.
    const boje = (await cm.get('/organisation/street-suggestions?q=bojen%20strasse')).json();
    expect(boje).toEqual([
      expect.objectContaining({
        name: 'Bojenstraße',
        ranges: [{ houseFrom: null, houseTo: null, team: { id: tenant.teams.b, name: 'Team B' } }],
      }),
    ]);
    const words = (await cm.get('/organisation/street-suggestions?q=WEG%20anker')).json();
    expect(words.map((s: { name: string }) => s.name)).toEqual(['Ankerweg']);
    expect((await cm.get('/organisation/street-suggestions?q=anker%20bojen')).json()).toEqual([]);
  });

  it('answers only streets of the own office, also when another office has the same name', async () => {
    const { db, tenant, cm } = await setup();
    const other = await createTestTenant(db);
    await streetWithRanges(await Client.as(app, other, 'admin'), other, 'Ankerstraße');
    const names = (await cm.get('/organisation/street-suggestions?q=anker')).json();
    expect(names.map((s: { id: string }) => s.id)).toEqual([tenant.streets.a]);
  });

  it('asks for two letters at least, naming the field', async () => {
    const { cm } = await setup();
    const res = await cm.get('/organisation/street-suggestions?q=a');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'q', message: 'Bitte mindestens zwei Buchstaben eingeben.' },
    ]);
  });
});

describe('GET /organisation/address-check', () => {
  it('names the team of the range that holds the number, and no team beyond the ranges', async () => {
    const { tenant, admin, cm } = await setup();
    const hafen = await streetWithRanges(admin, tenant);
    const check = async (n: string) =>
      (await cm.get(`/organisation/address-check?streetId=${hafen}&houseNumber=${n}`)).json();
    expect((await check('49a')).team).toEqual({ id: tenant.teams.a, name: 'Team A' });
    expect((await check('50')).team).toEqual({ id: tenant.teams.b, name: 'Team B' });
    expect(await check('120')).toEqual({
      street: { id: hafen, name: 'Hafenstraße', postalCode: '47001' },
      district: { id: tenant.districts.a, name: 'Nordhafen' },
      team: null,
    });
  });

  it("refuses another office's street and a malformed house number, naming the field", async () => {
    const { db, cm } = await setup();
    const other = await createTestTenant(db);
    const foreign = await cm.get(`/organisation/address-check?streetId=${other.streets.a}&houseNumber=1`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('streetId');
    const bad = await cm.get(`/organisation/address-check?streetId=${cm.tenant.streets.a}&houseNumber=1-3`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toEqual({ field: 'houseNumber', message: 'Hausnummer wie 12 oder 12a.' });
  });
});
