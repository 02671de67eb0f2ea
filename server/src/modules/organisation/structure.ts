import type { DistrictInput, SocialCentreInput, TeamInput } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { checkTeamLeadFourEyes } from './fourEyes.ts';
import {
  type CodedTable,
  deleteStructureRow,
  findActiveUserRoles,
  findOrganisationRow,
  findTeamLead,
  insertCoded,
  insertTeam,
  type StructureTable,
  updateCodedRow,
  updateTeamRow,
} from './queries/structure.ts';

/** Changes to the organisation's structure: Sozialzentren, Stadtteile, Stadtteilteams. Admins only (route). */

const exists = (ctx: Ctx, table: StructureTable, id: string) => () =>
  findOrganisationRow(ctx.db, table, ctx.actor.tenantId, id);

const labels: Record<CodedTable, string> = { social_centre: 'Das Sozialzentrum', district: 'Der Stadtteil' };

/** Sozialzentren and Stadtteile are both a name and a code. */
export async function createCoded(ctx: Ctx, table: CodedTable, input: SocialCentreInput | DistrictInput) {
  const row = await insertCoded(ctx.db, table, {
    tenant_id: ctx.actor.tenantId,
    name: input.name,
    code: input.code,
  });
  await ctx.audit({ action: 'create', entityType: table, entityId: row.id });
  return row.id;
}

export async function updateCoded(
  ctx: Ctx,
  table: CodedTable,
  id: string,
  version: number,
  input: SocialCentreInput | DistrictInput,
) {
  const result = await updateCodedRow(ctx.db, table, ctx.actor.tenantId, id, version, {
    name: input.name,
    code: input.code,
  });
  await expectOneUpdated(result, exists(ctx, table, id), labels[table]);
  await ctx.audit({
    action: 'update',
    entityType: table,
    entityId: id,
    details: { fields: ['name', 'code'] },
  });
}

async function checkTeamReferences(ctx: Ctx, input: TeamInput) {
  if (!(await exists(ctx, 'social_centre', input.socialCentreId)())) {
    throw AppError.validation('socialCentreId', 'Dieses Sozialzentrum gibt es nicht.');
  }
  if (input.leadUserId) {
    const lead = await findActiveUserRoles(ctx.db, ctx.actor.tenantId, input.leadUserId);
    if (!lead?.roles.includes('team_lead')) {
      throw AppError.validation(
        'leadUserId',
        'Die Teamleitung muss ein aktives Konto mit der Rolle Referatsleitung sein.',
      );
    }
  }
}

export async function createTeam(ctx: Ctx, input: TeamInput) {
  checkTeamLeadFourEyes(ctx, input.leadUserId, null);
  await checkTeamReferences(ctx, input);
  const row = await insertTeam(ctx.db, {
    tenant_id: ctx.actor.tenantId,
    name: input.name,
    social_centre_id: input.socialCentreId,
    lead_user_id: input.leadUserId,
  });
  await ctx.audit({ action: 'create', entityType: 'team', entityId: row.id });
  return row.id;
}

export async function updateTeam(ctx: Ctx, id: string, version: number, input: TeamInput) {
  const current = await findTeamLead(ctx.db, ctx.actor.tenantId, id);
  checkTeamLeadFourEyes(ctx, input.leadUserId, current?.lead_user_id ?? null);
  await checkTeamReferences(ctx, input);
  const result = await updateTeamRow(ctx.db, ctx.actor.tenantId, id, version, {
    name: input.name,
    social_centre_id: input.socialCentreId,
    lead_user_id: input.leadUserId,
  });
  await expectOneUpdated(result, exists(ctx, 'team', id), 'Das Team');
  await ctx.audit({
    action: 'update',
    entityType: 'team',
    entityId: id,
    details: { fields: ['name', 'socialCentreId', 'leadUserId'] },
  });
}

/** Removing structure that is still in use is refused by the foreign keys (answered as a conflict). */
export async function deleteStructure(ctx: Ctx, table: StructureTable, id: string) {
  const result = await deleteStructureRow(ctx.db, table, ctx.actor.tenantId, id);
  if (result.numDeletedRows === 0n) throw AppError.notFound('Der Eintrag');
  await ctx.audit({ action: 'delete', entityType: table, entityId: id });
}
