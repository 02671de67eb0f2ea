import type { Staffing } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { importedValues } from './imported.ts';
import { centreRows, districtRows } from './queries/organisation.ts';
import { youngInhabitantsByDistrict } from './queries/population.ts';
import { resolveRegion } from './regions.ts';
import { staffFigures } from './staffFigures.ts';

/**
 * Staffing Soll/Ist per Sozialzentrum and the staff reference: a total Soll distributed by young inhabitants
 * weighted with a social indicator (share of children in SGB II households), instead of by case numbers, which
 * would reward more help with more staff. Weight of a district = JEW × (1 + SGB II share); a centre's reference
 * Soll = total × its weight / all weights. Soll and Ist as staffFigures.ts gives them: Ist imported when present,
 * otherwise from the staff history on 31 Dec of the year.
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
  const quote = async (keys: string[]) => {
    const v = (await importedValues(db, tenantId, keys, String(year))).sgb2_quote;
    return v === undefined ? null : Number(v);
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
      const share = d ? await quote([d.code, d.name]) : null;
      if (share !== null) indicatorKnown++;
      inhabitants += n;
      weighted += n * (1 + (share ?? 0) / 100);
    }
    const staff = await staffFigures(db, tenantId, region, year);
    rows.push({
      code: c.code,
      name: c.name,
      jew: inhabitants,
      weightedJew: Math.round(weighted),
      indicatorDistricts: indicatorKnown,
      districts: region.districtIds.length,
      sollVze: staff.sollVze,
      istVze: staff.istVze ?? 0,
      istSource: staff.istSource,
      split: staff.split,
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
