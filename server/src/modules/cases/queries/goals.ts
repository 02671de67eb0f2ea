import type { NetworkTieInput, ResourceInput } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** SQL of Wille und Ziele, the Ressourcenkarte and the Netzwerkkarte. */

/** The first save of Wille und Ziele (version 0 seen by the client); false when someone saved first. */
export async function insertWillAndGoals(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  values: { will: string; directionGoal: string; updatedBy: string | null },
): Promise<boolean> {
  const row = await db
    .insertInto('will_and_goals')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      will: values.will,
      direction_goal: values.directionGoal,
      updated_at: new Date(),
      updated_by: values.updatedBy,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'case_id']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Updates Wille und Ziele if it is still at the version the client saw (see shared/versioned.ts). */
export function updateWillAndGoals(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  values: { will: string; directionGoal: string; updatedBy: string | null },
  version: number,
) {
  return db
    .updateTable('will_and_goals')
    .set({
      will: values.will,
      direction_goal: values.directionGoal,
      version: sql`version + 1`,
      updated_at: new Date(),
      updated_by: values.updatedBy,
    })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function findWillAndGoals(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('will_and_goals')
    .select('version')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export async function goalIdsOfCase(db: Kysely<DB>, tenantId: string, caseId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('goal')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function resourceIdsOfCase(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('resource')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Rewrites a kept goal and clears its steps (they are written anew in their new order). */
export async function updateGoalClearingSteps(
  db: Kysely<DB>,
  tenantId: string,
  goalId: string,
  goal: { position: number; text: string; dueOn: string },
) {
  await db
    .updateTable('goal')
    .set({ position: goal.position, text: goal.text, due_on: goal.dueOn })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', goalId)
    .execute();
  await db
    .deleteFrom('action_step')
    .where('tenant_id', '=', tenantId)
    .where('goal_id', '=', goalId)
    .execute();
}

export async function insertGoal(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  goal: { position: number; text: string; dueOn: string },
): Promise<string> {
  const row = await db
    .insertInto('goal')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      position: goal.position,
      text: goal.text,
      due_on: goal.dueOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertActionStep(
  db: Kysely<DB>,
  tenantId: string,
  goalId: string,
  step: { position: number; who: string; what: string; dueOn: string; resourceId: string | null },
) {
  await db
    .insertInto('action_step')
    .values({
      tenant_id: tenantId,
      goal_id: goalId,
      position: step.position,
      who: step.who,
      what: step.what,
      due_on: step.dueOn,
      resource_id: step.resourceId,
    })
    .execute();
}

/** Removes goals; resources tied to them stay, untied. */
export async function deleteGoals(db: Kysely<DB>, tenantId: string, goalIds: string[]) {
  await db
    .updateTable('resource')
    .set({ goal_id: null })
    .where('tenant_id', '=', tenantId)
    .where('goal_id', 'in', goalIds)
    .execute();
  await db.deleteFrom('goal').where('tenant_id', '=', tenantId).where('id', 'in', goalIds).execute();
}

export async function insertResource(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  input: ResourceInput,
  createdBy: string | null,
) {
  const row = await db
    .insertInto('resource')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      area: input.area,
      description: input.description,
      goal_id: input.goalId,
      directory_entry_id: input.directoryEntryId,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertNetworkTie(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  input: NetworkTieInput,
  createdBy: string | null,
) {
  const row = await db
    .insertInto('network_tie')
    .values({ tenant_id: tenantId, case_id: caseId, ...input, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateNetworkTieRow(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  tieId: string,
  input: NetworkTieInput,
  version: number,
) {
  return db
    .updateTable('network_tie')
    .set({ ...input, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', tieId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function findNetworkTie(db: Kysely<DB>, tenantId: string, caseId: string, tieId: string) {
  return db
    .selectFrom('network_tie')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', tieId)
    .executeTakeFirst();
}

/** Deletes a resource (untying the steps that used it) or a network tie of the case; answers whether it existed. */
export async function deleteCaseItemRow(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  table: 'resource' | 'network_tie',
  id: string,
): Promise<boolean> {
  if (table === 'resource') {
    await db
      .updateTable('action_step')
      .set({ resource_id: null })
      .where('tenant_id', '=', tenantId)
      .where('resource_id', '=', id)
      .execute();
  }
  const result = await db
    .deleteFrom(table)
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
