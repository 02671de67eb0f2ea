import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, testDatabaseUrl } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem } from '../../../test/pages.ts';
import type { Actor } from '../../shared/actor.ts';
import { inTransaction } from '../../shared/context.ts';
import { commit } from './budget.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const YEAR = 2026;

/** A tenant whose 2026 frame is 1,000.00 €, 800.00 € of it allocated to district A and 200.00 € to B. */
async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const director = await Client.as(app, tenant, 'director');
  const lead = await Client.as(app, tenant, 'teamLeadA');
  expect((await director.put(`/micro-projects/budget/${YEAR}`, { amount: '1000.00' })).statusCode).toBe(200);
  for (const [district, amount] of [
    ['a', '800.00'],
    ['b', '200.00'],
  ] as const) {
    const res = await director.put(`/micro-projects/budget/${YEAR}/allocations`, {
      districtId: tenant.districts[district],
      amount,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { db, tenant, director, lead };
}

async function project(lead: Client, tenant: TestTenant, name: string) {
  const res = await lead.post('/micro-projects', {
    name,
    category: 'methodisch',
    districtIds: [tenant.districts.a],
    provider: 'Haus der Familie Nordhafen',
    targetGroup: 'Familien mit Kindern von 3 bis 10 Jahren',
    description: '',
    startsOn: '2026-01-01',
    endsOn: null,
    status: 'laufend',
    needIds: [],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const commitment = (tenant: TestTenant, committed: string) => ({
  year: YEAR,
  districtId: tenant.districts.a,
  committed,
  spent: '0',
});

async function overview(client: Client) {
  const res = await client.get(`/micro-projects/budget/${YEAR}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the budget frame and its allocation', () => {
  it('never allocates beyond the frame, nor lowers the frame below the allocations; nothing is written', async () => {
    const { tenant, director } = await setup();
    const before = await overview(director);
    const res = await director.put(`/micro-projects/budget/${YEAR}/allocations`, {
      districtId: tenant.districts.b,
      amount: '200.01',
    });
    expectFieldProblem(res, 'amount');
    expect(res.json().errors[0].message).toBe(
      'Die Zuteilung übersteigt den Jahresrahmen; frei sind noch 200,00\u00a0€.',
    );
    expectFieldProblem(await director.put(`/micro-projects/budget/${YEAR}`, { amount: '999.99' }), 'amount');
    expect(await overview(director)).toEqual(before);
    expect(before).toMatchObject({ frame: '1000.00', allocated: '1000.00', committed: '0.00' });
  });

  it('refuses an allocation in a year without a frame, naming the year', async () => {
    const { tenant, director } = await setup();
    expectFieldProblem(
      await director.put('/micro-projects/budget/2030/allocations', {
        districtId: tenant.districts.a,
        amount: '1.00',
      }),
      'year',
    );
  });

  it('lets only the director set frame and allocations', async () => {
    const { tenant, lead } = await setup();
    expect((await lead.put(`/micro-projects/budget/${YEAR}`, { amount: '5000.00' })).statusCode).toBe(403);
    const res = await lead.put(`/micro-projects/budget/${YEAR}/allocations`, {
      districtId: tenant.districts.a,
      amount: '900.00',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('committing a project budget', () => {
  it('commits within the district allocation, exactly to the cent, and shows committed, spent and remaining', async () => {
    const { tenant, lead } = await setup();
    const first = await project(lead, tenant, 'Elterncafé');
    const second = await project(lead, tenant, 'Kidstime');
    expect(
      (
        await lead.put(`/micro-projects/${first}/budget`, {
          ...commitment(tenant, '500.10'),
          spent: '120.05',
        })
      ).statusCode,
    ).toBe(200);
    const res = await lead.put(`/micro-projects/${second}/budget`, commitment(tenant, '299.90'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().committed).toBe('299.90');
    const budget = await overview(lead);
    expect(budget).toMatchObject({ frame: '1000.00', committed: '800.00', spent: '120.05' });
    expect(
      budget.districts.find((d: { district: { id: string } }) => d.district.id === tenant.districts.a),
    ).toEqual({
      district: { id: tenant.districts.a, name: 'Nordhafen' },
      allocated: '800.00',
      committed: '800.00',
      spent: '120.05',
      remaining: '0.00',
    });
    expect(
      budget.projects.map((p: { project: { name: string }; committed: string }) => [
        p.project.name,
        p.committed,
      ]),
    ).toEqual([
      ['Elterncafé', '500.10'],
      ['Kidstime', '299.90'],
    ]);
  });

  it('refuses a commitment beyond the district allocation or the frame with a German 400 naming the field; nothing is written', async () => {
    const { tenant, lead } = await setup();
    const id = await project(lead, tenant, 'Familienrat');
    expect((await lead.put(`/micro-projects/${id}/budget`, commitment(tenant, '700.00'))).statusCode).toBe(
      200,
    );
    const other = await project(lead, tenant, 'Stadtteilmütter');
    const beyondDistrict = await lead.put(`/micro-projects/${other}/budget`, commitment(tenant, '100.01'));
    expectFieldProblem(beyondDistrict, 'committed');
    expect(beyondDistrict.json().errors[0].message).toBe(
      'Die Zusage übersteigt das Budget des Stadtteils; frei sind noch 100,00\u00a0€.',
    );
    expectFieldProblem(
      await lead.put(`/micro-projects/${other}/budget`, commitment(tenant, '1000000.00')),
      'committed',
    );
    // Changing the own commitment counts it once, not twice.
    expect((await lead.put(`/micro-projects/${id}/budget`, commitment(tenant, '800.00'))).statusCode).toBe(
      200,
    );
    expectFieldProblem(
      await lead.put(`/micro-projects/${id}/budget`, commitment(tenant, '800.01')),
      'committed',
    );
    const budget = await overview(lead);
    expect(budget.committed).toBe('800.00');
    expect(budget.projects).toHaveLength(1);
    // Spent beyond committed is refused by the schema.
    expectFieldProblem(
      await lead.put(`/micro-projects/${id}/budget`, { ...commitment(tenant, '10.00'), spent: '10.01' }),
      'spent',
    );
  });

  it('refuses a team lead of another district (403) and a district without allocation (400)', async () => {
    const { tenant, lead, director } = await setup();
    const id = await project(lead, tenant, 'Behördenlotsen');
    const leadB = await Client.as(app, tenant, 'teamLeadB');
    expect((await leadB.put(`/micro-projects/${id}/budget`, commitment(tenant, '1.00'))).statusCode).toBe(
      403,
    );
    expectFieldProblem(
      await lead.put(`/micro-projects/${id}/budget`, { ...commitment(tenant, '1.00'), year: 2031 }),
      'year',
    );
    expect((await overview(director)).committed).toBe('0.00');
  });
});

describe('two commitments racing each other', () => {
  it('lets exactly one of two simultaneous commitments through when only one fits', async () => {
    const { tenant, lead } = await setup();
    const [p1, p2] = [await project(lead, tenant, 'ELVE'), await project(lead, tenant, 'FIS')];
    const results = await Promise.all([
      lead.put(`/micro-projects/${p1}/budget`, commitment(tenant, '500.00')),
      lead.put(`/micro-projects/${p2}/budget`, commitment(tenant, '500.00')),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect((await overview(lead)).committed).toBe('500.00');
  });

  it('makes a commitment wait for one still open, then checks it against it', async () => {
    const { db, tenant, lead } = await setup();
    const [p1, p2] = [await project(lead, tenant, 'Rucksack'), await project(lead, tenant, 'LOCKE')];
    const actor: Actor = {
      tenantId: tenant.id,
      userId: tenant.users.teamLeadA.id,
      roles: ['team_lead'],
      teamId: tenant.teams.a,
      deputyFor: [],
    };
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written = () => {};
    const firstWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    // The first commitment is written but its transaction stays open.
    const first = inTransaction(db, actor, async (ctx) => {
      await commit(ctx, p1, commitment(tenant, '600.00'));
      written();
      await held;
    });
    await firstWritten;
    const second = lead.put(`/micro-projects/${p2}/budget`, commitment(tenant, '600.00'));
    if (testDatabaseUrl()) {
      // On PostgreSQL the second request runs on another connection: wait until it waits for the frame's lock, so
      // that without the lock it would already have read the sums without the first commitment.
      for (let attempt = 0; ; attempt++) {
        if (attempt > 500)
          throw new Error('The second commitment never waited for the lock of the budget frame.');
        const waiting = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
           where wait_event_type = 'Lock' and query like '%micro_budget_frame%'`.execute(db);
        if ((waiting.rows[0]?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    release();
    await first;
    const res = await second;
    expectFieldProblem(res, 'committed');
    expect((await overview(lead)).committed).toBe('600.00');
  });
});
