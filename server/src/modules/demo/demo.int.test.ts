import { randomUUID } from 'node:crypto';
import { cpResultAreas, cpResults, todayIso } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import type { TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { containsPoint, type Outline } from '../atlas/geo.ts';
import { verifyAuditChain } from '../audit/chain.ts';
import { loadCostInputs } from '../measures/costInputs.ts';
import { exactCost } from '../measures/costRule.ts';
import { DEMO_TODAY } from './cases.ts';
import * as texts from './caseTexts.ts';
import { type DemoSummary, demoAccounts, generateDemoData } from './generator.ts';
import { findUserByUsername } from './queries/reads.ts';

let app: FastifyInstance;
let summary: DemoSummary;
/** One day for both generations of the determinism test: what is under way is dated from it. */
const TODAY = todayIso();
beforeAll(async () => {
  app = await testApp();
  const { db } = await testDatabase();
  summary = await generateDemoData(db, {
    scale: 'small',
    password: 'demo-passwort-1',
    slug: `demo-${randomUUID().slice(0, 8)}`,
    today: TODAY,
  });
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
        payload: { username: account.username, password: 'demo-passwort-1', tenant: summary.tenantSlug },
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

  it('gives about one case in twelve a § 8a check, every result category, each about a minor of the household', async () => {
    const { db } = await testDatabase();
    const checks = await db
      .selectFrom('child_protection_check as k')
      .innerJoin('case_file as c', (j) =>
        j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.case_id'),
      )
      .leftJoin('household_member as m', (j) =>
        j
          .onRef('m.tenant_id', '=', 'c.tenant_id')
          .onRef('m.household_id', '=', 'c.household_id')
          .onRef('m.person_id', '=', 'k.child_id'),
      )
      .innerJoin('person as p', (j) =>
        j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.child_id'),
      )
      .select(['k.result', 'm.role', 'p.birth_date', 'k.received_at'])
      .where('k.tenant_id', '=', summary.tenantId)
      .execute();
    const share = checks.length / (summary.counts.case_file ?? 1);
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.12);
    const byResult = (r: string) => checks.filter((k) => k.result === r).length;
    for (const result of cpResults.values) expect(byResult(result), result).toBeGreaterThan(0);
    // About a third each without endangerment, the rest split between latent and acute.
    const done = checks.filter((k) => k.result !== null).length;
    for (const result of ['hilfebedarf', 'kein_bedarf']) {
      expect(byResult(result) / done, result).toBeGreaterThan(0.2);
      expect(byResult(result) / done, result).toBeLessThan(0.5);
    }
    expect(checks.filter((k) => k.role !== 'kind')).toEqual([]);
    const adults = checks.filter(
      (k) =>
        k.birth_date === null ||
        todayIso(k.received_at) >= `${Number(k.birth_date.slice(0, 4)) + 18}${k.birth_date.slice(4)}`,
    );
    expect(adults).toEqual([]);
  });

  it('takes a few children into care, each Inobhutnahme ending after it began, and classifies each result by its area', async () => {
    const { db } = await testDatabase();
    const care = await db
      .selectFrom('protection_measure as m')
      .innerJoin('child_protection_check as k', (j) =>
        j.onRef('k.tenant_id', '=', 'm.tenant_id').onRef('k.id', '=', 'm.check_id'),
      )
      .select(['m.begin_at', 'm.end_at', 'm.end_reason', 'k.result'])
      .where('m.tenant_id', '=', summary.tenantId)
      .where('m.kind', '=', 'inobhutnahme')
      .execute();
    expect(care.length).toBeGreaterThanOrEqual(3);
    expect(care.filter((m) => m.result !== 'akut')).toEqual([]);
    expect(care.filter((m) => m.end_at !== null && (m.begin_at === null || m.end_at < m.begin_at))).toEqual(
      [],
    );
    expect(care.some((m) => m.end_at !== null && m.end_reason !== null)).toBe(true);
    const acute = await db
      .selectFrom('child_protection_check')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', summary.tenantId)
      .where('result', '=', 'akut')
      .executeTakeFirstOrThrow();
    expect(care.length).toBeLessThan(Number(acute.n) / 2);
    const classified = await db
      .selectFrom('child_protection_check as k')
      .leftJoin('risk_consultation as r', (j) =>
        j.onRef('r.tenant_id', '=', 'k.tenant_id').onRef('r.id', '=', 'k.result_consultation_id'),
      )
      .select(['k.result', 'k.completed_on', 'r.area', 'r.held_on', 'r.case_id', 'k.case_id as check_case'])
      .where('k.tenant_id', '=', summary.tenantId)
      .where('k.result', 'is not', null)
      .execute();
    const wrong = classified.filter(
      (k) =>
        k.area !== cpResultAreas[k.result as keyof typeof cpResultAreas] ||
        k.held_on !== k.completed_on ||
        k.case_id !== k.check_case,
    );
    expect(wrong).toEqual([]);
  });

  it('leaves the demo case manager overdue child protection and open checks at different steps on the first start', async () => {
    const { db } = await testDatabase();
    const fachkraft = { id: (await findUserByUsername(db, summary.tenantId, 'fachkraft'))?.id ?? '' };
    const now = new Date();
    const open = await db
      .selectFrom('child_protection_check as k')
      .innerJoin('case_file as c', (j) =>
        j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.case_id'),
      )
      .select(['k.urgency', 'k.assessment_due_at', 'k.assessment_held_at', 'k.result', 'c.status'])
      .where('k.tenant_id', '=', summary.tenantId)
      .where('c.lead_user_id', '=', fachkraft.id)
      .where('k.status', '=', 'offen')
      .execute();
    expect(open.filter((k) => k.status !== 'offen')).toEqual([]);
    const overdueChecks = open.filter(
      (k) => k.assessment_held_at === null && k.assessment_due_at !== null && k.assessment_due_at < now,
    );
    const overdueSteps = await db
      .selectFrom('process_step as s')
      .innerJoin('process_instance as i', (j) =>
        j.onRef('i.tenant_id', '=', 's.tenant_id').onRef('i.id', '=', 's.instance_id'),
      )
      .innerJoin('case_file as c', (j) =>
        j.onRef('c.tenant_id', '=', 's.tenant_id').onRef('c.id', '=', 's.case_id'),
      )
      .select('s.step_key')
      .where('s.tenant_id', '=', summary.tenantId)
      .where('c.lead_user_id', '=', fachkraft.id)
      .where('i.subject_type', '=', 'child_protection_check')
      .where('i.status', '=', 'running')
      .where('s.state', '=', 'offen')
      .where('s.due_at', '<', now)
      .execute();
    expect(overdueChecks.length + overdueSteps.length).toBeGreaterThan(0);
    const stepOf = (k: (typeof open)[number]) =>
      k.urgency === null
        ? 'ersteinschaetzung'
        : k.assessment_held_at === null
          ? 'einschaetzung'
          : k.result === null
            ? 'ergebnis'
            : 'konsequenzen';
    expect(new Set(open.map(stepOf)).size).toBeGreaterThanOrEqual(3);
  });

  it('writes Aktenvermerke of several kinds with a correction, and shows the demo case manager her recent notes', async () => {
    const { db } = await testDatabase();
    const notes = await db
      .selectFrom('case_note as n')
      .innerJoin('case_file as c', (j) =>
        j.onRef('c.tenant_id', '=', 'n.tenant_id').onRef('c.id', '=', 'n.case_id'),
      )
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
      )
      .select(['n.kind', 'n.corrects_id', 'n.occurred_at', 'n.created_at', 'c.id as case_id', 'u.username'])
      .where('n.tenant_id', '=', summary.tenantId)
      .execute();
    expect(new Set(notes.map((n) => n.kind)).size).toBeGreaterThanOrEqual(5);
    expect(notes.some((n) => n.corrects_id !== null)).toBe(true);
    expect(notes.filter((n) => n.created_at.getTime() > Date.now())).toEqual([]);
    const week = Date.now() - 8 * 86_400_000;
    const recent = notes.filter((n) => n.username === 'fachkraft' && n.occurred_at.getTime() > week);
    expect(recent.length).toBeGreaterThan(0);
    const client = new Client(app, { slug: summary.tenantSlug } as TestTenant);
    expect((await client.login('fachkraft', 'demo-passwort-1')).statusCode).toBe(200);
    const res = await client.get(`/cases/${recent[0]?.case_id}/notes`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
  });

  it('fills the § 8a statistic of the last full year with mostly complete records and a few to complete', async () => {
    const client = new Client(app, { slug: summary.tenantSlug } as TestTenant);
    expect((await client.login('wiju', 'demo-passwort-1')).statusCode).toBe(200);
    // The history runs to DEMO_TODAY: its last full year is the one before.
    const year = Number(DEMO_TODAY.slice(0, 4)) - 1;
    const res = await client.get(`/child-protection/statistics/check?year=${year}`);
    expect(res.statusCode).toBe(200);
    const check = res.json();
    expect(check.records).toBeGreaterThan(5);
    expect(check.incomplete.length).toBeGreaterThan(0);
    expect(check.incomplete.length).toBeLessThan(check.records / 3);
    const { db } = await testDatabase();
    const entries = await db
      .selectFrom('visit_checklist_entry')
      .select(['rating', 'note'])
      .where('tenant_id', '=', summary.tenantId)
      .execute();
    expect(entries.some((e) => e.rating === 'auffaellig')).toBe(true);
    expect(entries.filter((e) => e.rating === 'auffaellig' && !e.note)).toEqual([]);
  });

  it('fills the HzE statistics of the last full year: an office, mostly plausible records and a few to complete', async () => {
    const client = new Client(app, { slug: summary.tenantSlug } as TestTenant);
    expect((await client.login('wiju', 'demo-passwort-1')).statusCode).toBe(200);
    const year = Number(DEMO_TODAY.slice(0, 4)) - 1;
    const check = (await client.get(`/finance/statistics/hze/check?year=${year}`)).json();
    expect(check.records).toBeGreaterThan(50);
    const rejected = new Set(check.problems.map((p: { measureId: string | null }) => p.measureId));
    expect(rejected.has(null)).toBe(false);
    expect(check.problems.some((p: { field: string }) => p.field === 'statistics')).toBe(true);
    expect(rejected.size).toBeLessThan(check.records / 4);
  });

  it('names needs from several sources and runs micro-projects within the frame and every district allocation', async () => {
    const { db } = await testDatabase();
    const t = summary.tenantId;
    const sources = await db
      .selectFrom('need_mention')
      .select('source')
      .distinct()
      .where('tenant_id', '=', t)
      .execute();
    expect(sources.length).toBeGreaterThanOrEqual(5);
    // Every need counts exactly its mentions.
    const counted = await sql<{ n: number }>`
      select count(*)::int as n from need n
       where n.tenant_id = ${t}
         and n.mentions <> (select count(*) from need_mention m where m.tenant_id = n.tenant_id and m.need_id = n.id)`.execute(
      db,
    );
    expect(counted.rows[0]?.n).toBe(0);
    expect(summary.counts.micro_project).toBe(8);
    const over = await sql<{ n: number }>`
      select count(*)::int as n from micro_budget_allocation a
       where a.tenant_id = ${t}
         and a.amount < (select coalesce(sum(committed), 0) from micro_project_budget b
                          where b.tenant_id = a.tenant_id and b.year = a.year and b.district_id = a.district_id)
      union all
      select count(*)::int from micro_budget_frame f
       where f.tenant_id = ${t}
         and f.amount < (select sum(amount) from micro_budget_allocation a where a.tenant_id = f.tenant_id and a.year = f.year)`.execute(
      db,
    );
    expect(over.rows.map((r) => r.n)).toEqual([0, 0]);
    expect(summary.counts.micro_project_referral).toBeGreaterThan(20);
  });

  it('places every atlas entry inside its district, flags some unchecked, and counts uses in cases for sozialraum', async () => {
    const { db } = await testDatabase();
    const entries = await db
      .selectFrom('atlas_entry as e')
      .innerJoin('district as d', (j) =>
        j.onRef('d.tenant_id', '=', 'e.tenant_id').onRef('d.id', '=', 'e.district_id'),
      )
      .select(['e.id', 'e.lon', 'e.lat', 'd.outline'])
      .where('e.tenant_id', '=', summary.tenantId)
      .execute();
    expect(entries.length).toBe(summary.counts.atlas_entry);
    expect(entries.length).toBeGreaterThanOrEqual(3 * (summary.counts.districts ?? 0));
    for (const e of entries)
      expect(containsPoint(e.outline as Outline, e.lon ?? 0, e.lat ?? 0), e.id).toBe(true);
    const client = new Client(app, { slug: summary.tenantSlug } as TestTenant);
    expect((await client.login('sozialraum', 'demo-passwort-1')).statusCode).toBe(200);
    expect((await client.get('/atlas/entries?stale=true')).json().items.length).toBeGreaterThan(0);
    const [used] = await db
      .selectFrom('resource')
      .select('directory_entry_id')
      .where('tenant_id', '=', summary.tenantId)
      .where('directory_entry_id', 'is not', null)
      .execute();
    expect(
      (await client.get(`/atlas/entries/${used?.directory_entry_id}`)).json().usedInCases,
    ).toBeGreaterThan(0);
  });

  it('refuses to generate twice into the same tenant', async () => {
    const { db } = await testDatabase();
    await expect(
      generateDemoData(db, { scale: 'small', password: 'x', slug: summary.tenantSlug }),
    ).rejects.toThrow(/bereits/);
  });
});
