import type { ContentUse, Measure, MeasureInput, Page, PageQuery } from '@leuchtturm/shared';
import { formatDateDe, idSchema, todayIso, z } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { moneyToCents } from '../../shared/money.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { mayApproveMeasure, mayMarkConfided } from '../access/policy.ts';
import { requireCase } from '../cases/access.ts';
import { type ContentViewer, viewerOf } from '../confided/queries/visibility.ts';
import { confidedMarks, requireContentEditable } from '../confided/service.ts';
import { completeProcessSteps } from '../processes/completion.ts';
import { individualRate, ratesByOffer } from './costInputs.ts';
import { firstFullMonthCost, type RatePeriod, type RateUnit } from './costRule.ts';
import { presentMeasure } from './presenter.ts';
import { findHelpType, findOffer, listRateRows } from './queries/catalogue.ts';
import {
  approveMeasureRow,
  endMeasureRow,
  findApprovalThreshold,
  findHouseholdMember,
  findMeasureState,
  findStationaryOverlap,
  insertMeasure,
  isHelpPlanOfCase,
  listCaseMeasureRows,
  listPendingApprovalRows,
  lockPerson,
  type MeasureRow,
  withdrawMeasureRow,
} from './queries/measures.ts';

/**
 * Measures (Maßnahmen) on a case. Above the tenant's monthly threshold a measure stays planned (and costs nothing)
 * until the lead of the case's team approves it; below it, the case manager's decision suffices. The monthly
 * amount is the cost rule's cost of the measure's first full calendar month (costRule.ts, firstFullMonthCost).
 * Every function checks access to the case first (requireCase), then the rules, then writes and audits.
 */

async function resolveCategory(ctx: Ctx, input: MeasureInput): Promise<string> {
  const tenantId = ctx.actor.tenantId;
  const type = await findHelpType(ctx.db, tenantId, input.helpTypeId);
  if (!type) throw AppError.validation('helpTypeId', 'Diese Hilfeart gibt es nicht.');
  if (input.individualRate && type.code !== '27.2') {
    throw AppError.validation(
      'individualRate',
      'Einen individuellen Satz gibt es nur bei flexibler Hilfe nach § 27 Abs. 2.',
    );
  }
  if (type.category_rule === 'per_measure') {
    if (!input.category)
      throw AppError.validation('category', 'Bei dieser Hilfeart bitte wählen: ambulant oder stationär.');
    return input.category;
  }
  if (type.category_rule === 'underlying') {
    if (!input.underlyingHelpTypeId)
      throw AppError.validation('underlyingHelpTypeId', 'Bitte die zugrunde liegende Hilfe angeben.');
    const underlying = await findHelpType(ctx.db, tenantId, input.underlyingHelpTypeId);
    if (!underlying || underlying.category_rule === 'underlying') {
      throw AppError.validation(
        'underlyingHelpTypeId',
        'Bitte eine Hilfe nach §§ 27-35a als zugrunde liegende Hilfe wählen.',
      );
    }
    if (underlying.category_rule === 'per_measure') {
      if (!input.category) throw AppError.validation('category', 'Bitte wählen: ambulant oder stationär.');
      return input.category;
    }
    return underlying.category_rule;
  }
  return type.category_rule;
}

/** The unit and rate periods the measure will be paid by: its offer's, or (flexible help) its individual rate. */
async function resolveRates(ctx: Ctx, input: MeasureInput): Promise<{ unit: RateUnit; rates: RatePeriod[] }> {
  if (input.individualRate)
    return { unit: input.individualRate.unit, rates: individualRate(input.individualRate.amount) };
  if (!input.offerId) throw AppError.validation('offerId', 'Bitte ein Leistungsangebot wählen.');
  const offer = await findOffer(ctx.db, ctx.actor.tenantId, input.offerId);
  if (!offer) throw AppError.validation('offerId', 'Dieses Leistungsangebot gibt es nicht.');
  const expectedType = input.underlyingHelpTypeId ?? input.helpTypeId;
  if (offer.help_type_id !== input.helpTypeId && offer.help_type_id !== expectedType) {
    throw AppError.validation('offerId', 'Das Leistungsangebot passt nicht zur gewählten Hilfeart.');
  }
  const rates = ratesByOffer(await listRateRows(ctx.db, ctx.actor.tenantId, [offer.id])).get(offer.id) ?? [];
  const begin = input.beginOn;
  if (!rates.some((r) => r.validFrom <= begin && (r.validTo === null || r.validTo >= begin)))
    throw AppError.validation('beginOn', 'Für diesen Beginn gibt es keinen gültigen Satz des Angebots.');
  return { unit: offer.unit, rates };
}

export async function createMeasure(
  ctx: Ctx,
  caseId: string,
  input: MeasureInput,
): Promise<{ id: string; status: 'geplant' | 'bewilligt' }> {
  const loaded = await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const young = await findHouseholdMember(ctx.db, tenantId, loaded.household_id, input.personId);
  if (!young)
    throw AppError.validation('personId', 'Die junge Person gehört nicht zur Familie dieses Falls.');
  // An adult's birth date may be unknown (docs/domain.md): then there is no birth to begin before.
  if (young.birth_date && input.beginOn < young.birth_date)
    throw AppError.validation('beginOn', 'Eine Hilfe kann nicht vor der Geburt der jungen Person beginnen.');
  const beginsEarly = input.beginOn < loaded.opened_on;
  const beginReason = input.beginReason || null;
  if (beginsEarly && !beginReason)
    throw AppError.validation(
      'beginReason',
      'Die Hilfe beginnt vor dem Falleingang: Bitte begründen (z. B. Übernahme von einem anderen Jugendamt).',
    );
  const category = await resolveCategory(ctx, input);
  const { unit, rates } = await resolveRates(ctx, input);
  if (unit === 'hour' && !input.hoursPerWeek) {
    throw AppError.validation(
      'hoursPerWeek',
      'Bei Fachleistungsstunden bitte die Stunden pro Woche angeben.',
    );
  }
  if (input.helpPlanId && !(await isHelpPlanOfCase(ctx.db, tenantId, caseId, input.helpPlanId)))
    throw AppError.validation('helpPlanId', 'Dieser Hilfeplan gehört nicht zum Fall.');

  if (category === 'stationaer') await refuseStationaryOverlap(ctx, input.personId, input.beginOn);

  const hoursPerWeek = unit === 'hour' ? input.hoursPerWeek : null;
  const monthly = firstFullMonthCost({ begin: input.beginOn, unit, hoursPerWeek, rates });
  const threshold = await findApprovalThreshold(ctx.db, tenantId);
  const needsApproval = moneyToCents(monthly) > moneyToCents(threshold);
  const approved = !needsApproval || mayApproveMeasure(ctx.actor, loaded.subject);
  const status = approved ? 'bewilligt' : 'geplant';
  const row = await insertMeasure(ctx.db, {
    tenant_id: tenantId,
    case_id: caseId,
    person_id: input.personId,
    help_type_id: input.helpTypeId,
    offer_id: input.offerId,
    individual_amount: input.individualRate?.amount ?? null,
    individual_unit: input.individualRate?.unit ?? null,
    category,
    underlying_help_type_id: input.underlyingHelpTypeId,
    begin_on: input.beginOn,
    planned_end_on: input.plannedEndOn,
    hours_per_week: hoursPerWeek,
    help_plan_id: input.helpPlanId,
    reasons: input.reasons,
    begin_reason: beginsEarly ? beginReason : null,
    status,
    approved_by: approved ? ctx.actor.userId : null,
    approved_at: approved ? new Date() : null,
    created_by: ctx.actor.userId,
  });
  await ctx.audit({
    action: 'create',
    entityType: 'measure',
    entityId: row.id,
    details: { caseId, status },
  });
  if (status === 'bewilligt') await completeProcessSteps(ctx, caseId, 'measure_approval', row.id);
  return { id: row.id, status };
}

/**
 * A young person is in one stationary help on a day at most. The person's row is locked first, so a second plan
 * for the same person waits for the first one's transaction and then sees its measure. A new stationary measure
 * runs open-ended until it is ended (its planned end does not end it), so it may not begin while another runs.
 */
async function refuseStationaryOverlap(ctx: Ctx, personId: string, begin: string): Promise<void> {
  await lockPerson(ctx.db, ctx.actor.tenantId, personId);
  const other = await findStationaryOverlap(ctx.db, ctx.actor.tenantId, personId, begin, null);
  if (other)
    throw AppError.validation(
      'beginOn',
      `Die junge Person ist an diesem Tag schon in einer stationären Hilfe (ab ${formatDateDe(other.begin_on)}${
        other.end_on ? ` bis ${formatDateDe(other.end_on)}` : ''
      }). Bitte jene zuerst beenden oder einen Beginn danach wählen.`,
    );
}

/**
 * The measure's state after the access check on its case (a measure is reached through its case). Ending and
 * withdrawing are allowed on a closed case too, so that records from before closing decided on its measures can
 * be put right; everything else needs the case open.
 */
async function requireMeasure(ctx: Ctx, measureId: string, evenIfClosed = false) {
  const state = await findMeasureState(ctx.db, ctx.actor.tenantId, measureId);
  if (!state) throw AppError.notFound('Die Maßnahme');
  const loaded = await requireCase(ctx, state.case_id, 'write', { evenIfClosed });
  return { state, loaded };
}

const stillExists = (ctx: Ctx, measureId: string) => () =>
  findMeasureState(ctx.db, ctx.actor.tenantId, measureId);

export async function approveMeasure(ctx: Ctx, measureId: string, version: number): Promise<void> {
  const { state, loaded } = await requireMeasure(ctx, measureId);
  if (!mayApproveMeasure(ctx.actor, loaded.subject))
    throw new AppError(
      'forbidden',
      'Maßnahmen über der Betragsgrenze bewilligt die Referatsleitung des Teams.',
      {
        audit: {
          action: 'access_denied',
          entityType: 'measure',
          entityId: measureId,
          details: { purpose: 'approve' },
        },
      },
    );
  if (state.status === 'bewilligt') throw new AppError('conflict', 'Diese Maßnahme ist bereits bewilligt.');
  if (state.status === 'zurueckgezogen')
    throw new AppError('conflict', 'Diese Maßnahme wurde zurückgezogen und kann nicht bewilligt werden.');
  const result = await approveMeasureRow(ctx.db, ctx.actor.tenantId, measureId, version, ctx.actor.userId);
  await expectOneUpdated(result, stillExists(ctx, measureId), 'Die Maßnahme');
  await ctx.audit({
    action: 'approve',
    entityType: 'measure',
    entityId: measureId,
    details: { caseId: state.case_id },
  });
  await completeProcessSteps(ctx, state.case_id, 'measure_approval', measureId);
}

export async function endMeasure(
  ctx: Ctx,
  measureId: string,
  input: { endOn: string; endReason: string; version: number },
): Promise<void> {
  const { state } = await requireMeasure(ctx, measureId, true);
  if (state.status === 'geplant')
    throw new AppError(
      'conflict',
      'Diese Maßnahme ist noch nicht bewilligt: Sie wird zurückgezogen, nicht beendet.',
    );
  if (state.status === 'zurueckgezogen')
    throw new AppError('conflict', 'Diese Maßnahme wurde zurückgezogen; sie hat nicht begonnen.');
  if (input.endOn < state.begin_on)
    throw AppError.validation('endOn', 'Das Ende kann nicht vor dem Beginn liegen.');
  if (state.closed_on && input.endOn > state.closed_on)
    throw AppError.validation(
      'endOn',
      'Der Fall ist abgeschlossen: Die Hilfe endet spätestens am Abschlussdatum.',
    );
  const result = await endMeasureRow(ctx.db, ctx.actor.tenantId, measureId, input);
  await expectOneUpdated(result, stillExists(ctx, measureId), 'Die Maßnahme');
  await ctx.audit({
    action: 'update',
    entityType: 'measure',
    entityId: measureId,
    details: { caseId: state.case_id, fields: ['endOn', 'endReason'] },
  });
  await completeProcessSteps(ctx, state.case_id, 'measure_end', measureId);
}

/**
 * Withdraws a planned measure with its reason: it was never approved, so it neither ran nor cost anything; it
 * stays in the case file as withdrawn. An approved measure is ended instead (endMeasure).
 */
export async function withdrawMeasure(
  ctx: Ctx,
  measureId: string,
  input: { reason: string; version: number },
): Promise<void> {
  const { state } = await requireMeasure(ctx, measureId, true);
  // § 65: the reason is the measure's free text; who sees the placeholder may not write over it.
  await requireContentEditable(ctx, state.case_id, 'measure', measureId);
  if (state.status === 'bewilligt')
    throw new AppError(
      'conflict',
      'Diese Maßnahme ist bewilligt und kann nicht mehr zurückgezogen werden; beenden Sie sie.',
    );
  if (state.status === 'zurueckgezogen')
    throw new AppError('conflict', 'Diese Maßnahme ist bereits zurückgezogen.');
  const result = await withdrawMeasureRow(ctx.db, ctx.actor.tenantId, measureId, input);
  await expectOneUpdated(result, stillExists(ctx, measureId), 'Die Maßnahme');
  await ctx.audit({
    action: 'update',
    entityType: 'measure',
    entityId: measureId,
    details: { caseId: state.case_id, fields: ['status'], status: 'zurueckgezogen' },
  });
}

/** Measures with the rates of their offers and their § 65 marks as the viewer sees them, shaped for the list. */
async function present(ctx: Ctx, rows: MeasureRow[], viewer: ContentViewer): Promise<Measure[]> {
  const offerIds = [...new Set(rows.flatMap((r) => (r.offer_id ? [r.offer_id] : [])))];
  const rates = ratesByOffer(await listRateRows(ctx.db, ctx.actor.tenantId, offerIds));
  const marks = await confidedMarks(
    ctx.db,
    ctx.actor,
    viewer,
    'measure',
    rows.map((r) => r.id),
  );
  const today = todayIso();
  return rows.map((r) =>
    presentMeasure(r, rates, today, {
      mark: marks.get(r.id) ?? null,
      // Who planned it is its author; measures from before that was kept count as the case lead's.
      mayMark: mayMarkConfided(ctx.actor, {
        authorIds: [r.created_by ?? r.case_lead_id].filter((a): a is string => a !== null),
      }),
    }),
  );
}

/** The case's measures; `use` is what they are read for (§ 65: the screen, a PDF, an export or handover). */
export async function listCaseMeasures(ctx: Ctx, caseId: string, use: ContentUse): Promise<Measure[]> {
  await requireCase(ctx, caseId, 'read');
  const viewer = viewerOf(ctx, use);
  const rows = await listCaseMeasureRows(ctx.db, ctx.actor.tenantId, caseId, viewer);
  await ctx.audit({ action: 'read', entityType: 'measure_list', entityId: caseId });
  return present(ctx, rows, viewer);
}

const approvalCursor = z.object({ createdAt: z.iso.datetime({ precision: 6 }), id: idSchema });

/** Planned measures awaiting the actor's approval (cases of their team), oldest first, a page at a time. */
export async function pendingApprovals(ctx: Ctx, query: PageQuery): Promise<Page<Measure>> {
  const after = decodeCursor(query.cursor, approvalCursor);
  const teamId = ctx.actor.teamId;
  if (!teamId || !mayApproveMeasure(ctx.actor, { teamId })) return { items: [], nextCursor: null };
  const viewer = viewerOf(ctx, 'view');
  const rows = await listPendingApprovalRows(
    ctx.db,
    ctx.actor.tenantId,
    teamId,
    { after, limit: query.limit },
    viewer,
  );
  const page = toPage(
    rows,
    query.limit,
    (r) => ({ createdAt: r.created_key, id: r.id }),
    (r) => r,
  );
  await ctx.audit({
    action: 'read',
    entityType: 'measure_list',
    details: { purpose: 'approvals', count: page.items.length },
  });
  return { items: await present(ctx, page.items, viewer), nextCursor: page.nextCursor };
}
