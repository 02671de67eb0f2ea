import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
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

/**
 * Nine measures awaiting approval in team A (some created at the same microsecond) and one in team B: Tagesgruppe
 * (teilstationär), since one young person cannot be in two stationary helps at once.
 */
async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const fin = await Client.as(app, tenant, 'finance');
  const types = (await fin.get('/help-types')).json() as { id: string; code: string }[];
  const heimType = types.find((t) => t.code === '32')?.id as string;
  const provider = (await fin.post('/providers', { name: 'Kinderhaus am Deich e. V.', kind: 'frei' })).json()
    .id;
  const heim = (
    await fin.post('/offers', {
      providerId: provider,
      name: 'Tagesgruppe',
      helpTypeId: heimType,
      unit: 'day',
      rate: { amount: '180.00', validFrom: '2025-01-01' },
    })
  ).json().id as string;
  await fin.put('/finance/settings', { approvalThreshold: '2000.00' });

  const plan = async (client: Client, street: string, count: number) => {
    const opened = await openTestCase(client, { street });
    const detail = (await client.get(`/cases/${opened.caseId}`)).json();
    const child = detail.household.members.find((m: { role: string }) => m.role === 'kind').person.id;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await client.post(`/cases/${opened.caseId}/measures`, {
        personId: child,
        helpTypeId: heimType,
        offerId: heim,
        individualRate: null,
        category: null,
        underlyingHelpTypeId: null,
        beginOn: '2026-03-01',
        plannedEndOn: null,
        hoursPerWeek: null,
        helpPlanId: null,
        reasons: ['eingeschränkte Erziehungskompetenz'],
      });
      expect(res.json().status).toBe('geplant');
      ids.push(res.json().id);
    }
    return ids;
  };
  const teamA = await plan(await Client.as(app, tenant, 'caseManagerA'), 'Ankerweg', 9);
  const [teamB] = await plan(await Client.as(app, tenant, 'caseManagerB'), 'Bojenstraße', 1);
  // Ties: four measures created in the same microsecond, two more one microsecond later.
  const at = async (ids: string[], instant: string) =>
    db
      .updateTable('measure')
      .set({ created_at: sql`${instant}::timestamptz` })
      .where('tenant_id', '=', tenant.id)
      .where('id', 'in', ids)
      .execute();
  await at(teamA.slice(2, 6), '2026-01-10T08:00:00.123456Z');
  await at(teamA.slice(6, 8), '2026-01-10T08:00:00.123457Z');
  const expected = await db
    .selectFrom('measure')
    .select('id')
    .where('tenant_id', '=', tenant.id)
    .where('id', 'in', teamA)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return { tenant, teamA, teamB, expected: expected.map((r) => r.id) };
}

describe('approvals page by page', () => {
  it("returns each of the team's waiting measures exactly once, oldest first, and none of another team", async () => {
    const { tenant, teamB, expected } = await setup();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    for (const limit of [2, 3, 4]) {
      const walked = await walkPages<{ id: string }>(lead, '/measures/approvals', limit);
      expect(walked.items.map((m) => m.id)).toEqual(expected);
      expect(walked.pages).toBe(Math.ceil(expected.length / limit));
    }
    const otherLead = await Client.as(app, tenant, 'teamLeadB');
    expect(
      (await walkPages<{ id: string }>(otherLead, '/measures/approvals', 1)).items.map((m) => m.id),
    ).toEqual([teamB]);
  });

  it('refuses a forged cursor and a page size above 500, naming the field', async () => {
    const { tenant } = await setup();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const ms = encodeCursor({ createdAt: '2026-01-10T08:00:00.123Z', id: tenant.teams.a });
    expectFieldProblem(await lead.get(`/measures/approvals?cursor=${ms}`), 'cursor');
    expectFieldProblem(await lead.get('/measures/approvals?cursor=abc'), 'cursor');
    expectFieldProblem(await lead.get('/measures/approvals?limit=501'), 'limit');
  });
});
