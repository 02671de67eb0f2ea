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

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  return { tenant, lead: await Client.as(app, tenant, 'teamLeadA') };
}

const input = (tenant: TestTenant, change: Record<string, unknown> = {}) => ({
  name: 'Elterncafé im Haus der Familie',
  category: 'regelstruktur',
  districtIds: [tenant.districts.a],
  provider: 'Haus der Familie Nordhafen',
  targetGroup: 'Eltern mit Kindern unter drei Jahren',
  description: 'Offenes Café zweimal die Woche.',
  startsOn: '2026-02-01',
  endsOn: '2026-12-31',
  status: 'geplant',
  needIds: [],
  ...change,
});

async function need(client: Client, tenant: TestTenant, text: string) {
  const res = await client.post('/needs', {
    districtId: tenant.districts.a,
    ageCohort: '0-3',
    text,
    source: 'bedarfsrunde',
    mentionedOn: '2026-01-12',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('micro-projects', () => {
  it('turns needs into a project: the needs are "in Arbeit" and name the project', async () => {
    const { tenant, lead } = await setup();
    const needId = await need(lead, tenant, 'Treffpunkt für junge Eltern');
    const res = await lead.post('/micro-projects', input(tenant, { needIds: [needId] }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const detail = (await lead.get(`/micro-projects/${id}`)).json();
    expect(detail).toMatchObject({
      name: 'Elterncafé im Haus der Familie',
      category: 'regelstruktur',
      districts: [{ id: tenant.districts.a, name: 'Nordhafen' }],
      needs: [{ id: needId, status: 'in_arbeit', mentions: 1 }],
      committed: '0.00',
      mayManage: true,
    });
    const needDetail = (await lead.get(`/needs/${needId}`)).json();
    expect(needDetail.status).toBe('in_arbeit');
    expect(needDetail.microProjects).toEqual([{ id, name: 'Elterncafé im Haus der Familie' }]);
    expect(
      (await lead.get(`/micro-projects?districtId=${tenant.districts.a}`))
        .json()
        .map((p: { id: string }) => p.id),
    ).toEqual([id]);
    expect((await lead.get(`/micro-projects?districtId=${tenant.districts.b}`)).json()).toEqual([]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { tenant, lead } = await setup();
    expectFieldProblem(
      await lead.post('/micro-projects', input(tenant, { category: 'sonstiges' })),
      'category',
    );
    expectFieldProblem(await lead.post('/micro-projects', input(tenant, { endsOn: '2026-01-01' })), 'endsOn');
    expectFieldProblem(await lead.post('/micro-projects', input(tenant, { districtIds: [] })), 'districtIds');
    expectFieldProblem(
      await lead.post('/micro-projects', input(tenant, { needIds: [tenant.districts.a] })),
      'needIds',
    );
    expect((await lead.get('/micro-projects')).json()).toEqual([]);
  });

  it('lets team leads manage the projects of their own districts only; controlling reads aggregates only', async () => {
    const { tenant, lead } = await setup();
    const leadB = await Client.as(app, tenant, 'teamLeadB');
    expect((await leadB.post('/micro-projects', input(tenant))).statusCode).toBe(403);
    const id = (await lead.post('/micro-projects', input(tenant))).json().id;
    const detail = (await leadB.get(`/micro-projects/${id}`)).json();
    expect(detail.mayManage).toBe(false);
    expect(
      (await leadB.put(`/micro-projects/${id}`, { ...input(tenant), version: detail.version })).statusCode,
    ).toBe(403);
    const caseManager = await Client.as(app, tenant, 'caseManagerA');
    expect((await caseManager.get(`/micro-projects/${id}`)).statusCode).toBe(200);
    expect((await caseManager.post('/micro-projects', input(tenant))).statusCode).toBe(403);
    const controller = await Client.as(app, tenant, 'controller');
    expect((await controller.get('/micro-projects')).statusCode).toBe(403);
    expect((await controller.get('/micro-projects/budget/2026')).statusCode).toBe(200);
    expect((await controller.get('/micro-projects/access-share')).statusCode).toBe(200);
  });

  it('counts referrals through case management per district and year for controlling', async () => {
    const { tenant, lead } = await setup();
    const id = (await lead.post('/micro-projects', input(tenant))).json().id;
    const ownCase = await openTestCase(await Client.as(app, tenant, 'caseManagerA'));
    const referral = (change: Record<string, unknown>) => ({
      referredOn: '2026-03-02',
      districtId: tenant.districts.a,
      route: 'case_management',
      caseId: null,
      actor: '',
      ...change,
    });
    expect(
      (await lead.post(`/micro-projects/${id}/referrals`, referral({ caseId: ownCase.caseId }))).statusCode,
    ).toBe(201);
    expect((await lead.post(`/micro-projects/${id}/referrals`, referral({}))).statusCode).toBe(201);
    expect(
      (
        await lead.post(
          `/micro-projects/${id}/referrals`,
          referral({ route: 'andere', actor: 'Kita Sonnenblume' }),
        )
      ).statusCode,
    ).toBe(201);
    expectFieldProblem(
      await lead.post(`/micro-projects/${id}/referrals`, referral({ route: 'andere' })),
      'actor',
    );
    // A case of another team: the team lead may not link it (refused as access to the case).
    const otherCase = await openTestCase(await Client.as(app, tenant, 'caseManagerB'), {
      street: 'Bojenstraße',
    });
    expect(
      (await lead.post(`/micro-projects/${id}/referrals`, referral({ caseId: otherCase.caseId }))).statusCode,
    ).toBe(403);

    const detail = (await lead.get(`/micro-projects/${id}`)).json();
    expect(
      detail.referrals.map((r: { route: string; linkedToCase: boolean }) => [r.route, r.linkedToCase]).sort(),
    ).toEqual([
      ['andere', false],
      ['case_management', false],
      ['case_management', true],
    ]);
    const controller = await Client.as(app, tenant, 'controller');
    expect((await controller.get('/micro-projects/access-share')).json()).toEqual([
      {
        year: 2026,
        district: { id: tenant.districts.a, name: 'Nordhafen' },
        referrals: 3,
        throughCaseManagement: 2,
        share: '66.7',
      },
    ]);
  });

  it('keeps participants per quarter and quality reviews; a district with budget stays with the project', async () => {
    const { tenant, lead } = await setup();
    const director = await Client.as(app, tenant, 'director');
    await director.put('/micro-projects/budget/2026', { amount: '800000.00' });
    await director.put('/micro-projects/budget/2026/allocations', {
      districtId: tenant.districts.a,
      amount: '40000.00',
    });
    const id = (await lead.post('/micro-projects', input(tenant))).json().id;
    await lead.put(`/micro-projects/${id}/participants`, { quarter: '2026-Q1', participants: 12 });
    await lead.put(`/micro-projects/${id}/participants`, { quarter: '2026-Q1', participants: 14 });
    await lead.put(`/micro-projects/${id}/participants`, { quarter: '2026-Q2', participants: 9 });
    expectFieldProblem(
      await lead.put(`/micro-projects/${id}/participants`, { quarter: '2026-Q5', participants: 1 }),
      'quarter',
    );
    const review = await lead.post(`/micro-projects/${id}/reviews`, {
      kind: 'gemeinsame_auswertung',
      heldOn: '2026-06-30',
      summary: 'Gut angenommen; Beauftragung ohne Ausschreibung hat funktioniert.',
    });
    expect(review.statusCode, review.body).toBe(201);
    const committed = await lead.put(`/micro-projects/${id}/budget`, {
      year: 2026,
      districtId: tenant.districts.a,
      committed: '12000.00',
      spent: '3000.00',
    });
    expect(committed.statusCode, committed.body).toBe(200);
    const detail = committed.json();
    expect(detail.participants).toEqual([
      { quarter: '2026-Q2', participants: 9 },
      { quarter: '2026-Q1', participants: 14 },
    ]);
    expect(detail.reviews).toHaveLength(1);
    expect(detail.budget).toEqual([
      {
        year: 2026,
        district: { id: tenant.districts.a, name: 'Nordhafen' },
        committed: '12000.00',
        spent: '3000.00',
      },
    ]);
    const moved = { ...input(tenant, { districtIds: [tenant.districts.b] }), version: detail.version };
    // District B is not team A's: refused as such.
    expect((await lead.put(`/micro-projects/${id}`, moved)).statusCode).toBe(403);
    // Once team A is responsible for a street of B too, the move is refused because A carries budget.
    const { db } = await testDatabase();
    await db
      .insertInto('responsibility')
      .values({
        tenant_id: tenant.id,
        street_id: tenant.streets.b,
        team_id: tenant.teams.a,
        house_from: 1,
        house_to: 9,
      })
      .execute();
    expectFieldProblem(await lead.put(`/micro-projects/${id}`, moved), 'districtIds');
    const changed = await lead.put(`/micro-projects/${id}`, {
      ...input(tenant, { status: 'laufend' }),
      version: detail.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().status).toBe('laufend');
  });
});
