import {
  type HzeCheck,
  type HzeFamilyStatistics,
  type HzeMeasureStatistics,
  type HzeOffice,
  hzeFamilyStatisticsSchema,
  hzeMeasureStatisticsSchema,
  hzeOfficeSchema,
  subTypeFor,
  toCsv,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from '../cases/access.ts';
import { hzeColumns, hzeProblems, hzeRecord, recordHelpCode } from './hzeRecord.ts';
import { findMeasureState } from './queries/measures.ts';
import {
  findFamilyStatistics,
  findHzeOffice,
  findMeasureHelpCodes,
  listHzeRecords,
  updateFamilyStatistics,
  updateMeasureStatistics,
  upsertHzeOffice,
} from './queries/statistics.ts';

/**
 * The Kinder- und Jugendhilfestatistik Teil I (§ 99 Abs. 1 SGB VIII; docs/hze-statistics.md): the coded fields a
 * case manager records on a measure and on the family, the office's identification, the plausibility check and
 * the export. The records carry no names, but each is a young person's (sex, birth month and year), so every read,
 * check and export is audited; the fields themselves are kept to the case's access (requireCase).
 */

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;
const parseOffice = (v: unknown) => {
  const parsed = hzeOfficeSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
};

/** Before the export: every record the statistical office would reject, with field and reason (no names). */
export async function hzeCheck(ctx: Ctx, year: number): Promise<HzeCheck> {
  const [from, to] = yearRange(year);
  const rows = await listHzeRecords(ctx.db, ctx.actor.tenantId, from, to);
  const office = parseOffice(await findHzeOffice(ctx.db, ctx.actor.tenantId));
  const problems: HzeCheck['problems'] = office
    ? []
    : [
        {
          measureId: null,
          caseId: null,
          caseNumber: '',
          field: 'office',
          reason: 'Die Kennung des Jugendamts (Land, Kreis, Jugendamtsnummer) fehlt in den Einstellungen.',
        },
      ];
  for (const r of rows)
    for (const p of hzeProblems(r, to))
      problems.push({ measureId: r.id, caseId: r.case_id, caseNumber: r.case_number, ...p });
  await ctx.audit({
    action: 'read',
    entityType: 'hze_statistics',
    details: { year, records: rows.length, problems: problems.length },
  });
  return { year, records: rows.length, problems };
}

/** The year's records in the official layout (the one CSV writer); records with problems are exported as they are. */
export async function hzeStatisticsCsv(ctx: Ctx, year: number): Promise<{ csv: string; rows: number }> {
  const [from, to] = yearRange(year);
  const rows = await listHzeRecords(ctx.db, ctx.actor.tenantId, from, to);
  const office = parseOffice(await findHzeOffice(ctx.db, ctx.actor.tenantId));
  await ctx.audit({ action: 'export', entityType: 'hze_statistics', details: { year, rows: rows.length } });
  return { csv: toCsv([hzeColumns, ...rows.map((r) => hzeRecord(r, to, office))]), rows: rows.length };
}

export async function hzeOffice(ctx: Ctx): Promise<HzeOffice | null> {
  return parseOffice(await findHzeOffice(ctx.db, ctx.actor.tenantId));
}

export async function setHzeOffice(ctx: Ctx, office: HzeOffice): Promise<void> {
  await upsertHzeOffice(ctx.db, ctx.actor.tenantId, office);
  await ctx.audit({ action: 'update', entityType: 'finance_setting', details: { hzeOffice: office } });
}

export interface MeasureStatisticsView {
  /** The catalogue code of the help the record counts (for § 41 the underlying one). */
  helpTypeCode: string | null;
  youngAdult: boolean;
  ended: boolean;
  statistics: HzeMeasureStatistics | null;
}

async function loadMeasure(ctx: Ctx, measureId: string, purpose: 'read' | 'write') {
  const state = await findMeasureState(ctx.db, ctx.actor.tenantId, measureId);
  if (!state) throw AppError.notFound('Die Maßnahme');
  // Statistics of an ended help are completed after the case was closed, too.
  await requireCase(ctx, state.case_id, purpose, { evenIfClosed: true });
  const codes = await findMeasureHelpCodes(ctx.db, ctx.actor.tenantId, measureId);
  return { state, codes };
}

export async function measureStatistics(ctx: Ctx, measureId: string): Promise<MeasureStatisticsView> {
  const { state, codes } = await loadMeasure(ctx, measureId, 'read');
  await ctx.audit({
    action: 'read',
    entityType: 'measure_statistics',
    entityId: measureId,
    details: { caseId: state.case_id },
  });
  const parsed = hzeMeasureStatisticsSchema.safeParse(codes.statistics);
  return {
    helpTypeCode: recordHelpCode(codes),
    youngAdult: codes.help_type_code === '41',
    ended: codes.end_on !== null,
    statistics: parsed.success ? parsed.data : null,
  };
}

export async function setMeasureStatistics(
  ctx: Ctx,
  measureId: string,
  input: HzeMeasureStatistics,
): Promise<void> {
  const { state, codes } = await loadMeasure(ctx, measureId, 'write');
  const help = recordHelpCode(codes);
  const subTypes = help ? subTypeFor(help) : undefined;
  if (input.subType !== null && !subTypes?.values.includes(input.subType))
    throw AppError.validation(
      'subType',
      subTypes ? 'Bitte eine Unterart aus der Liste wählen.' : 'Diese Hilfeart hat keine Unterart.',
    );
  if (input.furtherGrounds.includes(input.mainGround))
    throw AppError.validation('furtherGrounds', 'Der Hauptgrund steht schon als Hauptgrund fest.');
  await updateMeasureStatistics(ctx.db, ctx.actor.tenantId, measureId, input);
  await ctx.audit({
    action: 'update',
    entityType: 'measure_statistics',
    entityId: measureId,
    details: { caseId: state.case_id },
  });
}

export async function familyStatistics(ctx: Ctx, caseId: string): Promise<HzeFamilyStatistics | null> {
  await requireCase(ctx, caseId, 'read');
  await ctx.audit({ action: 'read', entityType: 'family_statistics', entityId: caseId });
  const parsed = hzeFamilyStatisticsSchema.safeParse(
    await findFamilyStatistics(ctx.db, ctx.actor.tenantId, caseId),
  );
  return parsed.success ? parsed.data : null;
}

export async function setFamilyStatistics(
  ctx: Ctx,
  caseId: string,
  input: HzeFamilyStatistics,
): Promise<void> {
  await requireCase(ctx, caseId, 'write', { evenIfClosed: true });
  await updateFamilyStatistics(ctx.db, ctx.actor.tenantId, caseId, input);
  await ctx.audit({ action: 'update', entityType: 'family_statistics', entityId: caseId });
}
