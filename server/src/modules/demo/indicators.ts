import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { firstPopulationYear } from './city.ts';
import { insertChunked } from './queries/insert.ts';
import { listDistrictCodes, staffingPerCentre } from './queries/reads.ts';
import type { Random } from './random.ts';

/**
 * Aggregates a real office imports: the share of children in SGB II households per district (the social indicator
 * of the staff reference) and the Soll VZE per Sozialzentrum, about a tenth above today's staffing.
 */
export async function insertDemoIndicators(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  lastYear: number,
  counts: Record<string, number>,
) {
  const districts = await listDistrictCodes(db, tenantId);
  const rows: Insertable<DB['aggregate']>[] = [];
  for (const d of districts) {
    const base = 8 + rnd.next() * 37;
    for (let year = firstPopulationYear; year <= lastYear; year++) {
      rows.push({
        tenant_id: tenantId,
        region: d.code,
        period: String(year),
        metric: 'sgb2_quote',
        value: (base + (rnd.next() - 0.5) * 2).toFixed(1),
      });
    }
  }
  const staffing = await staffingPerCentre(db, tenantId);
  for (const s of staffing) {
    for (let year = 2016; year <= lastYear; year++) {
      rows.push({
        tenant_id: tenantId,
        region: s.code,
        period: String(year),
        metric: 'staff_soll_vze',
        value: (Math.round(Number(s.vze) * 1.1 * 2) / 2).toFixed(2),
      });
    }
  }
  await insertChunked(db, 'aggregate', rows, []);
  counts.aggregates = rows.length;
}
