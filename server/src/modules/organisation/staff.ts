import type { StaffCreate, StaffInput } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { hashPassword } from '../auth/passwords.ts';
import { checkStaffFourEyes } from './fourEyes.ts';
import {
  deleteSessionsOf,
  findAccountId,
  findActiveUserIds,
  insertAccount,
  replaceDeputies,
  updateAccountRow,
} from './queries/staff.ts';
import { findOrganisationRow } from './queries/structure.ts';

/** Staff accounts, team membership, deputies (Vertretungen) and subject-matter expertise. */

async function checkStaffReferences(ctx: Ctx, input: StaffInput, selfId?: string) {
  const tenantId = ctx.actor.tenantId;
  if (input.teamId) {
    const team = await findOrganisationRow(ctx.db, 'team', tenantId, input.teamId);
    if (!team) throw AppError.validation('teamId', 'Dieses Team gibt es nicht.');
  }
  const caseRoles = ['case_manager', 'team_lead', 'clerk'];
  if (!input.teamId && input.roles.some((r) => caseRoles.includes(r))) {
    throw AppError.validation(
      'teamId',
      'Fachkräfte, Referatsleitungen und Verwaltungskräfte gehören zu einem Team.',
    );
  }
  if (selfId && input.deputyIds.includes(selfId)) {
    throw AppError.validation('deputyIds', 'Niemand kann sich selbst vertreten.');
  }
  if (input.deputyIds.length > 0) {
    const found = await findActiveUserIds(ctx.db, tenantId, input.deputyIds);
    if (found.length !== new Set(input.deputyIds).size) {
      throw AppError.validation('deputyIds', 'Eine der Vertretungen gibt es nicht oder sie ist nicht aktiv.');
    }
  }
}

export async function createStaff(ctx: Ctx, input: StaffCreate) {
  // Access first (four eyes, a 403), then the rules (400).
  await checkStaffFourEyes(ctx, null, input);
  await checkStaffReferences(ctx, input);
  const row = await insertAccount(ctx.db, {
    tenant_id: ctx.actor.tenantId,
    username: input.username,
    display_name: input.displayName,
    email: input.email,
    password_hash: await hashPassword(input.password),
    roles: input.roles,
    team_id: input.teamId,
    specialisations: input.specialisations,
    fte: input.fte,
    active: input.active,
  });
  await replaceDeputies(ctx.db, ctx.actor.tenantId, row.id, input.deputyIds);
  await ctx.audit({
    action: 'create',
    entityType: 'user',
    entityId: row.id,
    details: { roles: input.roles },
  });
  return row.id;
}

export async function updateStaff(ctx: Ctx, id: string, version: number, input: StaffInput) {
  // Access first (four eyes, a 403), then the rules (400).
  await checkStaffFourEyes(ctx, id, input);
  await checkStaffReferences(ctx, input, id);
  const tenantId = ctx.actor.tenantId;
  if (ctx.actor.userId === id && !input.roles.includes('admin')) {
    throw AppError.validation('roles', 'Sie können sich die Rolle Administration nicht selbst entziehen.');
  }
  const result = await updateAccountRow(ctx.db, tenantId, id, version, {
    username: input.username,
    display_name: input.displayName,
    email: input.email,
    roles: input.roles,
    team_id: input.teamId,
    specialisations: input.specialisations,
    fte: input.fte,
    active: input.active,
  });
  const stillExists = () => findAccountId(ctx.db, tenantId, id);
  await expectOneUpdated(result, stillExists, 'Das Konto');
  await replaceDeputies(ctx.db, tenantId, id, input.deputyIds);
  if (!input.active) {
    // A deactivated account loses its sessions at once.
    await deleteSessionsOf(ctx.db, tenantId, id);
  }
  await ctx.audit({
    action: 'update',
    entityType: 'user',
    entityId: id,
    details: { fields: Object.keys(input).sort(), roles: input.roles, active: input.active },
  });
}
