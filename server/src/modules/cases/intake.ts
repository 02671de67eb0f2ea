import type { IntakeInput, LeadInput } from '@leuchtturm/shared';
import { actorToday } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { intakeAccess, mayAllocateLead, mayGrantCaseAccess } from '../access/policy.ts';
import { forbiddenOnCase } from '../access/refusals.ts';
import { beginProcess } from '../processes/instances.ts';
import { bumpCaseVersion, requireCase, requireHousehold } from './access.ts';
import {
  deleteAccessGrant,
  findHouseholdPlacement,
  insertAccessGrant,
  insertCaseFile,
  insertLeadChange,
  setCaseLead,
  takeCaseNumber,
} from './queries/intake.ts';
import { findStaffMember } from './queries/staff.ts';

/**
 * Falleingang. The case takes its team from the household's address; the intake case manager leads it when she
 * belongs to that team, otherwise the team lead allocates it (lead stays empty until then). When no team is
 * responsible for the address, or the family has no fixed address, the case has no team yet and waits on the
 * team leads' allocation list (allocation.ts); whoever took it keeps a grant. The counselling process starts with it.
 */
export async function openCase(ctx: Ctx, input: IntakeInput): Promise<{ id: string; caseNumber: string }> {
  const tenantId = ctx.actor.tenantId;
  await requireHousehold(ctx, input.householdId);
  const household = await findHouseholdPlacement(ctx.db, tenantId, input.householdId);
  const access = intakeAccess(ctx.actor, household.team_id);
  // Case numbers run per year: 2026-00042 (the counter's row lock makes them gap-free under concurrency).
  const year = Number(input.openedOn.slice(0, 4));
  const caseNumber = `${year}-${String(await takeCaseNumber(ctx.db, tenantId, year)).padStart(5, '0')}`;
  const id = await insertCaseFile(ctx.db, tenantId, {
    caseNumber,
    intake: input,
    householdId: household.id,
    teamId: household.team_id,
    districtId: household.district_id,
    leadUserId: access.leadUserId,
    createdBy: ctx.actor.userId,
  });
  if (access.grantToTaker && ctx.actor.userId) {
    await insertAccessGrant(ctx.db, tenantId, {
      caseId: id,
      userId: ctx.actor.userId,
      grantedBy: ctx.actor.userId,
    });
  }
  await ctx.audit({
    action: 'create',
    entityType: 'case',
    entityId: id,
    ...(household.team_id === null ? { details: { allocation: 'pending' } } : {}),
  });
  // Every case begins as counselling (docs/processes.md): Falleingang, Wille und Ziele, talks, end or application.
  await beginProcess(ctx, id, { definitionKey: 'beratung', urgency: null });
  return { id, caseNumber };
}

/**
 * The team lead allocates the case to a case manager of the team. Each change is kept for the Verlauf, with an
 * optional Übergabenotiz: what the colleague who takes over should know.
 */
export async function allocateLead(ctx: Ctx, caseId: string, input: LeadInput): Promise<void> {
  const { leadUserId, version } = input;
  const loaded = await requireCase(ctx, caseId, 'write');
  if (!mayAllocateLead(loaded.reason)) {
    throw forbiddenOnCase(
      caseId,
      'allocate_lead',
      'Nur die Referatsleitung des Teams kann die Fallführung zuteilen.',
    );
  }
  const user = await findStaffMember(ctx.db, ctx.actor.tenantId, leadUserId);
  if (!user?.active || user.team_id !== loaded.team_id || !user.roles.includes('case_manager')) {
    throw AppError.validation('leadUserId', 'Die Fallführung übernimmt eine aktive Fachkraft des Teams.');
  }
  await bumpCaseVersion(ctx, caseId, version);
  await setCaseLead(ctx.db, ctx.actor.tenantId, caseId, leadUserId);
  const changeId = await insertLeadChange(ctx.db, ctx.actor.tenantId, {
    caseId,
    fromUserId: loaded.lead_user_id,
    toUserId: leadUserId,
    note: input.handoverNote || null,
    changedBy: ctx.actor.userId,
  });
  await ctx.audit({
    action: 'update',
    entityType: 'case',
    entityId: caseId,
    details: { fields: ['leadUserId'] },
  });
  await ctx.audit({
    action: 'create',
    entityType: 'case_lead_change',
    entityId: changeId,
    details: { caseId, handoverNote: Boolean(input.handoverNote) },
  });
}

/** The team lead grants a colleague access to a case (e.g. for a joint home visit); revoking removes it. */
export async function setAccessGrant(
  ctx: Ctx,
  caseId: string,
  userId: string,
  granted: boolean,
  validUntil: string | null = null,
): Promise<void> {
  const loaded = await requireCase(ctx, caseId, 'read');
  if (!mayGrantCaseAccess(loaded.reason)) {
    throw forbiddenOnCase(
      caseId,
      'grant_access',
      'Nur die Referatsleitung des Teams kann Zugriff auf einen Fall gewähren.',
    );
  }
  const tenantId = ctx.actor.tenantId;
  if (granted) {
    const user = await findStaffMember(ctx.db, tenantId, userId);
    if (!user?.active)
      throw AppError.validation('userId', 'Dieses Konto gibt es nicht oder es ist nicht aktiv.');
    if (validUntil !== null && validUntil < actorToday(ctx.actor)) {
      throw AppError.validation('validUntil', 'Das Ende des Zugriffs liegt in der Vergangenheit.');
    }
    await insertAccessGrant(ctx.db, tenantId, { caseId, userId, grantedBy: ctx.actor.userId, validUntil });
  } else {
    await deleteAccessGrant(ctx.db, tenantId, caseId, userId);
  }
  await ctx.audit({
    action: granted ? 'grant' : 'revoke',
    entityType: 'case_access',
    entityId: caseId,
    details: granted ? { userId, validUntil } : { userId },
  });
}
