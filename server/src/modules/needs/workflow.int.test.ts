import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem } from '../../../test/pages.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  return { tenant, lead: await Client.as(app, tenant, 'teamLeadA') };
}

/** Records one mention of a need and returns the need's id. */
async function mention(
  client: Client,
  tenant: TestTenant,
  text: string,
  source: string,
  mentionedOn = '2026-02-10',
  district: 'a' | 'b' = 'a',
) {
  const res = await client.post('/needs', {
    districtId: tenant.districts[district],
    ageCohort: '3-10',
    text,
    source,
    mentionedOn,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const bySource = (detail: { sources: { source: string; mentions: number }[] }) =>
  Object.fromEntries(detail.sources.map((s) => [s.source, s.mentions]));

describe('needs from every source', () => {
  it('keeps each mention with its source; the same open need counts up', async () => {
    const { tenant, lead } = await setup();
    const id = await mention(lead, tenant, 'Elterncafé am Vormittag', 'bedarfsrunde');
    expect(await mention(lead, tenant, ' elterncafé am vormittag', 'besuch')).toBe(id);
    expect(await mention(lead, tenant, 'Elterncafé am Vormittag', 'netzwerk')).toBe(id);
    const detail = (await lead.get(`/needs/${id}`)).json();
    expect(detail.mentions).toBe(3);
    expect(bySource(detail)).toEqual({ bedarfsrunde: 1, besuch: 1, netzwerk: 1 });
  });

  it('refuses an unknown source or district, naming the field, and writes nothing', async () => {
    const { tenant, lead } = await setup();
    const base = {
      districtId: tenant.districts.a,
      ageCohort: '3-10',
      text: 'Spielgruppe',
      mentionedOn: '2026-02-10',
    };
    expectFieldProblem(await lead.post('/needs', { ...base, source: 'zufall' }), 'source');
    expectFieldProblem(
      await lead.post('/needs', { ...base, source: 'besuch', districtId: tenant.streets.a }),
      'districtId',
    );
    expect((await lead.get('/needs')).json().items).toEqual([]);
  });

  it('lets Jugendhilfeplanung read needs and counts but not record them', async () => {
    const { tenant, lead } = await setup();
    const id = await mention(lead, tenant, 'Hausaufgabenhilfe', 'erkundung');
    const controller = await Client.as(app, tenant, 'controller');
    expect((await controller.get(`/needs/${id}`)).json().mentions).toBe(1);
    const res = await controller.post('/needs', {
      districtId: tenant.districts.a,
      ageCohort: '3-10',
      text: 'x',
      source: 'besuch',
      mentionedOn: '2026-02-10',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('merging and splitting needs', () => {
  it('merging adds counts and sources; splitting restores both exactly', async () => {
    const { tenant, lead } = await setup();
    const cafe = await mention(lead, tenant, 'Elterncafé', 'bedarfsrunde');
    await mention(lead, tenant, 'Elterncafé', 'gespraech');
    const treff = await mention(lead, tenant, 'Treffpunkt für Eltern', 'besuch');
    await mention(lead, tenant, 'Treffpunkt für Eltern', 'besuch');
    await mention(lead, tenant, 'Treffpunkt für Eltern', 'netzwerk');
    const before = {
      cafe: (await lead.get(`/needs/${cafe}`)).json(),
      treff: (await lead.get(`/needs/${treff}`)).json(),
    };

    const merged = await lead.post(`/needs/${cafe}/merge`, { needId: treff, version: before.treff.version });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().mentions).toBe(5);
    expect(bySource(merged.json())).toEqual({ bedarfsrunde: 1, gespraech: 1, besuch: 2, netzwerk: 1 });
    expect(merged.json().merged.map((m: { id: string }) => m.id)).toEqual([treff]);
    // The merged need leaves the list; a new mention of it counts in both.
    expect((await lead.get('/needs')).json().items.map((n: { id: string }) => n.id)).toEqual([cafe]);
    expect(await mention(lead, tenant, 'Treffpunkt für Eltern', 'erkundung')).toBe(treff);
    expect((await lead.get(`/needs/${cafe}`)).json().mentions).toBe(6);

    const treffNow = (await lead.get(`/needs/${treff}`)).json();
    expect(treffNow.mergedInto).toEqual({ id: cafe, text: 'Elterncafé' });
    const split = await lead.post(`/needs/${cafe}/split`, { needId: treff, version: treffNow.version });
    expect(split.statusCode, split.body).toBe(200);
    expect(split.json().mentions).toBe(before.cafe.mentions);
    expect(bySource(split.json())).toEqual(bySource(before.cafe));
    const treffAfter = (await lead.get(`/needs/${treff}`)).json();
    expect(treffAfter.mentions).toBe(4);
    expect(bySource(treffAfter)).toEqual({ besuch: 2, netzwerk: 1, erkundung: 1 });
    expect(treffAfter.mergedInto).toBeNull();
    expect((await lead.get('/needs')).json().items).toHaveLength(2);
  });

  it('refuses merging needs of different districts, a need into itself, and a stale version', async () => {
    const { tenant, lead } = await setup();
    const a = await mention(lead, tenant, 'Sprachkurs', 'besuch');
    const b = await mention(lead, tenant, 'Sprachkurs', 'besuch', '2026-02-10', 'b');
    const c = await mention(lead, tenant, 'Deutschkurs', 'besuch');
    expectFieldProblem(await lead.post(`/needs/${a}/merge`, { needId: b, version: 1 }), 'needId');
    expectFieldProblem(await lead.post(`/needs/${a}/merge`, { needId: a, version: 1 }), 'needId');
    const stale = await lead.post(`/needs/${a}/merge`, { needId: c, version: 99 });
    expect(stale.statusCode).toBe(409);
    expect((await lead.get(`/needs/${a}`)).json().mentions).toBe(1);
  });

  it('sets a need erledigt and open again, but not "in Arbeit" by hand', async () => {
    const { tenant, lead } = await setup();
    const id = await mention(lead, tenant, 'Ferienangebot', 'bedarfsrunde');
    const detail = (await lead.get(`/needs/${id}`)).json();
    const done = await lead.put(`/needs/${id}/status`, { status: 'erledigt', version: detail.version });
    expect(done.json().status).toBe('erledigt');
    const reopened = await lead.put(`/needs/${id}/status`, { status: 'offen', version: done.json().version });
    expect(reopened.json().status).toBe('offen');
    expectFieldProblem(
      await lead.put(`/needs/${id}/status`, { status: 'in_arbeit', version: reopened.json().version }),
      'status',
    );
  });
});

describe('what is asked most, over time', () => {
  it('counts mentions per quarter, merged needs in the need they joined, most named first', async () => {
    const { tenant, lead } = await setup();
    const cafe = await mention(lead, tenant, 'Elterncafé', 'bedarfsrunde', '2026-01-15');
    await mention(lead, tenant, 'Elterncafé', 'bedarfsrunde', '2026-04-15');
    const treff = await mention(lead, tenant, 'Elterntreff', 'besuch', '2026-04-20');
    await mention(lead, tenant, 'Spielplatz', 'netzwerk', '2026-05-02');
    await lead.post(`/needs/${cafe}/merge`, { needId: treff, version: 1 });
    const res = await lead.get(
      `/needs/trend?districtId=${tenant.districts.a}&ageCohort=3-10&from=2026-01-01&to=2026-06-30`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      quarters: ['2026-Q1', '2026-Q2'],
      needs: [
        { id: cafe, text: 'Elterncafé', district: 'Nordhafen', total: 3, perQuarter: [1, 2] },
        { id: expect.any(String), text: 'Spielplatz', district: 'Nordhafen', total: 1, perQuarter: [0, 1] },
      ],
    });
    expectFieldProblem(await lead.get('/needs/trend?from=2026-06-01&to=2026-01-01'), 'to');
  });
});
