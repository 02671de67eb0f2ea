import type { TeamWorklist, TeamWorklistQuery, Worklist, WorklistItem } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { caseListFilter, teamWorklistOf } from '../access/policy.ts';
import { type WorklistWindow, worklistOf, worklistWindow } from './buckets.ts';
import {
  presentAssessment,
  presentCaseload,
  presentHelpPlanReview,
  presentMandate,
  presentMeasureEnd,
  presentStep,
} from './presenter.ts';
import { openCasesByLeadAndArea, teamWithCaseWorkers } from './queries/caseload.ts';
import {
  dueAssessments,
  dueHelpPlanReviews,
  dueMandates,
  dueMeasureEnds,
  dueProcessSteps,
  type WorklistScope,
} from './queries/items.ts';

/**
 * The work list (docs/worklist.md). Which cases: the case-access rule's list form (caseListFilter), so the list holds
 * exactly the open cases the actor may open: "mine" the cases she leads, stands in for or was granted (as "Meine
 * Fälle"); "team" the cases of the team she leads. The items name the family, so every read is audited, with the
 * ids of the cases listed.
 */

/** Every source at once (one statement each), as items of this window. */
async function loadItems(ctx: Ctx, scope: WorklistScope, w: WorklistWindow): Promise<WorklistItem[]> {
  const [assessments, steps, reviews, mandates, measures] = await Promise.all([
    dueAssessments(ctx.db, scope),
    dueProcessSteps(ctx.db, scope),
    dueHelpPlanReviews(ctx.db, scope),
    dueMandates(ctx.db, scope),
    dueMeasureEnds(ctx.db, scope),
  ]);
  const items: (WorklistItem | null)[] = [
    ...assessments.map((r) => presentAssessment(r, w)),
    ...steps.map((r) => presentStep(r, w)),
    ...reviews.map((r) => presentHelpPlanReview(r, w)),
    ...mandates.flatMap((r) => presentMandate(r, w)),
    ...measures.map((r) => presentMeasureEnd(r, w)),
  ];
  return items.filter((i) => i !== null);
}

const caseIdsOf = (items: readonly WorklistItem[]) => [...new Set(items.map((i) => i.case.id))];

/** The actor's own work list. `now` is the server's clock (a test may set it: http/app.ts). */
export async function myWorklist(ctx: Ctx, now: Date): Promise<Worklist> {
  const w = worklistWindow(now);
  const scope = {
    tenantId: ctx.actor.tenantId,
    filter: caseListFilter(ctx.actor, 'mine'),
    untilAt: w.untilAt,
    untilOn: w.weekEnd,
  };
  const list = worklistOf(await loadItems(ctx, scope, w), w);
  await ctx.audit({
    action: 'read',
    entityType: 'worklist',
    details: { scope: 'mine', count: list.items.length, caseIds: caseIdsOf(list.items) },
  });
  return list;
}

/** The team's work list and caseload, for the lead of the team; optionally only one case manager's items. */
export async function teamWorklist(ctx: Ctx, query: TeamWorklistQuery, now: Date): Promise<TeamWorklist> {
  const teamId = teamWorklistOf(ctx.actor);
  if (!teamId) {
    throw new AppError('forbidden', 'Den Arbeitsvorrat des Teams sieht nur die Referatsleitung des Teams.', {
      audit: { action: 'access_denied', entityType: 'worklist', details: { scope: 'team' } },
    });
  }
  const w = worklistWindow(now);
  const scope = {
    tenantId: ctx.actor.tenantId,
    filter: caseListFilter(ctx.actor, 'team'),
    untilAt: w.untilAt,
    untilOn: w.weekEnd,
  };
  const [items, counts, { team, staff }] = await Promise.all([
    loadItems(ctx, scope, w),
    openCasesByLeadAndArea(ctx.db, ctx.actor.tenantId, teamId),
    teamWithCaseWorkers(ctx.db, ctx.actor.tenantId, teamId),
  ]);
  if (!team) throw AppError.notFound('Das Team');
  const shown = query.leadUserId ? items.filter((i) => i.lead?.id === query.leadUserId) : items;
  const list = worklistOf(shown, w);
  await ctx.audit({
    action: 'read',
    entityType: 'worklist',
    entityId: teamId,
    details: {
      scope: 'team',
      ...(query.leadUserId ? { leadUserId: query.leadUserId } : {}),
      count: list.items.length,
      caseIds: caseIdsOf(list.items),
    },
  });
  return { ...list, team: { id: team.id, name: team.name }, caseload: presentCaseload(staff, counts, items) };
}
