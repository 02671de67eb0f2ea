import type { StaffCreate, StaffInput } from '@leuchtturm/shared';
import { sql } from 'kysely';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { hashPassword } from '../auth/passwords.ts';
import { checkStaffFourEyes } from './fourEyes.ts';

/** Staff accounts, team membership, deputies (Vertretungen) and subject-matter expertise. */

async function checkStaffReferences(ctx: Ctx, input: StaffInput, selfId?: string) {
  const tenantId = ctx.actor.tenantId;
  if (input.teamId) {
    const team = await ctx.db
      .selectFrom('team')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', input.teamId)
      .executeTakeFirst();
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
    const found = await ctx.db
      .selectFrom('app_user')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', input.deputyIds)
      .where('active', '=', true)
      .execute();
    if (found.length !== new Set(input.deputyIds).size) {
      throw AppError.validation('deputyIds', 'Eine der Vertretungen gibt es nicht oder sie ist nicht aktiv.');
    }
  }
}

async function replaceDeputies(ctx: Ctx, userId: string, deputyIds: string[]) {
  const tenantId = ctx.actor.tenantId;
  await ctx.db.deleteFrom('deputy').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  const unique = [...new Set(deputyIds)];
  if (unique.length > 0) {
    await ctx.db
      .insertInto('deputy')
      .values(unique.map((d) => ({ tenant_id: tenantId, user_id: userId, deputy_user_id: d })))
      .execute();
  }
}

export async function createStaff(ctx: Ctx, input: StaffCreate) {
  await checkStaffReferences(ctx, input);
  await checkStaffFourEyes(ctx, null, input);
  const row = await ctx.db
    .insertInto('app_user')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceDeputies(ctx, row.id, input.deputyIds);
  await ctx.audit({
    action: 'create',
    entityType: 'user',
    entityId: row.id,
    details: { roles: input.roles },
  });
  return row.id;
}

export async function updateStaff(ctx: Ctx, id: string, version: number, input: StaffInput) {
  await checkStaffReferences(ctx, input, id);
  const tenantId = ctx.actor.tenantId;
  if (ctx.actor.userId === id && !input.roles.includes('admin')) {
    throw AppError.validation('roles', 'Sie können sich die Rolle Administration nicht selbst entziehen.');
  }
  await checkStaffFourEyes(ctx, id, input);
  const result = await ctx.db
    .updateTable('app_user')
    .set({
      username: input.username,
      display_name: input.displayName,
      email: input.email,
      roles: input.roles,
      team_id: input.teamId,
      specialisations: input.specialisations,
      fte: input.fte,
      active: input.active,
      version: sql`version + 1`,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  const stillExists = () =>
    ctx.db
      .selectFrom('app_user')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
  await expectOneUpdated(result, stillExists, 'Das Konto');
  await replaceDeputies(ctx, id, input.deputyIds);
  if (!input.active) {
    // A deactivated account loses its sessions at once.
    await ctx.db.deleteFrom('session').where('tenant_id', '=', tenantId).where('user_id', '=', id).execute();
  }
  await ctx.audit({
    action: 'update',
    entityType: 'user',
    entityId: id,
    details: { fields: Object.keys(input).sort(), roles: input.roles, active: input.active },
  });
}
