import type { MoveCaseInput, TransferCaseInput } from '@leuchtturm/shared';
import { todayIso } from '@leuchtturm/shared';
import { actorToday } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { mayChooseReceivingTeam, mayHandOverCase } from '../access/policy.ts';
import { forbiddenOnCase } from '../access/refusals.ts';
import { resolveAddress } from '../persons/service.ts';
import { bumpCaseVersion, requireCase } from './access.ts';
import { closeCase } from './closing.ts';
import {
  deleteCaseGrants,
  findTeam,
  insertTeamChange,
  insertTransfer,
  moveHousehold,
  setCaseTeam,
} from './queries/handovers.ts';
import { insertAccessGrant } from './queries/intake.ts';
import { findStaffMember } from './queries/staff.ts';

/**
 * Handovers beyond the team (docs/handovers.md). A move keeps the case with everything it has and gives it to the
 * team responsible for the family's new address (or the team a team lead names); the former team keeps no access
 * unless a grant with an end is given in the same step. A handover to another Jugendamt (§ 86c SGB VIII) closes the
 * case here with its transfer record.
 */

const refusal =
  'Einen Fall geben nur die Referatsleitung des Teams oder die fallführende Fachkraft ab (Umzug oder Abgabe).';

export async function moveCase(ctx: Ctx, caseId: string, input: MoveCaseInput): Promise<string> {
  const tenantId = ctx.actor.tenantId;
  const loaded = await requireCase(ctx, caseId, 'write');
  if (!mayHandOverCase(loaded.reason)) throw forbiddenOnCase(caseId, 'move', refusal);
  if (input.teamId && !mayChooseReceivingTeam(loaded.reason)) {
    throw forbiddenOnCase(
      caseId,
      'move',
      'Das übernehmende Team wählt nur die Referatsleitung; sonst bestimmt es die neue Anschrift.',
    );
  }
  // Input first, nothing written until everything is known to be right.
  const place = input.address ? await resolveAddress(ctx, input.address) : undefined;
  let toTeamId: string;
  if (input.teamId) {
    if (!(await findTeam(ctx.db, tenantId, input.teamId)))
      throw AppError.validation('teamId', 'Dieses Team gibt es nicht.');
    toTeamId = input.teamId;
  } else if (place?.team_id) {
    toTeamId = place.team_id;
  } else {
    throw AppError.validation(
      'address',
      'Für die neue Anschrift ist kein Team zuständig. Die Referatsleitung kann das übernehmende Team wählen.',
    );
  }
  if (toTeamId === loaded.team_id) {
    throw AppError.validation(
      input.teamId ? 'teamId' : 'address',
      'Der Fall ist bereits bei diesem Team; ein Umzug in ein anderes Team ist nicht nötig.',
    );
  }
  const grant = input.grant ?? null;
  if (grant) {
    const user = await findStaffMember(ctx.db, tenantId, grant.userId);
    if (!user?.active)
      throw AppError.validation('grant.userId', 'Dieses Konto gibt es nicht oder es ist nicht aktiv.');
    if (grant.validUntil < actorToday(ctx.actor))
      throw AppError.validation('grant.validUntil', 'Das Ende des Zugriffs liegt in der Vergangenheit.');
  }
  await bumpCaseVersion(ctx, caseId, input.version);
  if (place) await moveHousehold(ctx.db, tenantId, loaded.household_id, place);
  await setCaseTeam(ctx.db, tenantId, caseId, toTeamId, place ? place.district_id : undefined);
  const removedGrants = await deleteCaseGrants(ctx.db, tenantId, caseId);
  if (grant) {
    await insertAccessGrant(ctx.db, tenantId, {
      caseId,
      userId: grant.userId,
      grantedBy: ctx.actor.userId,
      validUntil: grant.validUntil,
    });
  }
  const id = await insertTeamChange(ctx.db, tenantId, {
    caseId,
    fromTeamId: loaded.team_id,
    toTeamId,
    fromLeadUserId: loaded.lead_user_id,
    addressChanged: place !== undefined,
    reason: input.reason,
    grantUserId: grant?.userId ?? null,
    grantValidUntil: grant?.validUntil ?? null,
    movedBy: ctx.actor.userId,
  });
  // Ids only: the address and the reason are the family's data and stay in the case.
  await ctx.audit({
    action: 'create',
    entityType: 'case_team_change',
    entityId: id,
    details: { caseId, fromTeamId: loaded.team_id, toTeamId, removedGrants },
  });
  await ctx.audit({
    action: 'update',
    entityType: 'case',
    entityId: caseId,
    details: { fields: ['teamId', 'leadUserId', ...(place ? ['districtId'] : [])], teamChange: id },
  });
  if (place) {
    await ctx.audit({
      action: 'update',
      entityType: 'household',
      entityId: loaded.household_id,
      details: { fields: ['address'], teamChange: id },
    });
  }
  if (grant) {
    await ctx.audit({
      action: 'grant',
      entityType: 'case_access',
      entityId: caseId,
      details: { userId: grant.userId, validUntil: grant.validUntil },
    });
  }
  return id;
}

/**
 * Abgabe an ein anderes Jugendamt (§ 86c SGB VIII): the case is closed here by the closing rule (every running or
 * planned help decided, in the same transaction) with the reason "Zuständigkeitswechsel", and the transfer record
 * names the receiving office, the day and the reason. The handover package is produced afterwards
 * (documents/handoverPackage.ts), for the receiving office.
 */
export async function transferCase(ctx: Ctx, caseId: string, input: TransferCaseInput): Promise<string> {
  const loaded = await requireCase(ctx, caseId, 'write');
  if (!mayHandOverCase(loaded.reason)) throw forbiddenOnCase(caseId, 'transfer', refusal);
  if (input.transferredOn > todayIso())
    throw AppError.validation('transferredOn', 'Die Abgabe kann nicht in der Zukunft liegen.');
  if (input.transferredOn < loaded.opened_on)
    throw AppError.validation('transferredOn', 'Die Abgabe kann nicht vor dem Falleingang liegen.');
  await closeCase(ctx, caseId, {
    closedOn: input.transferredOn,
    reason: 'zustaendigkeitswechsel',
    outcome: input.outcome,
    tip: null,
    measures: input.measures,
    version: input.version,
  });
  const id = await insertTransfer(ctx.db, ctx.actor.tenantId, {
    caseId,
    receivingOffice: input.receivingOffice,
    transferredOn: input.transferredOn,
    reason: input.reason,
    transferredBy: ctx.actor.userId,
  });
  await ctx.audit({ action: 'create', entityType: 'case_transfer', entityId: id, details: { caseId } });
  return id;
}
