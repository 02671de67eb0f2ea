import type { Rentabilitaet, RentabRow } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { rentabSeries } from './rentabSeries.ts';

/**
 * Rentabilitätsbetrachtung of one year (docs/controlling-rentabilitaet.md): the first row of the series
 * (rentabSeries.ts), which counts the chosen cost categories and the extra costs broken down.
 */
/** One year, in the shape GET /controlling/rentabilitaet has always answered. */
export async function rentabilitaet(
  db: Kysely<DB>,
  tenantId: string,
  site: string,
  reference: string,
  year: number,
): Promise<Rentabilitaet> {
  const series = await rentabSeries(db, tenantId, { site, reference, from: year, to: year });
  const r = series.rows[0] as RentabRow;
  return {
    site,
    reference,
    year,
    costSitePrev: r.costSitePrev,
    costSite: r.costSite,
    costRefPrev: r.costRefPrev,
    costRef: r.costRef,
    expected: r.expected,
    savings: r.savings,
    extraCosts: r.extra.total,
    net: r.net,
  };
}
