import { actorToday } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { mayAllocateCases } from '../access/policy.ts';
import { forbiddenOnCase } from '../access/refusals.ts';
import { bumpCaseVersion, loadCaseSubject } from './access.ts';
import { allocationItem } from './presenter.ts';
import { allocateCaseRow, listUnallocatedCases } from './queries/intake.ts';
import { findStaffMember } from './queries/staff.ts';

/**
 * Zuteilung (docs/intake.md): the open cases no team is responsible for yet (an address without a team, or no
 * fixed address) wait here until a team lead takes one into her team and names its lead case manager.
 */

/** How many waiting cases the list shows at most, oldest first (a backlog, bounded by the office's work). */
export const ALLOCATION_LIST_LIMIT = 500;

const refusal = 'Neue Fälle ohne zuständiges Team teilt nur eine Referatsleitung zu.';

export async function allocationList(ctx: Ctx) {
  if (mayAllocateCases(ctx.actor) === null) {
    throw new AppError('forbidden', refusal, {
      audit: {
        action: 'access_denied',
        entityType: 'case_allocation',
        entityId: null,
        details: { purpose: 'read' },
      },
    });
  }
  const rows = await listUnallocatedCases(ctx.db, ctx.actor.tenantId, ALLOCATION_LIST_LIMIT);
  await ctx.audit({
    action: 'read',
    entityType: 'case_allocation',
    entityId: null,
    details: { cases: rows.map((r) => r.id) },
  });
  return rows.map(allocationItem);
}

/** A team lead takes a waiting case into her team; an active case manager of the team leads it. */
export async function allocateCase(
  ctx: Ctx,
  caseId: string,
  input: { leadUserId: string; version: number },
): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const loaded = await loadCaseSubject(ctx.db, tenantId, caseId, actorToday(ctx.actor));
  if (!loaded) throw AppError.notFound('Der Fall');
  const teamId = mayAllocateCases(ctx.actor);
  if (teamId === null) throw forbiddenOnCase(caseId, 'allocate', refusal);
  // Once allocated, the case is its team's: this is no way into another team's case.
  if (loaded.team_id !== null) throw new AppError('conflict', 'Der Fall ist bereits einem Team zugeteilt.');
  if (loaded.status === 'abgeschlossen') {
    throw new AppError('conflict', 'Der Fall ist abgeschlossen und kann nicht mehr geändert werden.');
  }
  const user = await findStaffMember(ctx.db, tenantId, input.leadUserId);
  if (!user?.active || user.team_id !== teamId || !user.roles.includes('case_manager')) {
    throw AppError.validation('leadUserId', 'Die Fallführung übernimmt eine aktive Fachkraft Ihres Teams.');
  }
  await bumpCaseVersion(ctx, caseId, input.version);
  if (!(await allocateCaseRow(ctx.db, tenantId, caseId, { teamId, leadUserId: input.leadUserId }))) {
    throw AppError.versionConflict();
  }
  await ctx.audit({
    action: 'update',
    entityType: 'case',
    entityId: caseId,
    details: {
      fields: ['teamId', 'leadUserId'],
      allocation: 'allocated',
      teamId,
      leadUserId: input.leadUserId,
    },
  });
}
