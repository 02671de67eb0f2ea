import {
  addMonths,
  berlinDateOf,
  type ContentUse,
  type CpCheck,
  type CpCheckSummary,
  type CpCounts,
  type CpReportInput,
  cpResults,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { mayMarkConfided } from '../access/policy.ts';
import { requireCase } from '../cases/access.ts';
import { viewerOf } from '../confided/queries/visibility.ts';
import { confidedMarks } from '../confided/service.ts';
import { presentCheck, presentChecklist, presentCheckSummary, presentMeasure } from './presenter.ts';
import { recordSaved } from './process.ts';
import { checklistEntries } from './queries/checklist.ts';
import {
  checkTexts,
  consultationsById,
  householdMember,
  insertCheck,
  listChecks,
  staffNames,
} from './queries/checks.ts';
import { careBegun, completedByResult, openReceived } from './queries/counts.ts';
import { listMeasures, measureMandates } from './queries/measures.ts';
import { notInFuture, requireCheck, requireStaff } from './rules.ts';

/**
 * The § 8a checks of a case (docs/child-protection.md): reading them and receiving a report. Everything goes
 * through the case's access rule first (requireCase): who may not open the case sees none of its checks, and the
 * refusal is audited. Every read and change is audited with ids and field names only.
 */

export async function caseChecks(ctx: Ctx, caseId: string): Promise<CpCheckSummary[]> {
  await requireCase(ctx, caseId, 'read');
  const rows = await listChecks(ctx.db, ctx.actor.tenantId, caseId);
  const now = new Date();
  await ctx.audit({
    action: 'read',
    entityType: 'child_protection_list',
    entityId: caseId,
    details: { caseId, count: rows.length },
  });
  return rows.map((r) => presentCheckSummary(r, now));
}

/** A check with its consequences; `use` is what it is read for (§ 65: the screen, a PDF, an export or handover). */
export async function readCheck(
  ctx: Ctx,
  caseId: string,
  checkId: string,
  use: ContentUse,
): Promise<CpCheck> {
  const { loaded, check: row } = await requireCheck(ctx, caseId, checkId, 'read');
  const tenantId = ctx.actor.tenantId;
  const viewer = viewerOf(ctx, use);
  const [texts, measures] = await Promise.all([
    checkTexts(ctx.db, tenantId, row.id, viewer),
    listMeasures(ctx.db, tenantId, [row.id], viewer),
  ]);
  // The step logic below reads dates and codes from the row; only its free text is replaced for this reader.
  const check = { ...row, ...texts };
  const [mandates, consultations, checklist, checkMarks, measureMarks] = await Promise.all([
    measureMandates(
      ctx.db,
      tenantId,
      measures.map((m) => m.id),
      viewer,
    ),
    consultationsById(ctx.db, tenantId, check.result_consultation_id ? [check.result_consultation_id] : []),
    checklistEntries(ctx.db, tenantId, check.id, viewer),
    confidedMarks(ctx.db, ctx.actor, viewer, 'child_protection_check', [check.id]),
    confidedMarks(
      ctx.db,
      ctx.actor,
      viewer,
      'protection_measure',
      measures.map((m) => m.id),
    ),
  ]);
  const staffIds = [
    check.taken_by,
    check.urgency_decided_by,
    check.result_decided_by,
    check.closed_by,
    ...(check.assessment_participant_ids ?? []),
    ...measures.map((m) => m.created_by),
    ...checklist.map((e) => e.recorded_by),
  ].filter((id): id is string => id !== null);
  const names = new Map(
    (await staffNames(ctx.db, tenantId, [...new Set(staffIds)])).map((u) => [u.id, u.display_name]),
  );
  await ctx.audit({
    action: 'read',
    entityType: 'child_protection_check',
    entityId: checkId,
    details: { caseId },
  });
  const area = consultations[0]?.area as 'leistung' | 'grau' | 'gefaehrdung' | undefined;
  // § 65: who may mark a record is its author; records without one count as the case lead's.
  const mayMark = (...ids: (string | null)[]) =>
    mayMarkConfided(ctx.actor, { authorIds: ids.filter((a): a is string => a !== null) });
  const lead = loaded.subject.leadUserId;
  return {
    ...presentCheck(
      check,
      measures.map((m) => ({
        ...presentMeasure(m, mandates, names),
        confided: measureMarks.get(m.id) ?? null,
        mayMarkConfided: mayMark(m.created_by ?? lead),
      })),
      names,
      area ?? null,
      new Date(),
      presentChecklist(checklist, names),
    ),
    confided: checkMarks.get(check.id) ?? null,
    mayMarkConfided: mayMark(check.created_by ?? lead, check.taken_by),
  };
}

/**
 * A report (Meldung) opens a check for one child of the case's household. Each child gets its own check; a case
 * may hold several over time. The child must be a minor when the report arrives.
 */
export async function addReport(ctx: Ctx, caseId: string, input: CpReportInput): Promise<string> {
  const loaded = await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const child = await householdMember(ctx.db, tenantId, loaded.household_id, input.childId);
  if (!child) throw AppError.validation('childId', 'Das Kind gehört nicht zur Familie dieses Falls.');
  const receivedAt = new Date(input.receivedAt);
  notInFuture('receivedAt', receivedAt);
  const receivedOn = berlinDateOf(receivedAt);
  if (child.birth_date === null) {
    throw AppError.validation(
      'childId',
      'Das Geburtsdatum dieser Person ist unbekannt; eine Gefährdungseinschätzung nach § 8a betrifft ein Kind oder eine/n Jugendliche/n unter 18 Jahren. Bitte zuerst das Geburtsdatum angeben.',
    );
  }
  if (child.birth_date > receivedOn || receivedOn >= addMonths(child.birth_date, 18 * 12)) {
    throw AppError.validation(
      'childId',
      'Eine Gefährdungseinschätzung nach § 8a betrifft ein Kind oder eine/n Jugendliche/n unter 18 Jahren.',
    );
  }
  const [takenBy] = await requireStaff(
    ctx,
    'takenById',
    [input.takenById],
    'Bitte eine Fachkraft aus dem Personalverzeichnis wählen.',
  );
  const id = await insertCheck(ctx.db, {
    tenant_id: tenantId,
    case_id: caseId,
    child_id: input.childId,
    received_at: receivedAt,
    reporter_kind: input.reporterKind,
    reporter_name: input.reporterKind === 'anonym' ? null : input.reporterName || null,
    channel: input.channel,
    report_text: input.reportText,
    taken_by: takenBy as string,
    created_by: ctx.actor.userId,
  });
  await ctx.audit({
    action: 'create',
    entityType: 'child_protection_check',
    entityId: id,
    details: { caseId, childId: input.childId, step: 'meldung' },
  });
  await recordSaved(ctx, caseId, 'child_protection.report', id, { at: receivedAt });
  return id;
}

/**
 * Controlling's figure: how many assessments of a year ended in which result, how many reports of the year are
 * still without one, and how many Inobhutnahmen began. Counts only (no person, no case), like the other
 * controlling figures; the year runs from 1 January to 31 December in German time.
 */
export async function checkCounts(ctx: Ctx, year: number): Promise<CpCounts> {
  const tenantId = ctx.actor.tenantId;
  // 1 January is always in winter time (UTC+1) in Germany.
  const from = new Date(`${year}-01-01T00:00:00+01:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+01:00`);
  const [completed, open, care] = await Promise.all([
    completedByResult(ctx.db, tenantId, `${year}-01-01`, `${year}-12-31`),
    openReceived(ctx.db, tenantId, from, to),
    careBegun(ctx.db, tenantId, from, to),
  ]);
  const byResult = new Map(completed.map((r) => [r.result, Number(r.n)]));
  return {
    year,
    byResult: cpResults.values.map((result) => ({ result, count: byResult.get(result) ?? 0 })),
    open,
    takenIntoCare: care,
  };
}
