import type { Staffing } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { metricsOfPeriod } from './queries/aggregates.ts';
import { centreRows, districtRows, staffVze } from './queries/organisation.ts';
import { youngInhabitantsByDistrict } from './queries/population.ts';
import { resolveRegion } from './regions.ts';

/**
 * Staffing Soll/Ist per Sozialzentrum and the staff reference: a total Soll distributed by young inhabitants
 * weighted with a social indicator (share of children in SGB II households), instead of by case numbers, which
 * would reward more help with more staff. Weight of a district = JEW × (1 + SGB II share); a centre's reference
 * Soll = total × its weight / all weights. Ist = the current full-time equivalents of its case managers and team
 * leads (today's staffing, whatever the year).
 */
export async function staffReference(
  db: Kysely<DB>,
  tenantId: string,
  year: number,
  totalSoll?: number,
): Promise<Staffing> {
  const centres = await centreRows(db, tenantId);
  const districts = await districtRows(db, tenantId);
  const jew = await youngInhabitantsByDistrict(db, tenantId, year);
  const aggregates = await metricsOfPeriod(db, tenantId, String(year), ['sgb2_quote', 'staff_soll_vze']);
  const value = (metric: string, keys: string[]) => {
    const row = aggregates.find((a) => a.metric === metric && keys.includes(a.region));
    return row ? Number(row.value) : null;
  };
  const rows = [];
  for (const c of centres) {
    const region = await resolveRegion(db, tenantId, c.code);
    let inhabitants = 0;
    let weighted = 0;
    let indicatorKnown = 0;
    for (const id of region.districtIds) {
      const d = districts.find((x) => x.id === id);
      const n = jew.get(id) ?? 0;
      const quote = d ? value('sgb2_quote', [d.code, d.name]) : null;
      if (quote !== null) indicatorKnown++;
      inhabitants += n;
      weighted += n * (1 + (quote ?? 0) / 100);
    }
    const ist = await staffVze(db, tenantId, region.teamIds);
    rows.push({
      code: c.code,
      name: c.name,
      jew: inhabitants,
      weightedJew: Math.round(weighted),
      indicatorDistricts: indicatorKnown,
      districts: region.districtIds.length,
      sollVze: value('staff_soll_vze', [c.code, c.name]),
      istVze: ist,
    });
  }
  const totalWeight = rows.reduce((a, r) => a + r.weightedJew, 0);
  const total =
    totalSoll ??
    (rows.every((r) => r.sollVze !== null)
      ? rows.reduce((a, r) => a + (r.sollVze ?? 0), 0)
      : rows.reduce((a, r) => a + r.istVze, 0));
  return {
    year,
    totalSoll: Math.round(total * 100) / 100,
    centres: rows.map((r) => {
      const share = totalWeight > 0 ? r.weightedJew / totalWeight : null;
      return {
        ...r,
        share: share === null ? null : Math.round(share * 10_000) / 100,
        referenceVze: share === null ? null : Math.round(total * share * 100) / 100,
      };
    }),
  };
}
