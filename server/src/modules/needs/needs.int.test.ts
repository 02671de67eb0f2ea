import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem, walkPages } from '../../../test/pages.ts';
import { encodeCursor } from '../../shared/pagination.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** A kollegiale Beratung of the case whose closing answer (the need) and age cohort are given. */
function peerConsultation(
  closingAnswer: string,
  ageCohort: string,
  roles: { moderatorId: string; minutesId: string; perspectiveId: string },
) {
  return {
    heldOn: '2026-01-21',
    question: 'Wie kann das Kind nachmittags Unterstützung bekommen?',
    ...roles,
    ideas: [{ source: 'sozialraum', text: 'Angebote im Jugendfreizeitheim' }],
    decision: 'Anmeldung beim Jugendfreizeitheim',
    closingAnswer,
    ageCohort,
  };
}

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cmA = await Client.as(app, tenant, 'caseManagerA');
  const cmB = await Client.as(app, tenant, 'caseManagerB');
  const rolesA = {
    moderatorId: tenant.users.colleagueA.id,
    minutesId: tenant.users.deputyA.id,
    perspectiveId: tenant.users.teamLeadA.id,
  };
  const rolesB = {
    moderatorId: tenant.users.teamLeadB.id,
    minutesId: tenant.users.caseManagerB.id,
    perspectiveId: tenant.users.colleagueA.id,
  };
  return { tenant, cmA, cmB, rolesA, rolesB };
}

describe('needs of the districts', () => {
  it('lists a need named in a kollegiale Beratung with its district and count, and counts a second mention up', async () => {
    const { tenant, cmA, rolesA } = await setup();
    const first = await openTestCase(cmA);
    const text = 'Hausaufgabenhilfe am Nachmittag';
    const created = await cmA.post(
      `/cases/${first.caseId}/peer-consultations`,
      peerConsultation(text, '10-16', rolesA),
    );
    expect(created.statusCode).toBe(201);
    const listed = (await cmA.get('/needs')).json().items;
    expect(listed).toEqual([
      {
        id: expect.any(String),
        district: { id: tenant.districts.a, name: 'Nordhafen' },
        ageCohort: '10-16',
        text,
        mentions: 1,
        status: 'offen',
        createdOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        version: 1,
      },
    ]);

    // The same need from another case of the district, written differently in case and blanks: one need, counted twice.
    const second = await openTestCase(cmA, { childFirstName: 'Lina' });
    const again = await cmA.post(
      `/cases/${second.caseId}/peer-consultations`,
      peerConsultation('  hausaufgabenhilfe AM NACHMITTAG ', '10-16', rolesA),
    );
    expect(again.statusCode).toBe(201);
    expect((await cmA.get('/needs')).json().items).toEqual([
      expect.objectContaining({ id: listed[0].id, text, mentions: 2 }),
    ]);

    // Another age cohort is another need.
    await cmA.post(`/cases/${second.caseId}/peer-consultations`, peerConsultation(text, '3-10', rolesA));
    const needs = (await cmA.get('/needs')).json().items;
    expect(needs.map((n: { ageCohort: string; mentions: number }) => [n.ageCohort, n.mentions])).toEqual([
      ['10-16', 2],
      ['3-10', 1],
    ]);
    expect((await cmA.get('/needs?ageCohort=3-10')).json().items).toEqual([
      expect.objectContaining({ ageCohort: '3-10', text }),
    ]);
  });

  it('filters by district: each district sees the needs named in its own cases', async () => {
    const { tenant, cmA, cmB, rolesA, rolesB } = await setup();
    const inA = await openTestCase(cmA);
    const inB = await openTestCase(cmB, { street: 'Bojenstraße' });
    const text = 'Offener Treff für Jugendliche am Wochenende';
    for (const [client, caseId, roles] of [
      [cmA, inA.caseId, rolesA],
      [cmB, inB.caseId, rolesB],
    ] as const) {
      const res = await client.post(
        `/cases/${caseId}/peer-consultations`,
        peerConsultation(text, '16+', roles),
      );
      expect(res.statusCode).toBe(201);
    }
    const districtsOf = (needs: { district: { id: string }; mentions: number }[]) =>
      needs.map((n) => [n.district.id, n.mentions]).sort();
    // The same text in two districts is two needs, one per district.
    expect(districtsOf((await cmA.get('/needs')).json().items)).toEqual(
      [
        [tenant.districts.a, 1],
        [tenant.districts.b, 1],
      ].sort(),
    );
    expect(districtsOf((await cmA.get(`/needs?districtId=${tenant.districts.a}`)).json().items)).toEqual([
      [tenant.districts.a, 1],
    ]);
    expect(districtsOf((await cmA.get(`/needs?districtId=${tenant.districts.b}`)).json().items)).toEqual([
      [tenant.districts.b, 1],
    ]);
  });

  it('is open to roles with need:read and to no one else', async () => {
    const { tenant } = await setup();
    const director = await Client.as(app, tenant, 'director');
    expect((await director.get('/needs')).statusCode).toBe(200);
    // Jugendhilfeplanung sees the needs and their counts (no personal data); finance does not.
    const controller = await Client.as(app, tenant, 'controller');
    expect((await controller.get('/needs')).statusCode).toBe(200);
    const finance = await Client.as(app, tenant, 'finance');
    expect((await finance.get('/needs')).statusCode).toBe(403);
    expect((await new Client(app, tenant).get('/needs')).statusCode).toBe(401);
  });
});

describe('needs page by page', () => {
  /** Fourteen needs in two districts, with ties on the count and on the day. */
  async function manyNeeds() {
    const { db } = await testDatabase();
    const fixture = await setup();
    const { tenant } = fixture;
    const rows = Array.from({ length: 14 }, (_, i) => ({
      tenant_id: tenant.id,
      district_id: i % 4 === 0 ? tenant.districts.b : tenant.districts.a,
      age_cohort: '10-16',
      text: `Bedarf ${i}`,
      source: 'bedarfsrunde',
      mentions: 1 + (i % 3),
      created_on: ['2026-01-05', '2026-02-10'][i % 2] ?? '2026-01-05',
    }));
    const inserted = await db.insertInto('need').values(rows).returning(['id', 'district_id']).execute();
    const listed = await db
      .selectFrom('need')
      .select(['id', 'district_id'])
      .where('tenant_id', '=', tenant.id)
      .orderBy('mentions', 'desc')
      .orderBy('created_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(listed).toHaveLength(inserted.length);
    return { ...fixture, listed };
  }

  it('returns every need exactly once, most mentioned and newest first, in each district too', async () => {
    const { tenant, cmA, listed } = await manyNeeds();
    for (const limit of [3, 7]) {
      const walked = await walkPages<{ id: string }>(cmA, '/needs', limit);
      expect(walked.items.map((n) => n.id)).toEqual(listed.map((n) => n.id));
      expect(walked.pages).toBe(Math.ceil(listed.length / limit));
    }
    const inA = await walkPages<{ id: string }>(cmA, `/needs?districtId=${tenant.districts.a}`, 2);
    expect(inA.items.map((n) => n.id)).toEqual(
      listed.filter((n) => n.district_id === tenant.districts.a).map((n) => n.id),
    );
  });

  it('refuses a forged cursor and a page size above 500, naming the field', async () => {
    const { cmA } = await manyNeeds();
    expectFieldProblem(await cmA.get('/needs?cursor=%25%25'), 'cursor');
    const forged = encodeCursor({ mentions: 2, createdOn: '2026-01-05', id: "x' or 1=1" });
    expectFieldProblem(await cmA.get(`/needs?cursor=${forged}`), 'cursor');
    expectFieldProblem(await cmA.get('/needs?limit=1000'), 'limit');
  });
});
