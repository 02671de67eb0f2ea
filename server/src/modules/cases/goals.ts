import type { NetworkTieInput, NetworkTieUpdate, ResourceInput, WillAndGoalsInput } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { entryExists } from '../atlas/queries/entries.ts';
import { requireContentEditable } from '../confided/service.ts';
import { completeProcessSteps } from '../processes/completion.ts';
import { requireCase } from './access.ts';
import {
  deleteCaseItemRow,
  deleteGoals,
  findNetworkTie,
  findWillAndGoals,
  goalIdsOfCase,
  insertActionStep,
  insertGoal,
  insertNetworkTie,
  insertResource,
  insertWillAndGoals,
  resourceIdsOfCase,
  updateGoalClearingSteps,
  updateNetworkTieRow,
  updateWillAndGoals,
} from './queries/goals.ts';

/** Wille und Ziele, Ressourcenkarte and Netzwerkkarte: the family's own view, kept as records, not free text. */

/**
 * Saves will, direction goal and the Handlungsziele with their steps. Goal ids are kept across saves (help plans
 * refer to them); goals left out are removed. Version 0 means "nothing saved yet": the insert then refuses a second
 * first save, like the conditional update refuses a stale one (the same style as the Familienrat).
 */
export async function saveWillAndGoals(ctx: Ctx, caseId: string, input: WillAndGoalsInput): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  // § 65: who sees the placeholder may not save the sheet (it would write the placeholder back): neither that of
  // the will and direction goal nor that of a Handlungsziel (a save rewrites or removes every goal).
  await requireContentEditable(ctx, caseId, 'will_and_goals', caseId);
  for (const goalId of await goalIdsOfCase(ctx.db, tenantId, caseId))
    await requireContentEditable(ctx, caseId, 'goal', goalId);
  const values = { will: input.will, directionGoal: input.directionGoal, updatedBy: ctx.actor.userId };
  if (input.version === 0) {
    if (!(await insertWillAndGoals(ctx.db, tenantId, caseId, values))) throw AppError.versionConflict();
  } else {
    await expectOneUpdated(
      await updateWillAndGoals(ctx.db, tenantId, caseId, values, input.version),
      () => findWillAndGoals(ctx.db, tenantId, caseId),
      'Wille und Ziele',
    );
  }

  const [existingIds, resourceIds] = await Promise.all([
    goalIdsOfCase(ctx.db, tenantId, caseId),
    resourceIdsOfCase(ctx.db, tenantId, caseId),
  ]);
  const keptIds = new Set<string>();
  for (const [position, goal] of input.actionGoals.entries()) {
    if (goal.id && !existingIds.has(goal.id))
      throw AppError.validation(`actionGoals.${position}.id`, 'Dieses Handlungsziel gehört nicht zum Fall.');
    const fields = { position, text: goal.text, dueOn: goal.dueOn };
    let goalId = goal.id;
    if (goalId) await updateGoalClearingSteps(ctx.db, tenantId, goalId, fields);
    else goalId = await insertGoal(ctx.db, tenantId, caseId, fields);
    keptIds.add(goalId);
    for (const [stepPosition, step] of goal.steps.entries()) {
      if (step.resourceId && !resourceIds.has(step.resourceId)) {
        throw AppError.validation(
          `actionGoals.${position}.steps.${stepPosition}.resourceId`,
          'Diese Ressource gehört nicht zum Fall.',
        );
      }
      await insertActionStep(ctx.db, tenantId, goalId, { position: stepPosition, ...step });
    }
  }
  const removed = [...existingIds].filter((id) => !keptIds.has(id));
  if (removed.length > 0) await deleteGoals(ctx.db, tenantId, removed);
  await ctx.audit({
    action: input.version === 0 ? 'create' : 'update',
    entityType: 'will_and_goals',
    entityId: caseId,
    details: { goals: input.actionGoals.length, removedGoals: removed.length },
  });
  // The record is the case's one Wille-und-Ziele sheet (keyed by the case): its first save completes the step.
  await completeProcessSteps(ctx, caseId, 'will_and_goals', caseId);
}

export async function addResource(ctx: Ctx, caseId: string, input: ResourceInput): Promise<string> {
  await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  if (input.goalId && !(await goalIdsOfCase(ctx.db, tenantId, caseId)).has(input.goalId))
    throw AppError.validation('goalId', 'Dieses Ziel gehört nicht zum Fall.');
  // A real reference: an id from the request names an entry of this Jugendamt's atlas, or it is bad input.
  if (input.directoryEntryId && !(await entryExists(ctx.db, tenantId, input.directoryEntryId)))
    throw AppError.validation('directoryEntryId', 'Bitte eine Einrichtung aus dem Stadtteilatlas wählen.');
  const id = await insertResource(ctx.db, tenantId, caseId, input, ctx.actor.userId);
  await ctx.audit({ action: 'create', entityType: 'resource', entityId: id, details: { caseId } });
  return id;
}

export async function addNetworkTie(ctx: Ctx, caseId: string, input: NetworkTieInput): Promise<string> {
  await requireCase(ctx, caseId, 'write');
  const id = await insertNetworkTie(ctx.db, ctx.actor.tenantId, caseId, input, ctx.actor.userId);
  await ctx.audit({ action: 'create', entityType: 'network_tie', entityId: id, details: { caseId } });
  return id;
}

/** Changes an entry of the Netzwerkkarte; a save made on an older version is refused (409), never merged. */
export async function updateNetworkTie(
  ctx: Ctx,
  caseId: string,
  tieId: string,
  update: NetworkTieUpdate,
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  // § 65: who sees the placeholder for the name may not save the entry (it would write the placeholder back).
  await requireContentEditable(ctx, caseId, 'network_tie', tieId);
  const tenantId = ctx.actor.tenantId;
  const { version, ...input } = update;
  await expectOneUpdated(
    await updateNetworkTieRow(ctx.db, tenantId, caseId, tieId, input, version),
    () => findNetworkTie(ctx.db, tenantId, caseId, tieId),
    'Der Eintrag der Netzwerkkarte',
  );
  await ctx.audit({ action: 'update', entityType: 'network_tie', entityId: tieId, details: { caseId } });
}

/** Removes a resource or a network tie of the case; a confided one only who may see it (§ 65). */
export async function deleteCaseItem(
  ctx: Ctx,
  caseId: string,
  table: 'resource' | 'network_tie',
  id: string,
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  await requireContentEditable(ctx, caseId, table, id);
  if (!(await deleteCaseItemRow(ctx.db, ctx.actor.tenantId, caseId, table, id)))
    throw AppError.notFound('Der Eintrag');
  await ctx.audit({ action: 'delete', entityType: table, entityId: id, details: { caseId } });
}
