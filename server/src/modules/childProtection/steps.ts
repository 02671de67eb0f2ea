import {
  assessmentDueAt,
  berlinDateOf,
  type CpAssessmentInput,
  type CpResult,
  type CpResultInput,
  type CpUrgencyInput,
  type CpVisitInput,
  cpResultAreas,
  cpResults,
  formatDateDe,
  mostSeriousArea,
  todayIso,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { addRiskConsultation } from '../cases/classification.ts';
import { recordSaved } from './process.ts';
import { replaceChecklist } from './queries/checklist.ts';
import { type CheckRow, findCheck, otherOpenResults, updateCheck } from './queries/checks.ts';
import { notBeforeReport, notInFuture, requireCheck, requireStaff } from './rules.ts';

/**
 * The steps of a § 8a check after the report, in order: Ersteinschätzung (urgency, which sets the deadline),
 * Gefährdungseinschätzung by at least two professionals, Inaugenscheinnahme (or why not), Ergebnis. A step
 * before its predecessor is refused with a 400 naming the missing field; a step may be saved again while the
 * check is open (each save names the version it was made on).
 */

async function save(
  ctx: Ctx,
  caseId: string,
  check: CheckRow,
  version: number,
  set: Parameters<typeof updateCheck>[5],
  step: string,
): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  await expectOneUpdated(
    await updateCheck(ctx.db, tenantId, caseId, check.id, version, set),
    () => findCheck(ctx.db, tenantId, caseId, check.id),
    'Die Gefährdungseinschätzung',
  );
  await ctx.audit({
    action: 'update',
    entityType: 'child_protection_check',
    entityId: check.id,
    details: { caseId, step, fields: Object.keys(set) },
  });
}

export async function saveUrgency(ctx: Ctx, caseId: string, checkId: string, input: CpUrgencyInput) {
  const { check } = await requireCheck(ctx, caseId, checkId, 'write', { editsText: true });
  const decidedAt = new Date(input.decidedAt);
  notInFuture('decidedAt', decidedAt);
  notBeforeReport('decidedAt', decidedAt, check);
  await save(
    ctx,
    caseId,
    check,
    input.version,
    {
      urgency: input.urgency,
      urgency_reason: input.reason || null,
      urgency_decided_at: decidedAt,
      urgency_decided_by: ctx.actor.userId,
      assessment_due_at: assessmentDueAt(check.received_at, input.urgency),
    },
    'ersteinschaetzung',
  );
  await recordSaved(ctx, caseId, 'child_protection.initial_assessment', check.id, {
    urgency: input.urgency,
    at: decidedAt,
  });
}

export async function saveAssessment(ctx: Ctx, caseId: string, checkId: string, input: CpAssessmentInput) {
  const { check } = await requireCheck(ctx, caseId, checkId, 'write', { editsText: true });
  if (check.urgency === null)
    throw AppError.validation('urgency', 'Zuerst die Ersteinschätzung (Dringlichkeit) festhalten.');
  const heldAt = new Date(input.heldAt);
  notInFuture('heldAt', heldAt);
  notBeforeReport('heldAt', heldAt, check);
  const participantIds = await requireStaff(
    ctx,
    'participantIds',
    input.participantIds,
    'Bitte nur Fachkräfte aus dem Personalverzeichnis wählen.',
  );
  if (participantIds.length < 2)
    throw AppError.validation(
      'participantIds',
      'Die Gefährdungseinschätzung braucht mindestens zwei Fachkräfte.',
    );
  await save(
    ctx,
    caseId,
    check,
    input.version,
    {
      assessment_held_at: heldAt,
      assessment_participant_ids: participantIds,
      assessment_facts: input.facts,
      risk_factors: input.riskFactors,
      protective_factors: input.protectiveFactors,
    },
    'gefaehrdungseinschaetzung',
  );
  await recordSaved(ctx, caseId, 'child_protection.assessment', check.id);
}

/** The visit may come before or after the assessment; it needs the urgency decided. */
export async function saveVisit(ctx: Ctx, caseId: string, checkId: string, input: CpVisitInput) {
  const { check } = await requireCheck(ctx, caseId, checkId, 'write', { editsText: true });
  if (check.urgency === null)
    throw AppError.validation('urgency', 'Zuerst die Ersteinschätzung (Dringlichkeit) festhalten.');
  const done = input.status === 'durchgefuehrt';
  if (done && input.at) {
    const at = new Date(input.at);
    notInFuture('at', at);
    notBeforeReport('at', at, check);
  }
  await save(
    ctx,
    caseId,
    check,
    input.version,
    {
      visit_status: input.status,
      visit_at: done ? input.at : null,
      visit_kind: done ? input.kind : null,
      child_seen: done ? input.childSeen : false,
      visit_findings: done ? input.findings || null : null,
      visit_reason: done ? null : input.reason,
    },
    'inaugenscheinnahme',
  );
  // Without a visit there is no Einschätzungshilfe of one.
  if (!done) await replaceChecklist(ctx.db, ctx.actor.tenantId, check.id, [], null);
  await recordSaved(ctx, caseId, 'child_protection.visit', check.id);
}

/**
 * The result, with the statistic's fields. It needs the assessment of at least two professionals and the visit
 * (or the reason why none was needed). A new result category writes a Kurzberatung, so that the case's
 * classification history stays one list: the area of the result (cpResultAreas), or a more serious one while
 * another open check of the case (a sibling) holds a more serious result.
 */
export async function saveResult(ctx: Ctx, caseId: string, checkId: string, input: CpResultInput) {
  const { loaded, check } = await requireCheck(ctx, caseId, checkId, 'write', { editsText: true });
  const tenantId = ctx.actor.tenantId;
  if (
    !check.assessment_participant_ids ||
    check.assessment_participant_ids.length < 2 ||
    !check.assessment_held_at
  )
    throw AppError.validation(
      'participantIds',
      'Ein Ergebnis setzt die Gefährdungseinschätzung durch mindestens zwei Fachkräfte voraus.',
    );
  if (check.visit_status === null)
    throw AppError.validation(
      'visit',
      'Zuerst die Inaugenscheinnahme festhalten oder begründen, warum sie nicht nötig ist.',
    );
  const earliest = [berlinDateOf(check.assessment_held_at), loaded.opened_on].sort().at(-1) as string;
  if (input.completedOn < earliest)
    throw AppError.validation(
      'completedOn',
      `Die Einschätzung kann nicht vor dem ${formatDateDe(earliest)} abgeschlossen sein (Gefährdungseinschätzung bzw. Falleingang).`,
    );
  if (input.completedOn > todayIso())
    throw AppError.validation('completedOn', 'Das Datum liegt in der Zukunft.');

  let consultationId = check.result_consultation_id;
  if (check.result !== input.result) {
    const others = (await otherOpenResults(ctx.db, tenantId, caseId, check.id)) as CpResult[];
    const area = mostSeriousArea([input.result, ...others].map((r) => cpResultAreas[r])) ?? 'leistung';
    consultationId = await addRiskConsultation(ctx, caseId, {
      heldOn: input.completedOn,
      participantIds: check.assessment_participant_ids,
      facts: `Ergebnis der Gefährdungseinschätzung nach § 8a SGB VIII für ${check.child_name}: ${cpResults.labels[input.result]}.`,
      area,
      nextSteps: 'Konsequenzen der Gefährdungseinschätzung festhalten (Kinderschutz, § 8a).',
    });
  }
  await save(
    ctx,
    caseId,
    check,
    input.version,
    {
      result: input.result,
      completed_on: input.completedOn,
      endangerment_types: [...new Set(input.endangermentTypes)],
      danger_sources: [...new Set(input.dangerSources)],
      residence: input.residence,
      mother_age_group: input.motherAgeGroup,
      father_age_group: input.fatherAgeGroup,
      parent_foreign_origin: input.parentForeignOrigin,
      german_at_home: input.germanAtHome,
      services_in_use: input.servicesInUse,
      service_kinds: [...new Set(input.serviceKinds)],
      result_note: input.note || null,
      result_decided_by: ctx.actor.userId,
      result_consultation_id: consultationId,
    },
    'ergebnis',
  );
  await recordSaved(ctx, caseId, 'child_protection.result', check.id);
}
