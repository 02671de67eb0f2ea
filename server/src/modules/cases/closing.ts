import type { CloseCaseInput, ConsentInput, FamilyConferenceInput } from '@leuchtturm/shared';
import { todayIso } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { bumpCaseVersion, requireCase } from './access.ts';

/** Familienrat, Schweigepflichtentbindungen and closing a case. */

export async function saveFamilyConference(
  ctx: Ctx,
  caseId: string,
  input: FamilyConferenceInput,
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const current = await ctx.db
    .selectFrom('family_conference')
    .select('version')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if ((current?.version ?? 0) !== input.version) throw AppError.versionConflict();
  if (input.followUpOn && input.heldOn && input.followUpOn <= input.heldOn) {
    throw AppError.validation(
      'followUpOn',
      'Der Folgerat liegt nach dem Familienrat (in der Regel etwa drei Monate).',
    );
  }
  const { version, ...fields } = input;
  const values = {
    concern: fields.concern,
    coordinator: fields.coordinator,
    participants: fields.participants,
    place: fields.place,
    held_on: fields.heldOn,
    phase: fields.phase,
    family_plan: fields.familyPlan,
    office_decision: fields.officeDecision,
    follow_up_on: fields.followUpOn,
  };
  if (current) {
    await ctx.db
      .updateTable('family_conference')
      .set({ ...values, version: version + 1 })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .execute();
  } else {
    await ctx.db
      .insertInto('family_conference')
      .values({ tenant_id: tenantId, case_id: caseId, ...values })
      .execute();
  }
  await ctx.audit({
    action: current ? 'update' : 'create',
    entityType: 'family_conference',
    entityId: caseId,
    details: { phase: input.phase },
  });
}

export async function addConsent(ctx: Ctx, caseId: string, input: ConsentInput): Promise<string> {
  const loaded = await requireCase(ctx, caseId, 'write');
  const member = await ctx.db
    .selectFrom('household_member')
    .select('person_id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('household_id', '=', loaded.household_id)
    .where('person_id', '=', input.personId)
    .executeTakeFirst();
  if (!member) throw AppError.validation('personId', 'Die Person gehört nicht zur Familie dieses Falls.');
  const row = await ctx.db
    .insertInto('consent')
    .values({
      tenant_id: ctx.actor.tenantId,
      case_id: caseId,
      person_id: input.personId,
      recipient: input.recipient,
      purpose: input.purpose,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'create', entityType: 'consent', entityId: row.id, details: { caseId } });
  return row.id;
}

export async function revokeConsent(ctx: Ctx, caseId: string, consentId: string): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  const result = await ctx.db
    .updateTable('consent')
    .set({ revoked_on: todayIso() })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', consentId)
    .where('revoked_on', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n)
    throw new AppError(
      'conflict',
      'Diese Schweigepflichtentbindung gibt es nicht oder sie ist bereits widerrufen.',
    );
  await ctx.audit({
    action: 'update',
    entityType: 'consent',
    entityId: consentId,
    details: { caseId, fields: ['revokedOn'] },
  });
}

export async function closeCase(ctx: Ctx, caseId: string, input: CloseCaseInput): Promise<void> {
  const loaded = await requireCase(ctx, caseId, 'write');
  if (input.closedOn < loaded.opened_on)
    throw AppError.validation('closedOn', 'Der Abschluss kann nicht vor dem Falleingang liegen.');
  if (input.closedOn > todayIso())
    throw AppError.validation('closedOn', 'Ein Fall kann nicht in der Zukunft abgeschlossen werden.');
  await bumpCaseVersion(ctx, caseId, input.version);
  await ctx.db
    .updateTable('case_file')
    .set({
      status: 'abgeschlossen',
      closed_on: input.closedOn,
      closing_reason: input.reason,
      closing_outcome: input.outcome,
      closing_tip: input.tip,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', caseId)
    .execute();
  await ctx.audit({
    action: 'update',
    entityType: 'case',
    entityId: caseId,
    details: { fields: ['status'], reason: input.reason },
  });
}
