import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { loadCostInputs } from '../measures/costInputs.ts';
import { exactCost } from '../measures/costRule.ts';
import { caseScope, type Region } from './regions.ts';

/**
 * The key figures of docs/domain.md, section 6, computed from the records as they are now. Every figure
 * follows the definitions there; counts come from cases and measures, money from the one cost rule.
 */

const NONE = '00000000-0000-0000-0000-000000000000';

function scoped<T extends { where: (...args: never[]) => T }>(q: T, region: Region, alias: string): T {
  const scope = caseScope(region);
  if (!scope) return q;
  const ids = scope.ids.length > 0 ? scope.ids : [NONE];
  // biome-ignore lint/suspicious/noExplicitAny: the column is one of two known ones; Kysely cannot type it here.
  return (q as any).where(`${alias}.${scope.column}`, 'in', ids);
}

export interface StichtagFigures {
  date: string;
  cases: { active: number; kosten: number; beratung: number };
  measures: { ambulant: number; teilstationaer: number; stationaer: number; sonstige: number; hze: number };
  byHelpType: { code: string; name: string; count: number }[];
}

/** Figures on a reference date (Stichtag): active cases by type, active approved measures by category and type. */
export async function stichtag(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  date: string,
): Promise<StichtagFigures> {
  const activeMeasure = (caseAlias: string) =>
    sql<boolean>`exists (select 1 from measure m where m.tenant_id = ${sql.ref(`${caseAlias}.tenant_id`)}
      and m.case_id = ${sql.ref(`${caseAlias}.id`)} and m.status = 'bewilligt' and m.begin_on <= ${date}::date
      and (m.end_on is null or m.end_on >= ${date}::date))`;
  let cases = db
    .selectFrom('case_file as c')
    .select([
      sql<number>`count(*)`.as('active'),
      sql<number>`count(*) filter (where ${activeMeasure('c')})`.as('kosten'),
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.opened_on', '<=', date)
    .where((eb) => eb.or([eb('c.closed_on', 'is', null), eb('c.closed_on', '>=', date)]));
  cases = scoped(cases, region, 'c');
  const caseRow = await cases.executeTakeFirstOrThrow();

  let measures = db
    .selectFrom('measure as m')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
    )
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .select(['m.category', 'h.code', 'h.name', 'h.is_hze', sql<number>`count(*)`.as('n')])
    .where('m.tenant_id', '=', tenantId)
    .where('m.status', '=', 'bewilligt')
    .where('m.begin_on', '<=', date)
    .where((eb) => eb.or([eb('m.end_on', 'is', null), eb('m.end_on', '>=', date)]))
    .groupBy(['m.category', 'h.code', 'h.name', 'h.is_hze']);
  measures = scoped(measures, region, 'c');
  const rows = await measures.execute();
  const byCategory = { ambulant: 0, teilstationaer: 0, stationaer: 0, sonstige: 0, hze: 0 };
  const byType = new Map<string, { code: string; name: string; count: number }>();
  for (const r of rows) {
    const n = Number(r.n);
    byCategory[r.category as 'ambulant'] += n;
    if (r.is_hze) byCategory.hze += n;
    const t = byType.get(r.code) ?? { code: r.code, name: r.name, count: 0 };
    t.count += n;
    byType.set(r.code, t);
  }
  const active = Number(caseRow.active);
  const kosten = Number(caseRow.kosten);
  return {
    date,
    cases: { active, kosten, beratung: active - kosten },
    measures: byCategory,
    byHelpType: [...byType.values()].sort((a, b) => a.code.localeCompare(b.code, 'de', { numeric: true })),
  };
}

/** Young inhabitants of the region in a year (under 21 and under 18), from the population table. */
export async function youngInhabitants(db: Kysely<DB>, tenantId: string, region: Region, year: number) {
  if (region.districtIds.length === 0) return { u21: 0, u18: 0 };
  const row = await db
    .selectFrom('population')
    .select([
      sql<number>`coalesce(sum(residents), 0)`.as('u21'),
      sql<number>`coalesce(sum(residents) filter (where age_band <> '18-20'), 0)`.as('u18'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('district_id', 'in', region.districtIds)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return { u21: Number(row.u21), u18: Number(row.u18) };
}

export interface PeriodFigures {
  from: string;
  to: string;
  newCases: number;
  intakesByRoute: Record<string, number>;
  costs: { ambulant: string; teilstationaer: string; stationaer: string; sonstige: string; total: string };
  endedMeasures: number;
  medianDurationDays: number | null;
  /** Inanspruchnahme (HzE monitor): HzE measures active at the end + ended in the period; and without § 28. */
  helpsInUse: number;
  helpsInUseWithout28: number;
}

export async function period(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  from: string,
  to: string,
): Promise<PeriodFigures> {
  let intakes = db
    .selectFrom('case_file as c')
    .select(['c.access_route', sql<number>`count(*)`.as('n')])
    .where('c.tenant_id', '=', tenantId)
    .where('c.opened_on', '>=', from)
    .where('c.opened_on', '<=', to)
    .groupBy('c.access_route');
  intakes = scoped(intakes, region, 'c');
  const intakeRows = await intakes.execute();
  const intakesByRoute = Object.fromEntries(intakeRows.map((r) => [r.access_route, Number(r.n)]));

  let ended = db
    .selectFrom('measure as m')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
    )
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number | null>`percentile_cont(0.5) within group (order by (m.end_on - m.begin_on + 1))`.as(
        'median',
      ),
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.status', '=', 'bewilligt')
    .where('m.end_on', '>=', from)
    .where('m.end_on', '<=', to);
  ended = scoped(ended, region, 'c');
  const endedRow = await ended.executeTakeFirstOrThrow();

  let use = db
    .selectFrom('measure as m')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
    )
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`count(*) filter (where h.code <> '28')`.as('without28'),
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.status', '=', 'bewilligt')
    .where('h.is_hze', '=', true)
    .where('m.begin_on', '<=', to)
    .where((eb) => eb.or([eb('m.end_on', 'is', null), eb('m.end_on', '>=', from)]));
  use = scoped(use, region, 'c');
  const useRow = await use.executeTakeFirstOrThrow();

  const inputs = await loadCostInputs(db, tenantId, {
    from,
    to,
    approvedOnly: true,
    scope: caseScope(region),
  });
  const cents: Record<string, bigint> = { ambulant: 0n, teilstationaer: 0n, stationaer: 0n, sonstige: 0n };
  for (const input of inputs) {
    // Rounded once per measure and period, then summed (the rule's granularity).
    cents[input.category] = (cents[input.category] ?? 0n) + exactCost(input.measure, from, to).toCents();
  }
  const money = (c: bigint) => new Fraction(c, 100n).toMoney();
  const total = Object.values(cents).reduce((a, b) => a + b, 0n);
  return {
    from,
    to,
    newCases: intakeRows.reduce((a, r) => a + Number(r.n), 0),
    intakesByRoute,
    costs: {
      ambulant: money(cents.ambulant ?? 0n),
      teilstationaer: money(cents.teilstationaer ?? 0n),
      stationaer: money(cents.stationaer ?? 0n),
      sonstige: money(cents.sonstige ?? 0n),
      total: money(total),
    },
    endedMeasures: Number(endedRow.n),
    medianDurationDays: endedRow.median === null ? null : Number(endedRow.median),
    helpsInUse: Number(useRow.n),
    helpsInUseWithout28: Number(useRow.without28),
  };
}
