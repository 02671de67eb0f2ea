import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { Fraction } from '../../shared/money.ts';
import { loadCostInputs } from '../measures/costInputs.ts';
import { exactCost } from '../measures/costRule.ts';
import {
  activeCaseCounts,
  activeMeasureCounts,
  endedMeasures,
  hzeInUse,
  intakeCounts,
} from './queries/figures.ts';
import { youngInhabitantSums } from './queries/population.ts';
import { caseScope, type Region } from './regions.ts';

/**
 * The key figures of docs/domain.md, section 6, computed from the records as they are now. Every figure
 * follows the definitions there; counts come from cases and measures, money from the one cost rule.
 */

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
  const cases = await activeCaseCounts(db, tenantId, region, date);
  const rows = await activeMeasureCounts(db, tenantId, region, date);
  const byCategory = { ambulant: 0, teilstationaer: 0, stationaer: 0, sonstige: 0, hze: 0 };
  const byType = new Map<string, { code: string; name: string; count: number }>();
  for (const r of rows) {
    byCategory[r.category as 'ambulant'] += r.n;
    if (r.is_hze) byCategory.hze += r.n;
    const t = byType.get(r.code) ?? { code: r.code, name: r.name, count: 0 };
    t.count += r.n;
    byType.set(r.code, t);
  }
  return {
    date,
    cases: { active: cases.active, kosten: cases.kosten, beratung: cases.active - cases.kosten },
    measures: byCategory,
    byHelpType: [...byType.values()].sort((a, b) => a.code.localeCompare(b.code, 'de', { numeric: true })),
  };
}

/** Young inhabitants of the region in a year (under 21 and under 18), from the population table. */
export function youngInhabitants(db: Kysely<DB>, tenantId: string, region: Region, year: number) {
  return youngInhabitantSums(db, tenantId, region.districtIds, year);
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
  const intakes = await intakeCounts(db, tenantId, region, from, to);
  const ended = await endedMeasures(db, tenantId, region, from, to);
  const use = await hzeInUse(db, tenantId, region, from, to);
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
    newCases: intakes.reduce((a, r) => a + r.n, 0),
    intakesByRoute: Object.fromEntries(intakes.map((r) => [r.route, r.n])),
    costs: {
      ambulant: money(cents.ambulant ?? 0n),
      teilstationaer: money(cents.teilstationaer ?? 0n),
      stationaer: money(cents.stationaer ?? 0n),
      sonstige: money(cents.sonstige ?? 0n),
      total: money(total),
    },
    endedMeasures: ended.count,
    medianDurationDays: ended.medianDays,
    helpsInUse: use.all,
    helpsInUseWithout28: use.without28,
  };
}
