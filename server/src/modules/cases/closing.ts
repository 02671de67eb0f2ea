import type {
  CloseCaseInput,
  ConsentInput,
  FamilyConferenceInput,
  ReopenCaseInput,
} from '@leuchtturm/shared';
import { todayIso } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { mayReopenCase } from '../access/policy.ts';
import { forbiddenOnCase } from '../access/refusals.ts';
import { requireContentEditable } from '../confided/service.ts';
import { decideMeasuresOnClosing } from '../measures/closing.ts';
import { completeProcessSteps, endProcessesOfClosedCase } from '../processes/completion.ts';
import { bumpCaseVersion, requireCase } from './access.ts';
import {
  closeCaseFile,
  findFamilyConference,
  insertConsent,
  insertFamilyConference,
  isHouseholdMember,
  reopenCaseFile,
  revokeConsentOn,
  updateFamilyConference,
} from './queries/closing.ts';

/** Familienrat, Schweigepflichtentbindungen and closing a case. */

/**
 * The Familienrat record exists from its first save on; version 0 means "there was none when I loaded the case".
 * Both saves are conditional writes, so nothing is read first and nothing is locked: the first save inserts and
 * the primary key refuses a second first save (409, also when two arrive at once); later saves update only the
 * version the client saw, and expectOneUpdated tells a stale version (409) from a record that is not there (404).
 */
export async function saveFamilyConference(
  ctx: Ctx,
  caseId: string,
  input: FamilyConferenceInput,
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  // § 65: who sees the placeholder may not save the record (it would write the placeholder back).
  await requireContentEditable(ctx, caseId, 'family_conference', caseId);
  const tenantId = ctx.actor.tenantId;
  if (input.followUpOn && input.heldOn && input.followUpOn <= input.heldOn) {
    throw AppError.validation(
      'followUpOn',
      'Der Folgerat liegt nach dem Familienrat (in der Regel etwa drei Monate).',
    );
  }
  const { version, ...form } = input;
  const fields = { ...form, updatedBy: ctx.actor.userId };
  if (version === 0) {
    if (!(await insertFamilyConference(ctx.db, tenantId, caseId, fields))) throw AppError.versionConflict();
  } else {
    await expectOneUpdated(
      await updateFamilyConference(ctx.db, tenantId, caseId, fields, version),
      () => findFamilyConference(ctx.db, tenantId, caseId),
      'Der Familienrat',
    );
  }
  await ctx.audit({
    action: version === 0 ? 'create' : 'update',
    entityType: 'family_conference',
    entityId: caseId,
    details: { phase: input.phase },
  });
}

export async function addConsent(ctx: Ctx, caseId: string, input: ConsentInput): Promise<string> {
  const loaded = await requireCase(ctx, caseId, 'write');
  if (!(await isHouseholdMember(ctx.db, ctx.actor.tenantId, loaded.household_id, input.personId)))
    throw AppError.validation('personId', 'Die Person gehört nicht zur Familie dieses Falls.');
  const id = await insertConsent(ctx.db, ctx.actor.tenantId, caseId, input);
  await ctx.audit({ action: 'create', entityType: 'consent', entityId: id, details: { caseId } });
  return id;
}

export async function revokeConsent(ctx: Ctx, caseId: string, consentId: string): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  if (!(await revokeConsentOn(ctx.db, ctx.actor.tenantId, caseId, consentId, todayIso())))
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
  // Its help ends or is withdrawn in the same step (and transaction), or the case is not closed.
  await decideMeasuresOnClosing(ctx, caseId, input.closedOn, input.measures ?? []);
  // Closing completes its step (counselling: "Abschluss"); whatever still runs ends, so nothing of it stays due.
  await completeProcessSteps(ctx, caseId, 'case_closing', caseId);
  await endProcessesOfClosedCase(ctx, caseId);
  await closeCaseFile(ctx.db, ctx.actor.tenantId, caseId, input);
  await ctx.audit({
    action: 'update',
    entityType: 'case',
    entityId: caseId,
    details: { fields: ['status'], reason: input.reason },
  });
}

/**
 * Wiederaufnahme (docs/domain.md): the team lead or the lead case manager takes a closed case up again, with a
 * reason. The case goes back to "offen" and keeps everything it had; the closing it undoes stays with the reopening.
 */
export async function reopenCase(ctx: Ctx, caseId: string, input: ReopenCaseInput): Promise<string> {
  const loaded = await requireCase(ctx, caseId, 'read');
  if (!mayReopenCase(loaded.reason)) {
    throw forbiddenOnCase(
      caseId,
      'reopen',
      'Einen abgeschlossenen Fall nehmen nur die Referatsleitung des Teams oder die fallführende Fachkraft wieder auf.',
    );
  }
  if (loaded.status !== 'abgeschlossen') {
    throw new AppError(
      'conflict',
      'Der Fall ist nicht abgeschlossen; nur ein abgeschlossener Fall wird wieder aufgenommen.',
    );
  }
  await bumpCaseVersion(ctx, caseId, input.version);
  const id = await reopenCaseFile(ctx.db, ctx.actor.tenantId, caseId, {
    reopenedOn: todayIso(),
    reason: input.reason,
    reopenedBy: ctx.actor.userId,
  });
  // The reason is the office's own words about the family: it stays in the case, not in the trail.
  await ctx.audit({ action: 'create', entityType: 'case_reopening', entityId: id, details: { caseId } });
  await ctx.audit({
    action: 'update',
    entityType: 'case',
    entityId: caseId,
    details: { fields: ['status'], reopening: id },
  });
  return id;
}
