import type { NetworkTieInput, NetworkTieUpdate, ResourceInput, WillAndGoalsInput } from '@leuchtturm/shared';
import { sql } from 'kysely';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { requireCase } from './access.ts';

/** Wille und Ziele, Ressourcenkarte and Netzwerkkarte: the family's own view, kept as records, not free text. */

export async function saveWillAndGoals(ctx: Ctx, caseId: string, input: WillAndGoalsInput): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const current = await ctx.db
    .selectFrom('will_and_goals')
    .select('version')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if ((current?.version ?? 0) !== input.version) throw AppError.versionConflict();
  if (current) {
    await ctx.db
      .updateTable('will_and_goals')
      .set({
        will: input.will,
        direction_goal: input.directionGoal,
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .execute();
  } else {
    await ctx.db
      .insertInto('will_and_goals')
      .values({
        tenant_id: tenantId,
        case_id: caseId,
        will: input.will,
        direction_goal: input.directionGoal,
        updated_at: new Date(),
      })
      .execute();
  }

  const existing = await ctx.db
    .selectFrom('goal')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .execute();
  const existingIds = new Set(existing.map((g) => g.id));
  const resourceIds = new Set(
    (
      await ctx.db
        .selectFrom('resource')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('case_id', '=', caseId)
        .execute()
    ).map((r) => r.id),
  );
  const keptIds = new Set<string>();
  for (const [position, goal] of input.actionGoals.entries()) {
    let goalId = goal.id;
    if (goalId && !existingIds.has(goalId))
      throw AppError.validation(`actionGoals.${position}.id`, 'Dieses Handlungsziel gehört nicht zum Fall.');
    if (goalId) {
      await ctx.db
        .updateTable('goal')
        .set({ position, text: goal.text, due_on: goal.dueOn })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', goalId)
        .execute();
      await ctx.db
        .deleteFrom('action_step')
        .where('tenant_id', '=', tenantId)
        .where('goal_id', '=', goalId)
        .execute();
    } else {
      goalId = (
        await ctx.db
          .insertInto('goal')
          .values({ tenant_id: tenantId, case_id: caseId, position, text: goal.text, due_on: goal.dueOn })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    keptIds.add(goalId);
    for (const [stepPosition, step] of goal.steps.entries()) {
      if (step.resourceId && !resourceIds.has(step.resourceId)) {
        throw AppError.validation(
          `actionGoals.${position}.steps.${stepPosition}.resourceId`,
          'Diese Ressource gehört nicht zum Fall.',
        );
      }
      await ctx.db
        .insertInto('action_step')
        .values({
          tenant_id: tenantId,
          goal_id: goalId,
          position: stepPosition,
          who: step.who,
          what: step.what,
          due_on: step.dueOn,
          resource_id: step.resourceId,
        })
        .execute();
    }
  }
  const removed = [...existingIds].filter((id) => !keptIds.has(id));
  if (removed.length > 0) {
    await ctx.db
      .updateTable('resource')
      .set({ goal_id: null })
      .where('tenant_id', '=', tenantId)
      .where('goal_id', 'in', removed)
      .execute();
    await ctx.db.deleteFrom('goal').where('tenant_id', '=', tenantId).where('id', 'in', removed).execute();
  }
  await ctx.audit({
    action: current ? 'update' : 'create',
    entityType: 'will_and_goals',
    entityId: caseId,
    details: { goals: input.actionGoals.length, removedGoals: removed.length },
  });
}

export async function addResource(ctx: Ctx, caseId: string, input: ResourceInput): Promise<string> {
  await requireCase(ctx, caseId, 'write');
  if (input.goalId) {
    const goal = await ctx.db
      .selectFrom('goal')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('case_id', '=', caseId)
      .where('id', '=', input.goalId)
      .executeTakeFirst();
    if (!goal) throw AppError.validation('goalId', 'Dieses Ziel gehört nicht zum Fall.');
  }
  const row = await ctx.db
    .insertInto('resource')
    .values({
      tenant_id: ctx.actor.tenantId,
      case_id: caseId,
      area: input.area,
      description: input.description,
      goal_id: input.goalId,
      directory_entry_id: input.directoryEntryId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'create', entityType: 'resource', entityId: row.id, details: { caseId } });
  return row.id;
}

export async function addNetworkTie(ctx: Ctx, caseId: string, input: NetworkTieInput): Promise<string> {
  await requireCase(ctx, caseId, 'write');
  const row = await ctx.db
    .insertInto('network_tie')
    .values({ tenant_id: ctx.actor.tenantId, case_id: caseId, ...input })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'create', entityType: 'network_tie', entityId: row.id, details: { caseId } });
  return row.id;
}

/** Changes an entry of the Netzwerkkarte; a save made on an older version is refused (409), never merged. */
export async function updateNetworkTie(
  ctx: Ctx,
  caseId: string,
  tieId: string,
  update: NetworkTieUpdate,
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  const { version, ...input } = update;
  const tie = () =>
    ctx.db
      .selectFrom('network_tie')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('case_id', '=', caseId)
      .where('id', '=', tieId)
      .executeTakeFirst();
  const result = await ctx.db
    .updateTable('network_tie')
    .set({ ...input, version: sql`version + 1` })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', tieId)
    .where('version', '=', version)
    .executeTakeFirst();
  await expectOneUpdated(result, tie, 'Der Eintrag der Netzwerkkarte');
  await ctx.audit({ action: 'update', entityType: 'network_tie', entityId: tieId, details: { caseId } });
}

/** Removes a resource or a network tie of the case. */
export async function deleteCaseItem(
  ctx: Ctx,
  caseId: string,
  table: 'resource' | 'network_tie',
  id: string,
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  if (table === 'resource') {
    await ctx.db
      .updateTable('action_step')
      .set({ resource_id: null })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('resource_id', '=', id)
      .execute();
  }
  const result = await ctx.db
    .deleteFrom(table)
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw AppError.notFound('Der Eintrag');
  await ctx.audit({ action: 'delete', entityType: table, entityId: id, details: { caseId } });
}
