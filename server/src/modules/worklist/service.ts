import type { TeamWorklist, TeamWorklistQuery, Worklist, WorklistItem } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { caseListFilter, teamWorklistOf } from '../access/policy.ts';
import { type WorklistWindow, worklistOf, worklistWindow } from './buckets.ts';
import {
  presentAssessment,
  presentCareOrder,
  presentCaseload,
  presentHelpPlanReview,
  presentMandate,
  presentMeasureEnd,
  presentProtectionPlanReview,
  presentStep,
  presentVisitFollowUp,
} from './presenter.ts';
import type { ScopedCase, WorklistScope } from './queries/items.ts';
import { worklistRows } from './queries/rows.ts';

/**
 * The work list (docs/worklist.md). Which cases: the case-access rule's list form (caseListFilter), so the list holds
 * exactly the open cases the actor may open: "mine" the cases she leads, stands in for or was granted (as "Meine
 * Fälle"); "team" the cases of the team she leads. The items name the family, so every read is audited, with the
 * ids of the cases listed.
 */

/**
 * The open cases of the scope and every source over them, in one statement (queries/rows.ts), as items of this
 * window; with `followUpsOf`, that user's follow-ups of visits too (they belong to no case).
 */
async function loadItems(
  ctx: Ctx,
  scope: WorklistScope,
  w: WorklistWindow,
  options: { area: boolean; followUpsOf: string | null; team: string | null },
) {
  const rows = await worklistRows(ctx.db, scope, { at: w.untilAt, on: w.weekEnd }, options);
  const byId = new Map(rows.cases.map((c) => [c.id, c]));
  const caseOf = (r: { case_id: string }) => byId.get(r.case_id) as ScopedCase;
  const items: (WorklistItem | null)[] = [
    ...rows.assessments.map((r) => presentAssessment(r, caseOf(r), w)),
    ...rows.steps.map((r) => presentStep(r, caseOf(r), w)),
    ...rows.reviews.map((r) => presentHelpPlanReview(r, caseOf(r), w)),
    ...rows.mandates.flatMap((r) => presentMandate(r, caseOf(r), w)),
    ...rows.measures.map((r) => presentMeasureEnd(r, caseOf(r), w)),
    ...rows.protectionPlans.map((r) => presentProtectionPlanReview(r, caseOf(r), w)),
    ...rows.careOrders.map((r) => presentCareOrder(r, caseOf(r), w)),
    ...rows.followUps.map((r) => presentVisitFollowUp(r, w)),
  ];
  return { cases: rows.cases, team: rows.team, items: items.filter((i) => i !== null) };
}

const caseIdsOf = (items: readonly WorklistItem[]) => [
  ...new Set(items.flatMap((i) => (i.case ? [i.case.id] : []))),
];

/** The actor's own work list. `now` is the server's clock (a test may set it: http/app.ts). */
export async function myWorklist(ctx: Ctx, now: Date): Promise<Worklist> {
  const w = worklistWindow(now);
  const scope = { tenantId: ctx.actor.tenantId, today: w.today, filter: caseListFilter(ctx.actor, 'mine') };
  const { items } = await loadItems(ctx, scope, w, {
    area: false,
    followUpsOf: ctx.actor.userId ?? null,
    team: null,
  });
  const list = worklistOf(items, w);
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
  const scope = { tenantId: ctx.actor.tenantId, today: w.today, filter: caseListFilter(ctx.actor, 'team') };
  const { cases, items, team } = await loadItems(ctx, scope, w, {
    area: true,
    followUpsOf: null,
    team: teamId,
  });
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
  return {
    ...list,
    team: { id: team.id, name: team.name },
    caseload: presentCaseload(team.staff, cases, items),
  };
}
