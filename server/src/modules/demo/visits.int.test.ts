import { todayIso, type Worklist } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestUserKey } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { Random } from './random.ts';
import { insertDemoVisits } from './visits.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('demo visits and networks', () => {
  it("gives every team visits in its districts, networks for each age cohort, and a visitor follow-ups in this week's list", async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const counts: Record<string, number> = {};
    const today = todayIso();
    await insertDemoVisits(db, tenant.id, new Random('test-besuche'), counts, today);
    expect(counts).toMatchObject({ institution_visits: 8, district_networks: 8, network_meetings: 24 });

    const visits = await db
      .selectFrom('institution_visit')
      .select(['team_id', 'district_id', 'visitor_user_id'])
      .where('tenant_id', '=', tenant.id)
      .execute();
    const districtOf = { [tenant.teams.a]: tenant.districts.a, [tenant.teams.b]: tenant.districts.b };
    expect(visits.every((v) => v.district_id === districtOf[v.team_id])).toBe(true);
    const networks = await db
      .selectFrom('district_network')
      .select(['age_cohort', 'social_centre_id'])
      .where('tenant_id', '=', tenant.id)
      .where('team_id', '=', tenant.teams.a)
      .orderBy('age_cohort')
      .execute();
    expect(networks.map((n) => [n.age_cohort, n.social_centre_id !== null])).toEqual([
      ['0-3', false],
      ['10-16', false],
      ['16+', true],
      ['3-10', false],
    ]);

    // The first visit's visitor finds its open follow-ups in her work list.
    const due = await db
      .selectFrom('institution_visit_follow_up as f')
      .innerJoin('institution_visit as v', (j) =>
        j.onRef('v.tenant_id', '=', 'f.tenant_id').onRef('v.id', '=', 'f.visit_id'),
      )
      .select(['v.visitor_user_id'])
      .where('f.tenant_id', '=', tenant.id)
      .where('f.done', '=', false)
      .where('f.due_on', '<', today)
      .where('v.team_id', '=', tenant.teams.a)
      .executeTakeFirstOrThrow();
    const key = (Object.keys(tenant.users) as TestUserKey[]).find(
      (k) => tenant.users[k].id === due.visitor_user_id,
    );
    const visitor = await Client.as(app, tenant, key as TestUserKey);
    const list = (await visitor.get('/worklist')).json() as Worklist;
    expect(list.items.filter((i) => i.kind === 'besuch_wiedervorlage').length).toBeGreaterThan(0);
  });
});
