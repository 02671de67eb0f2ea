import { randomUUID } from 'node:crypto';
import { todayIso } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { DEMO_TEST_PASSWORD, generateSmallDemo } from '../../../test/demo.ts';
import { testApp } from '../../../test/http.ts';
import { verifyAuditChain } from '../audit/chain.ts';
import { loadCostInputs } from '../measures/costInputs.ts';
import { exactCost } from '../measures/costRule.ts';
import { DEMO_TODAY } from './cases.ts';
import * as texts from './caseTexts.ts';
import { type DemoSummary, demoAccounts, generateDemoData } from './generator.ts';

let app: FastifyInstance;
let summary: DemoSummary;
/** One day for both generations of the determinism test: what is under way is dated from it. */
const TODAY = todayIso();
beforeAll(async () => {
  app = await testApp();
  const { db } = await testDatabase();
  summary = await generateSmallDemo(db, TODAY);
}, 120_000);
afterAll(() => app.close());

describe('demo data', () => {
  it('builds a city shaped like Bremen: 6 Sozialzentren, 17 teams, 23 districts with streets and young inhabitants', () => {
    expect(summary.counts).toMatchObject({ socialCentres: 6, teams: 17, districts: 23 });
    expect(summary.counts.streets).toBeGreaterThanOrEqual(23 * 6);
    // small is a tenth of the city: about 10,000 young inhabitants under 21 this year.
    expect(summary.counts.youngInhabitants).toBeGreaterThan(9_000);
    expect(summary.counts.youngInhabitants).toBeLessThan(11_000);
  });

  it('is deterministic: the same scale gives the same city', async () => {
    const { db } = await testDatabase();
    const again = await generateDemoData(db, {
      scale: 'small',
      password: 'x-demo-passwort',
      slug: `demo-${randomUUID().slice(0, 8)}`,
      today: TODAY,
    });
    expect(again.counts).toEqual(summary.counts);
    // The § 8a checks too, field by field (their ids are drawn from the seed as well).
    const checks = async (tenantId: string) =>
      (
        await db
          .selectFrom('child_protection_check as k')
          .innerJoin('case_file as c', (j) =>
            j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.case_id'),
          )
          .select([
            'k.id',
            'c.case_number',
            'k.received_at',
            'k.reporter_kind',
            'k.urgency',
            'k.result',
            'k.completed_on',
          ])
          .where('k.tenant_id', '=', tenantId)
          .orderBy('k.id')
          .execute()
      ).map((k) => JSON.stringify(k));
    const first = await checks(summary.tenantId);
    expect(first.length).toBeGreaterThan(100);
    expect(await checks(again.tenantId)).toEqual(first);
    const streets = async (tenantId: string) =>
      (
        await db
          .selectFrom('street')
          .select(['name', 'postal_code'])
          .where('tenant_id', '=', tenantId)
          .orderBy('postal_code')
          .orderBy('name')
          .execute()
      ).map((s) => `${s.postal_code} ${s.name}`);
    expect(await streets(again.tenantId)).toEqual(await streets(summary.tenantId));
  }, 120_000);

  it('lets every demo account sign in; fachkraft and teamleitung share a team', async () => {
    const teams: Record<string, string | null> = {};
    for (const account of demoAccounts) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: account.username, password: DEMO_TEST_PASSWORD, tenant: summary.tenantSlug },
      });
      expect(res.statusCode, account.username).toBe(200);
      expect(res.json().user.roles).toEqual(account.roles);
      teams[account.username] = res.json().user.team?.name ?? null;
    }
    expect(teams.fachkraft).not.toBeNull();
    expect(teams.fachkraft).toBe(teams.teamleitung);
  });

  it('assigns every address a team and starts an intact audit chain', async () => {
    const { db } = await testDatabase();
    const uncovered = await db
      .selectFrom('street as s')
      .leftJoin('responsibility as r', (j) =>
        j.onRef('r.tenant_id', '=', 's.tenant_id').onRef('r.street_id', '=', 's.id'),
      )
      .select('s.id')
      .where('s.tenant_id', '=', summary.tenantId)
      .where('r.id', 'is', null)
      .execute();
    expect(uncovered).toEqual([]);
    const report = await verifyAuditChain(db, summary.tenantId);
    expect(report.broken).toEqual([]);
    expect(report.entries).toBeGreaterThan(0);
  });

  it('lands near the magnitudes of Bremen: about 550-700 helps per 10,000 under-21s, stationär dearer per young inhabitant', async () => {
    const { db } = await testDatabase();
    const year = 2025;
    const jew = await db
      .selectFrom('population')
      .select((eb) => eb.fn.sum<string>('residents').as('n'))
      .where('tenant_id', '=', summary.tenantId)
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    const inputs = await loadCostInputs(db, summary.tenantId, {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      approvedOnly: true,
    });
    const helps = await db
      .selectFrom('measure as m')
      .innerJoin('help_type as h', (j) =>
        j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
      )
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('m.tenant_id', '=', summary.tenantId)
      .where('h.is_hze', '=', true)
      .where('m.begin_on', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('m.end_on', 'is', null), eb('m.end_on', '>=', `${year}-01-01`)]))
      .executeTakeFirstOrThrow();
    const per10k = (Number(helps.n) / Number(jew.n)) * 10_000;
    expect(per10k).toBeGreaterThan(500);
    expect(per10k).toBeLessThan(750);
    const cents: Record<string, bigint> = {};
    for (const i of inputs)
      cents[i.category] =
        (cents[i.category] ?? 0n) + exactCost(i.measure, `${year}-01-01`, `${year}-12-31`).toCents();
    const perJew = (category: string) => Number(cents[category] ?? 0n) / 100 / Number(jew.n);
    expect(perJew('ambulant')).toBeGreaterThan(100);
    expect(perJew('ambulant')).toBeLessThan(1000);
    expect(perJew('stationaer')).toBeGreaterThan(perJew('ambulant'));
  });

  it('keeps its help plausible: none before birth, none running or planned in a closed case, one stationary help a day, some past their planned end', async () => {
    const { db } = await testDatabase();
    const tenantId = summary.tenantId;
    const beforeBirth = await db
      .selectFrom('measure as m')
      .innerJoin('person as p', (j) =>
        j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
      )
      .select('m.id')
      .where('m.tenant_id', '=', tenantId)
      .whereRef('m.begin_on', '<', 'p.birth_date')
      .execute();
    expect(beforeBirth).toEqual([]);
    const beforeOpening = await db
      .selectFrom('measure as m')
      .innerJoin('case_file as c', (j) =>
        j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
      )
      .select('m.id')
      .where('m.tenant_id', '=', tenantId)
      .whereRef('m.begin_on', '<', 'c.opened_on')
      .where('m.begin_reason', 'is', null)
      .execute();
    expect(beforeOpening).toEqual([]);
    const runningInClosed = await db
      .selectFrom('measure as m')
      .innerJoin('case_file as c', (j) =>
        j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
      )
      .select('m.id')
      .where('m.tenant_id', '=', tenantId)
      .where('c.status', '=', 'abgeschlossen')
      .where((eb) =>
        eb.or([
          eb('m.status', '=', 'geplant'),
          eb.and([
            eb('m.status', '=', 'bewilligt'),
            eb.or([eb('m.end_on', 'is', null), eb('m.end_on', '>', eb.ref('c.closed_on'))]),
          ]),
        ]),
      )
      .execute();
    expect(runningInClosed).toEqual([]);
    const stationary = await db
      .selectFrom('measure')
      .select(['person_id', 'begin_on', 'end_on'])
      .where('tenant_id', '=', tenantId)
      .where('category', '=', 'stationaer')
      .where('status', '<>', 'zurueckgezogen')
      .orderBy('person_id')
      .orderBy('begin_on')
      .execute();
    const overlaps = stationary.filter((m, i) => {
      const before = stationary[i - 1];
      return before?.person_id === m.person_id && (before.end_on === null || before.end_on >= m.begin_on);
    });
    expect(overlaps).toEqual([]);
    const overrun = await db
      .selectFrom('measure')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'bewilligt')
      .where('end_on', 'is', null)
      .where('planned_end_on', '<', DEMO_TODAY)
      .execute();
    expect(overrun.length).toBeGreaterThan(0);
  });

  it('gives open cases their processes: help for education with reviews completed by help plans, some due', async () => {
    const { db } = await testDatabase();
    const steps = await db
      .selectFrom('process_step as s')
      .innerJoin('process_instance as i', (j) =>
        j.onRef('i.tenant_id', '=', 's.tenant_id').onRef('i.id', '=', 's.instance_id'),
      )
      .select(['s.step_key', 's.state', 's.due_at', 's.completed_by_type', 'i.status'])
      .where('s.tenant_id', '=', summary.tenantId)
      .execute();
    expect(summary.counts.process_instance).toBeGreaterThan(100);
    const reviews = steps.filter((s) => s.step_key === 'ueberpruefung');
    expect(reviews.some((s) => s.state === 'erledigt' && s.completed_by_type === 'help_plan')).toBe(true);
    expect(reviews.some((s) => s.state === 'offen' && s.due_at !== null)).toBe(true);
    // An open step always belongs to a running instance (the work list relies on it).
    expect(steps.filter((s) => s.state === 'offen' && s.status !== 'running')).toEqual([]);
  });

  it('gives mothers, fathers, girls and boys first names of their sex and role, and every need a text of its age cohort', async () => {
    const { db } = await testDatabase();
    const members = await db
      .selectFrom('household_member as hm')
      .innerJoin('person as p', (j) =>
        j.onRef('p.tenant_id', '=', 'hm.tenant_id').onRef('p.id', '=', 'hm.person_id'),
      )
      .select(['hm.role', 'p.gender', 'p.first_name'])
      .where('hm.tenant_id', '=', summary.tenantId)
      .execute();
    expect(members.length).toBeGreaterThan(1000);
    const names: Record<string, readonly string[]> = {
      'mutter weiblich': texts.motherFirstNames,
      'vater maennlich': texts.fatherFirstNames,
      'kind weiblich': texts.girlFirstNames,
      'kind maennlich': texts.boyFirstNames,
    };
    const misfits = members.filter((m) => !names[`${m.role} ${m.gender}`]?.includes(m.first_name));
    expect(misfits).toEqual([]);

    const needs = await db
      .selectFrom('need')
      .select(['age_cohort', 'text'])
      .where('tenant_id', '=', summary.tenantId)
      .execute();
    expect(new Set(needs.map((n) => n.age_cohort)).size).toBe(4);
    const cohorts: Record<string, readonly string[]> = texts.needTexts;
    expect(needs.filter((n) => !cohorts[n.age_cohort]?.includes(n.text))).toEqual([]);
  });
});
