import type { MandateInput, RiskConsultationInput } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { requireCase } from './access.ts';

/** Falleinordnung (in a Kurzberatung zur Risikoeinschätzung) and the Aufträge and Auflagen that follow from it. */

export async function currentArea(db: Kysely<DB>, tenantId: string, caseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('risk_consultation')
    .select('area')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.area ?? null;
}

export async function addRiskConsultation(
  ctx: Ctx,
  caseId: string,
  input: RiskConsultationInput,
): Promise<string> {
  const loaded = await requireCase(ctx, caseId, 'write');
  if (input.heldOn < loaded.opened_on)
    throw AppError.validation('heldOn', 'Die Kurzberatung kann nicht vor dem Falleingang liegen.');
  const participants = [...new Set(input.participantIds)];
  const staff = await ctx.db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', 'in', participants)
    .execute();
  if (staff.length !== participants.length || participants.length < 2) {
    throw AppError.validation(
      'participantIds',
      'Eine Kurzberatung braucht mindestens zwei Fachkräfte aus dem Personalverzeichnis.',
    );
  }
  const row = await ctx.db
    .insertInto('risk_consultation')
    .values({
      tenant_id: ctx.actor.tenantId,
      case_id: caseId,
      held_on: input.heldOn,
      participant_ids: participants,
      facts: input.facts,
      area: input.area,
      next_steps: input.nextSteps,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'create',
    entityType: 'risk_consultation',
    entityId: row.id,
    details: { caseId, area: input.area },
  });
  return row.id;
}

/**
 * An Auftrag exists only in the grey or danger area, an Auflage only in the danger area: the area at the time
 * the mandate is given, i.e. the current classification.
 */
export async function addMandate(ctx: Ctx, caseId: string, input: MandateInput): Promise<string> {
  await requireCase(ctx, caseId, 'write');
  const area = await currentArea(ctx.db, ctx.actor.tenantId, caseId);
  if (input.kind === 'auflage' && area !== 'gefaehrdung') {
    throw AppError.validation('kind', 'Auflagen gibt es nur für Fälle im Gefährdungsbereich.');
  }
  if (input.kind === 'auftrag' && area !== 'grau' && area !== 'gefaehrdung') {
    throw AppError.validation(
      'kind',
      'Aufträge gibt es nur für Fälle im Grau- oder Gefährdungsbereich. Im Leistungsbereich führen Wille und Ziele der Familie.',
    );
  }
  const row = await ctx.db
    .insertInto('mandate')
    .values({
      tenant_id: ctx.actor.tenantId,
      case_id: caseId,
      kind: input.kind,
      text: input.text,
      addressee: input.addressee,
      due_on: input.dueOn,
      check_method: input.checkMethod,
      consequence: input.consequence,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'create',
    entityType: 'mandate',
    entityId: row.id,
    details: { caseId, kind: input.kind },
  });
  return row.id;
}

export async function setMandateResult(
  ctx: Ctx,
  caseId: string,
  mandateId: string,
  input: { result: string; consequence: string | null; version: number },
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  const result = await ctx.db
    .updateTable('mandate')
    .set({ result: input.result, consequence: input.consequence, version: sql`version + 1` })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', mandateId)
    .where('version', '=', input.version)
    .executeTakeFirst();
  const exists = () =>
    ctx.db
      .selectFrom('mandate')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('case_id', '=', caseId)
      .where('id', '=', mandateId)
      .executeTakeFirst();
  await expectOneUpdated(result, exists, 'Der Auftrag');
  await ctx.audit({
    action: 'update',
    entityType: 'mandate',
    entityId: mandateId,
    details: { caseId, fields: ['result', 'consequence'] },
  });
}
