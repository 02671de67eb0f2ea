import { type CpStatisticsCheck, toCsv } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { statisticsConsequences, statisticsRecords } from './queries/statistics.ts';
import { cpStatisticsColumns, missingFields, statisticsRecord } from './statisticsRecord.ts';

/**
 * The statistic of § 8a assessments (§ 99 Abs. 6 SGB VIII; docs/child-protection-statistics.md): what the office
 * sends to the statistical office for a calendar year, one record per assessment completed in it. It is permitted
 * and audited like the HzE statistic (finance:manage, an `export` entry with the year and the count): the records
 * carry no name, but each is a child's (sex, month and year of birth), so every export and every check is audited.
 */

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/**
 * Before the export: how many records the year holds and which lack a field the statistic requires, by case number
 * and check id (no names), so that those responsible can complete them. The export does not refuse them; it marks
 * them (a closed check can no longer be changed, so a refusal would block the year for good).
 */
export async function statisticsCheck(ctx: Ctx, year: number): Promise<CpStatisticsCheck> {
  const rows = await statisticsRecords(ctx.db, ctx.actor.tenantId, ...yearRange(year));
  const incomplete = rows.flatMap((r) => {
    const missing = missingFields(r);
    return missing.length === 0
      ? []
      : [
          {
            checkId: r.id,
            caseId: r.case_id,
            caseNumber: r.case_number,
            completedOn: r.completed_on ?? '',
            missing,
          },
        ];
  });
  await ctx.audit({
    action: 'read',
    entityType: 'child_protection_statistics',
    details: { year, records: rows.length, incomplete: incomplete.length },
  });
  return { year, records: rows.length, incomplete };
}

/** The year's records as CSV (the one writer, shared/csv.ts); incomplete records are marked, not left out. */
export async function statisticsCsv(ctx: Ctx, year: number): Promise<{ csv: string; rows: number }> {
  const tenantId = ctx.actor.tenantId;
  const [rows, consequences] = await Promise.all([
    statisticsRecords(ctx.db, tenantId, ...yearRange(year)),
    statisticsConsequences(ctx.db, tenantId, ...yearRange(year)),
  ]);
  const incomplete = rows.filter((r) => missingFields(r).length > 0).length;
  await ctx.audit({
    action: 'export',
    entityType: 'child_protection_statistics',
    details: { year, rows: rows.length, incomplete },
  });
  const byCheck = new Map<string, typeof consequences>();
  for (const c of consequences) byCheck.set(c.check_id, [...(byCheck.get(c.check_id) ?? []), c]);
  const records = rows.map((r) => statisticsRecord(r, byCheck.get(r.id) ?? []));
  return { csv: toCsv([cpStatisticsColumns, ...records]), rows: rows.length };
}
