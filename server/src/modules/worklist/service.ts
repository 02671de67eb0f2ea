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
import { teamWithCaseWorkers } from './queries/caseload.ts';
import { dueVisitFollowUps } from './queries/followUps.ts';
import {
  dueAssessments,
  dueHelpPlanReviews,
  dueMandates,
  dueMeasureEnds,
  dueProcessSteps,
  dueProtectionPlanReviews,
  runningCareOrders,
  type ScopedCase,
  scopedCases,
  type WorklistScope,
} from './queries/items.ts';

/**
 * The work list (docs/worklist.md). Which cases: the case-access rule's list form (caseListFilter), so the list holds
 * exactly the open cases the actor may open: "mine" the cases she leads, stands in for or was granted (as "Meine
 * Fälle"); "team" the cases of the team she leads. The items name the family, so every read is audited, with the
 * ids of the cases listed.
 */

/** The open cases of the scope, then every source over them at once (one statement each), as items of this window. */
async function loadItems(ctx: Ctx, scope: WorklistScope, w: WorklistWindow, options: { area: boolean }) {
  const cases = await scopedCases(ctx.db, scope, options);
  if (cases.length === 0) return { cases, items: [] };
  const ids = cases.map((c) => c.id);
  const until = { at: w.untilAt, on: w.weekEnd };
  const tenantId = ctx.actor.tenantId;
  const [assessments, steps, reviews, mandates, measures, protectionPlans, careOrders] = await Promise.all([
    dueAssessments(ctx.db, tenantId, ids, until),
    dueProcessSteps(ctx.db, tenantId, ids, until),
    dueHelpPlanReviews(ctx.db, tenantId, ids, until),
    dueMandates(ctx.db, tenantId, ids, until),
    dueMeasureEnds(ctx.db, tenantId, ids, until),
    dueProtectionPlanReviews(ctx.db, tenantId, ids, until),
    runningCareOrders(ctx.db, tenantId, ids),
  ]);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const caseOf = (r: { case_id: string }) => byId.get(r.case_id) as ScopedCase;
  const items: (WorklistItem | null)[] = [
    ...assessments.map((r) => presentAssessment(r, caseOf(r), w)),
    ...steps.map((r) => presentStep(r, caseOf(r), w)),
    ...reviews.map((r) => presentHelpPlanReview(r, caseOf(r), w)),
    ...mandates.flatMap((r) => presentMandate(r, caseOf(r), w)),
    ...measures.map((r) => presentMeasureEnd(r, caseOf(r), w)),
    ...protectionPlans.map((r) => presentProtectionPlanReview(r, caseOf(r), w)),
    ...careOrders.map((r) => presentCareOrder(r, caseOf(r), w)),
  ];
  return { cases, items: items.filter((i) => i !== null) };
}

const caseIdsOf = (items: readonly WorklistItem[]) => [
  ...new Set(items.flatMap((i) => (i.case ? [i.case.id] : []))),
];

/** The actor's own work list. `now` is the server's clock (a test may set it: http/app.ts). */
export async function myWorklist(ctx: Ctx, now: Date): Promise<Worklist> {
  const w = worklistWindow(now);
  const scope = { tenantId: ctx.actor.tenantId, today: w.today, filter: caseListFilter(ctx.actor, 'mine') };
  const [{ items }, followUps] = await Promise.all([
    loadItems(ctx, scope, w, { area: false }),
    ctx.actor.userId ? dueVisitFollowUps(ctx.db, ctx.actor.tenantId, ctx.actor.userId, w.weekEnd) : [],
  ]);
  const visitItems = followUps.map((r) => presentVisitFollowUp(r, w)).filter((i) => i !== null);
  const list = worklistOf([...items, ...visitItems], w);
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
  const [{ cases, items }, { team, staff }] = await Promise.all([
    loadItems(ctx, scope, w, { area: true }),
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
  return { ...list, team: { id: team.id, name: team.name }, caseload: presentCaseload(staff, cases, items) };
}
