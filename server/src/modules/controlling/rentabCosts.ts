import {
  type ControllingSettings,
  defaultRentabCategories,
  type RentabCategory,
  rentabCategories,
} from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { Fraction } from '../../shared/money.ts';
import { loadCostInputs } from '../measures/costInputs.ts';
import { exactCost } from '../measures/costRule.ts';
import { importedValues } from './aggregates.ts';
import { firstRecordYear } from './kpis.ts';
import { findSettings, helpTypeCodes } from './queries/steering.ts';
import { caseScope, type Region } from './regions.ts';

/**
 * The costs a Rentabilitätsbetrachtung compares: the expenses of a region and year in the chosen cost categories
 * (docs/controlling-rentabilitaet.md). By default the HzE measures (ambulant, teilstationär, stationär), without
 * Inobhutnahme (§ 42), § 19 and other costs, as the ESPQ report compares them.
 */

export async function rentabSettings(db: Kysely<DB>, tenantId: string): Promise<ControllingSettings> {
  const row = await findSettings(db, tenantId);
  const known = new Set<string>(rentabCategories);
  const categories = (row?.rentab_categories ?? []).filter((c): c is RentabCategory => known.has(c));
  return { rentabCategories: categories.length > 0 ? categories : [...defaultRentabCategories] };
}

/** The category a measure's cost counts under: § 42 and § 19 apart, everything else by its measure category. */
export function costCategoryOf(helpTypeCode: string, measureCategory: string): RentabCategory {
  if (helpTypeCode === '42') return 'inobhutnahme';
  if (helpTypeCode === '19') return 'gemeinsame_wohnform';
  return measureCategory as RentabCategory;
}

export interface RegionCost {
  cost: Fraction;
  source: 'computed' | 'imported';
}

/**
 * Imported costs come as three metrics: costs_ambulant (with teilstationär), costs_stationaer and costs_sonstige
 * (everything else, Inobhutnahme included). Each counts when its own category is chosen; an imported file cannot
 * tell § 42 and § 19 apart, so those two choices act on computed figures only.
 */
const importedParts: {
  metric: 'costs_ambulant' | 'costs_stationaer' | 'costs_sonstige';
  counts: RentabCategory[];
}[] = [
  { metric: 'costs_ambulant', counts: ['ambulant', 'teilstationaer'] },
  { metric: 'costs_stationaer', counts: ['stationaer'] },
  { metric: 'costs_sonstige', counts: ['sonstige'] },
];

/** The region's costs in the categories for a year: computed from the records where it has them, else imported. */
export async function regionCost(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  year: number,
  categories: readonly RentabCategory[],
): Promise<RegionCost | null> {
  const first = await firstRecordYear(db, tenantId);
  if (region.kind !== 'external' && first !== null && year >= first) {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const codes = new Map((await helpTypeCodes(db, tenantId)).map((h) => [h.id, h.code]));
    const inputs = await loadCostInputs(db, tenantId, {
      from,
      to,
      approvedOnly: true,
      scope: caseScope(region),
    });
    let cents = 0n;
    for (const input of inputs) {
      // Rounded once per measure and period, then summed: the cost rule's granularity, as the other figures.
      if (categories.includes(costCategoryOf(codes.get(input.helpTypeId) ?? '', input.category)))
        cents += exactCost(input.measure, from, to).toCents();
    }
    return { cost: new Fraction(cents, 100n), source: 'computed' };
  }
  const values = await importedValues(db, tenantId, [region.key, region.name], String(year));
  const present = importedParts.filter((p) => values[p.metric] !== undefined);
  if (present.length === 0) return null;
  const cost = present
    .filter((p) => p.counts.some((c) => categories.includes(c)))
    .reduce((sum, p) => sum.add(Fraction.parse(values[p.metric] as string)), Fraction.zero);
  return { cost, source: 'imported' };
}

/** As regionCost, but a missing year is a 400 on the named field. */
export async function requiredRegionCost(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  year: number,
  categories: readonly RentabCategory[],
  field: string,
): Promise<RegionCost> {
  const found = await regionCost(db, tenantId, region, year, categories);
  if (!found)
    throw AppError.validation(
      field,
      `Für „${region.name}“ liegen für ${year} keine Kosten vor (weder berechnet noch importiert).`,
    );
  return found;
}
