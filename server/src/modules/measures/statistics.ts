import { toCsv } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { hzeColumns, hzeRecord } from './presenter.ts';
import { listHzeRecords } from './queries/statistics.ts';

/**
 * The Kinder- und Jugendhilfestatistik on erzieherische Hilfen (§ 99 Abs. 1 SGB VIII) for a year: one record per
 * help of §§ 27-35a and 41 that ran in the year (ended in it, or continuing on 31 Dec); the columns are in
 * presenter.ts (hzeColumns, hzeRecord) and documented in docs/hze-statistics.md.
 */
export async function hzeStatisticsCsv(ctx: Ctx, year: number): Promise<{ csv: string; rows: number }> {
  const to = `${year}-12-31`;
  const rows = await listHzeRecords(ctx.db, ctx.actor.tenantId, `${year}-01-01`, to);
  await ctx.audit({ action: 'export', entityType: 'hze_statistics', details: { year, rows: rows.length } });
  return { csv: toCsv([hzeColumns, ...rows.map((r) => hzeRecord(r, to))]), rows: rows.length };
}
