import type { Measure, MeasureInput } from '@leuchtturm/shared';
import { todayIso } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { Fraction } from '../../shared/money.ts';
import { requireCase } from '../cases/access.ts';
import type { RateUnit } from './costRule.ts';

/**
 * Measures (Maßnahmen) on a case. Above the tenant's monthly threshold a measure stays planned (and costs nothing)
 * until the lead of the case's team approves it; below it, the case manager's decision suffices.
 */

/** What a month of the measure costs at the rate valid when it begins (30 days, 30/7 weeks). */
export function monthlyEstimate(unit: RateUnit, amount: string, hoursPerWeek: string | null): string {
  const rate = Fraction.parse(amount);
  if (unit === 'day') return rate.mul(Fraction.int(30)).toMoney();
  if (unit === 'hour')
    return rate
      .mul(Fraction.parse(hoursPerWeek ?? '0'))
      .mul(Fraction.int(30))
      .div(Fraction.int(7))
      .toMoney();
  return rate.toMoney();
}

async function resolveCategory(ctx: Ctx, input: MeasureInput): Promise<string> {
  const tenantId = ctx.actor.tenantId;
  const type = await ctx.db
    .selectFrom('help_type')
    .select(['category_rule', 'code'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', input.helpTypeId)
    .executeTakeFirst();
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
    const underlying = await ctx.db
      .selectFrom('help_type')
      .select('category_rule')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.underlyingHelpTypeId)
      .executeTakeFirst();
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

export async function createMeasure(
  ctx: Ctx,
  caseId: string,
  input: MeasureInput,
): Promise<{ id: string; status: 'geplant' | 'bewilligt' }> {
  const loaded = await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const member = await ctx.db
    .selectFrom('household_member')
    .select('person_id')
    .where('tenant_id', '=', tenantId)
    .where('household_id', '=', loaded.household_id)
    .where('person_id', '=', input.personId)
    .executeTakeFirst();
  if (!member)
    throw AppError.validation('personId', 'Die junge Person gehört nicht zur Familie dieses Falls.');
  const category = await resolveCategory(ctx, input);

  let unit: RateUnit;
  let amount: string;
  if (input.offerId) {
    const offer = await ctx.db
      .selectFrom('service_offer')
      .select(['unit', 'help_type_id'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.offerId)
      .executeTakeFirst();
    if (!offer) throw AppError.validation('offerId', 'Dieses Leistungsangebot gibt es nicht.');
    const expectedType = input.underlyingHelpTypeId ?? input.helpTypeId;
    if (offer.help_type_id !== input.helpTypeId && offer.help_type_id !== expectedType) {
      throw AppError.validation('offerId', 'Das Leistungsangebot passt nicht zur gewählten Hilfeart.');
    }
    const rate = await ctx.db
      .selectFrom('rate')
      .select('amount')
      .where('tenant_id', '=', tenantId)
      .where('offer_id', '=', input.offerId)
      .where('valid_from', '<=', input.beginOn)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', input.beginOn)]))
      .executeTakeFirst();
    if (!rate)
      throw AppError.validation('beginOn', 'Für diesen Beginn gibt es keinen gültigen Satz des Angebots.');
    unit = offer.unit;
    amount = rate.amount;
  } else if (input.individualRate) {
    unit = input.individualRate.unit;
    amount = input.individualRate.amount;
  } else {
    throw AppError.validation('offerId', 'Bitte ein Leistungsangebot wählen.');
  }
  if (unit === 'hour' && !input.hoursPerWeek) {
    throw AppError.validation(
      'hoursPerWeek',
      'Bei Fachleistungsstunden bitte die Stunden pro Woche angeben.',
    );
  }
  if (input.helpPlanId) {
    const plan = await ctx.db
      .selectFrom('help_plan')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('id', '=', input.helpPlanId)
      .executeTakeFirst();
    if (!plan) throw AppError.validation('helpPlanId', 'Dieser Hilfeplan gehört nicht zum Fall.');
  }
  const estimate = monthlyEstimate(unit, amount, input.hoursPerWeek);
  const setting = await ctx.db
    .selectFrom('finance_setting')
    .select('approval_threshold')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const needsApproval =
    Fraction.parse(estimate).sub(Fraction.parse(setting?.approval_threshold ?? '0')).n > 0n;
  const selfApproving = !needsApproval || loaded.reason === 'team_lead';
  const row = await ctx.db
    .insertInto('measure')
    .values({
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
      hours_per_week: unit === 'hour' ? input.hoursPerWeek : null,
      help_plan_id: input.helpPlanId,
      reasons: input.reasons,
      status: selfApproving ? 'bewilligt' : 'geplant',
      approved_by: selfApproving ? ctx.actor.userId : null,
      approved_at: selfApproving ? new Date() : null,
      created_by: ctx.actor.userId,
    })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'create',
    entityType: 'measure',
    entityId: row.id,
    details: { caseId, status: row.status },
  });
  return row;
}

async function loadMeasureCase(ctx: Ctx, measureId: string) {
  const m = await ctx.db
    .selectFrom('measure')
    .select(['case_id', 'status', 'version', 'begin_on'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', measureId)
    .executeTakeFirst();
  if (!m) throw AppError.notFound('Die Maßnahme');
  return m;
}

export async function approveMeasure(ctx: Ctx, measureId: string, version: number): Promise<void> {
  const m = await loadMeasureCase(ctx, measureId);
  const loaded = await requireCase(ctx, m.case_id, 'write');
  if (loaded.reason !== 'team_lead')
    throw new AppError(
      'forbidden',
      'Maßnahmen über der Betragsgrenze bewilligt die Referatsleitung des Teams.',
    );
  if (m.status === 'bewilligt') throw new AppError('conflict', 'Diese Maßnahme ist bereits bewilligt.');
  const result = await ctx.db
    .updateTable('measure')
    .set({
      status: 'bewilligt',
      approved_by: ctx.actor.userId,
      approved_at: new Date(),
      version: sql`version + 1`,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', measureId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw AppError.versionConflict();
  await ctx.audit({
    action: 'approve',
    entityType: 'measure',
    entityId: measureId,
    details: { caseId: m.case_id },
  });
}

export async function endMeasure(
  ctx: Ctx,
  measureId: string,
  input: { endOn: string; endReason: string; version: number },
): Promise<void> {
  const m = await loadMeasureCase(ctx, measureId);
  await requireCase(ctx, m.case_id, 'write');
  if (input.endOn < m.begin_on)
    throw AppError.validation('endOn', 'Das Ende kann nicht vor dem Beginn liegen.');
  const result = await ctx.db
    .updateTable('measure')
    .set({ end_on: input.endOn, end_reason: input.endReason, version: sql`version + 1` })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', measureId)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw AppError.versionConflict();
  await ctx.audit({
    action: 'update',
    entityType: 'measure',
    entityId: measureId,
    details: { fields: ['endOn', 'endReason'] },
  });
}

/** Measures with what a list shows; the caller has checked access (case) or role (finance, approvals). */
export function selectMeasures(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('measure as m')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
    )
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .leftJoin('service_offer as o', (j) =>
      j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.offer_id'),
    )
    .leftJoin('provider as pr', (j) =>
      j.onRef('pr.tenant_id', '=', 'o.tenant_id').onRef('pr.id', '=', 'o.provider_id'),
    )
    .leftJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 'm.tenant_id').onRef('a.id', '=', 'm.approved_by'),
    )
    .select([
      'm.id',
      'm.case_id',
      'c.case_number',
      'c.team_id',
      'm.person_id',
      'p.first_name',
      'p.last_name',
      'h.id as help_type_id',
      'h.name as help_type_name',
      'h.paragraph',
      'pr.name as provider_name',
      'o.name as offer_name',
      'o.unit as offer_unit',
      'm.individual_amount',
      'm.individual_unit',
      'm.category',
      'm.begin_on',
      'm.planned_end_on',
      'm.end_on',
      'm.end_reason',
      'm.hours_per_week',
      'm.status',
      'm.approved_at',
      'a.display_name as approved_by_name',
      'm.version',
      sql<
        string | null
      >`coalesce(m.individual_amount, (select r.amount from rate r where r.tenant_id = m.tenant_id
        and r.offer_id = m.offer_id and r.valid_from <= greatest(m.begin_on, ${todayIso()}::date)
        order by r.valid_from desc limit 1))`.as('current_rate'),
    ])
    .where('m.tenant_id', '=', tenantId);
}
export type MeasureRow = Awaited<ReturnType<ReturnType<typeof selectMeasures>['execute']>>[number];

export function presentMeasure(r: MeasureRow): Measure {
  const unit = (r.individual_unit ?? r.offer_unit ?? 'day') as RateUnit;
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    personId: r.person_id,
    personName: `${r.first_name} ${r.last_name}`,
    helpType: { id: r.help_type_id, name: r.help_type_name, paragraph: r.paragraph },
    provider: r.provider_name,
    offer: r.offer_name,
    unit,
    rate: r.current_rate,
    category: r.category as Measure['category'],
    beginOn: r.begin_on,
    plannedEndOn: r.planned_end_on,
    endOn: r.end_on,
    endReason: r.end_reason as Measure['endReason'],
    hoursPerWeek: r.hours_per_week,
    status: r.status,
    monthlyEstimate: r.current_rate ? monthlyEstimate(unit, r.current_rate, r.hours_per_week) : '0.00',
    approvedBy: r.approved_by_name,
    approvedAt: r.approved_at ? r.approved_at.toISOString() : null,
    version: r.version,
  };
}

export async function listCaseMeasures(ctx: Ctx, caseId: string): Promise<Measure[]> {
  await requireCase(ctx, caseId, 'read');
  const rows = await selectMeasures(ctx.db, ctx.actor.tenantId)
    .where('m.case_id', '=', caseId)
    .orderBy('m.begin_on')
    .execute();
  await ctx.audit({ action: 'read', entityType: 'measure_list', entityId: caseId });
  return rows.map(presentMeasure);
}

/** Planned measures awaiting the team lead's approval (their team), oldest first. */
export async function pendingApprovals(ctx: Ctx): Promise<Measure[]> {
  if (!ctx.actor.roles.includes('team_lead') || !ctx.actor.teamId) return [];
  const rows = await selectMeasures(ctx.db, ctx.actor.tenantId)
    .where('m.status', '=', 'geplant')
    .where('c.team_id', '=', ctx.actor.teamId)
    .orderBy('m.created_at')
    .execute();
  await ctx.audit({
    action: 'read',
    entityType: 'measure_list',
    details: { purpose: 'approvals', count: rows.length },
  });
  return rows.map(presentMeasure);
}
