import type { Rentabilitaet } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { Fraction } from '../../shared/money.ts';
import { importedValues } from './aggregates.ts';
import { period } from './figures.ts';
import { firstRecordYear } from './kpis.ts';
import { resolveRegion } from './regions.ts';

/**
 * Rentabilitätsbetrachtung as in ESPQ (docs/domain.md, section 6): had the site's costs developed like the
 * reference region's, they would have been expected(t) = cost_site(t-1) × cost_ref(t) / cost_ref(t-1);
 * savings(t) = expected(t) - cost_site(t); net(t) = savings(t) - extra_costs(t). Costs are the sum of the three
 * cost metrics; exact until each figure is rounded to the cent.
 */
async function costTotal(
  db: Kysely<DB>,
  tenantId: string,
  key: string,
  year: number,
  field: string,
): Promise<Fraction> {
  const region = await resolveRegion(db, tenantId, key);
  const first = await firstRecordYear(db, tenantId);
  if (region.kind !== 'external' && first !== null && year >= first) {
    return Fraction.parse((await period(db, tenantId, region, `${year}-01-01`, `${year}-12-31`)).costs.total);
  }
  const values = await importedValues(db, tenantId, [region.key, region.name], String(year));
  const parts = [values.costs_ambulant, values.costs_stationaer, values.costs_sonstige].filter(
    (v): v is string => v !== undefined,
  );
  if (parts.length === 0)
    throw AppError.validation(
      field,
      `Für „${key}“ liegen für ${year} keine Kosten vor (weder berechnet noch importiert).`,
    );
  return parts.reduce((sum, v) => sum.add(Fraction.parse(v)), Fraction.zero);
}

export async function rentabilitaet(
  db: Kysely<DB>,
  tenantId: string,
  site: string,
  reference: string,
  year: number,
): Promise<Rentabilitaet> {
  const costSitePrev = await costTotal(db, tenantId, site, year - 1, 'site');
  const costSite = await costTotal(db, tenantId, site, year, 'site');
  const costRefPrev = await costTotal(db, tenantId, reference, year - 1, 'reference');
  const costRef = await costTotal(db, tenantId, reference, year, 'reference');
  if (costRefPrev.n === 0n)
    throw AppError.validation(
      'reference',
      `Die Kosten von „${reference}“ ${year - 1} sind null; es gibt keine Entwicklung, mit der sich rechnen ließe.`,
    );
  const siteRegion = await resolveRegion(db, tenantId, site);
  const extra =
    (await importedValues(db, tenantId, [siteRegion.key, siteRegion.name], String(year))).extra_costs ?? '0';
  const expected = costSitePrev.mul(costRef).div(costRefPrev);
  const savings = expected.sub(costSite);
  const extraCosts = Fraction.parse(extra);
  return {
    site,
    reference,
    year,
    costSitePrev: costSitePrev.toMoney(),
    costSite: costSite.toMoney(),
    costRefPrev: costRefPrev.toMoney(),
    costRef: costRef.toMoney(),
    expected: expected.toMoney(),
    savings: savings.toMoney(),
    extraCosts: extraCosts.toMoney(),
    net: savings.sub(extraCosts).toMoney(),
  };
}
