import { cpResultAreas, cpResults, todayIso } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { DEMO_TEST_PASSWORD, generateSmallDemo } from '../../../test/demo.ts';
import type { TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { containsPoint, type Outline } from '../atlas/geo.ts';
import { DEMO_TODAY } from './cases.ts';
import { type DemoSummary, generateDemoData } from './generator.ts';
import { findUserByUsername } from './queries/reads.ts';

let app: FastifyInstance;
let summary: DemoSummary;
/** The day the demo data is dated from. */
const TODAY = todayIso();
beforeAll(async () => {
  app = await testApp();
  const { db } = await testDatabase();
  summary = await generateSmallDemo(db, TODAY);
}, 120_000);
afterAll(() => app.close());

describe('demo data: records of the case work, the district and the statistics', () => {
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
    expect((await client.login('fachkraft', DEMO_TEST_PASSWORD)).statusCode).toBe(200);
    const res = await client.get(`/cases/${recent[0]?.case_id}/notes`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
  });

  it('fills the § 8a statistic of the last full year with mostly complete records and a few to complete', async () => {
    const client = new Client(app, { slug: summary.tenantSlug } as TestTenant);
    expect((await client.login('wiju', DEMO_TEST_PASSWORD)).statusCode).toBe(200);
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
    expect((await client.login('wiju', DEMO_TEST_PASSWORD)).statusCode).toBe(200);
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
    expect((await client.login('sozialraum', DEMO_TEST_PASSWORD)).statusCode).toBe(200);
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
