import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from '../cases/access.ts';
import { insertReferral, insertReview, upsertParticipants } from './queries/activity.ts';
import { projectDistricts } from './queries/projects.ts';
import { requireDistrictManager, requireProject } from './service.ts';

/** What happens in a project: referrals (Zugänge), participants per quarter, quality reviews. */

async function requireManagedProject(ctx: Ctx, projectId: string) {
  await requireProject(ctx, projectId);
  const districts = (await projectDistricts(ctx.db, ctx.actor.tenantId, [projectId])).map((d) => d.id);
  await requireDistrictManager(ctx, projectId, districts, 'some');
  return districts;
}

/**
 * A referral into the project: through case management (optionally linked to the case, which the actor must be
 * allowed to open) or through other actors (an institution, named without persons).
 */
export async function recordReferral(
  ctx: Ctx,
  projectId: string,
  input: {
    referredOn: string;
    districtId: string;
    route: 'case_management' | 'andere';
    caseId: string | null;
    actor: string;
  },
): Promise<{ id: string }> {
  const districts = await requireManagedProject(ctx, projectId);
  if (!districts.includes(input.districtId))
    throw AppError.validation('districtId', 'Der Stadtteil gehört nicht zum Projekt.');
  if (input.route === 'andere' && input.caseId !== null)
    throw AppError.validation(
      'caseId',
      'Nur ein Zugang über das Case Management ist mit einem Fall verbunden.',
    );
  if (input.route === 'andere' && input.actor === '')
    throw AppError.validation('actor', 'Bitte angeben, über wen der Zugang kam.');
  if (input.caseId !== null) await requireCase(ctx, input.caseId, 'read');
  const id = await insertReferral(ctx.db, ctx.actor.tenantId, { projectId, ...input });
  await ctx.audit({
    action: 'create',
    entityType: 'micro_project_referral',
    entityId: id,
    details: { projectId, route: input.route, ...(input.caseId ? { caseId: input.caseId } : {}) },
  });
  return { id };
}

export async function recordParticipants(
  ctx: Ctx,
  projectId: string,
  input: { quarter: string; participants: number },
) {
  await requireManagedProject(ctx, projectId);
  await upsertParticipants(ctx.db, ctx.actor.tenantId, { projectId, ...input });
  await ctx.audit({
    action: 'update',
    entityType: 'micro_project',
    entityId: projectId,
    details: { fields: ['participants'], quarter: input.quarter },
  });
}

export async function recordReview(
  ctx: Ctx,
  projectId: string,
  input: { kind: string; heldOn: string; summary: string },
): Promise<{ id: string }> {
  await requireManagedProject(ctx, projectId);
  const id = await insertReview(ctx.db, ctx.actor.tenantId, { projectId, ...input });
  await ctx.audit({
    action: 'update',
    entityType: 'micro_project',
    entityId: projectId,
    details: { fields: ['reviews'], reviewId: id },
  });
  return { id };
}
