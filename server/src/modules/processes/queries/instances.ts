import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { NewStep } from '../engine.ts';

/** Process instances of cases and their steps. */

export async function insertInstance(
  db: Kysely<DB>,
  tenantId: string,
  values: {
    caseId: string;
    definitionId: string;
    urgency: string | null;
    subject: { type: string; id: string } | null;
    startedAt: Date;
    startedBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('process_instance')
    .values({
      tenant_id: tenantId,
      case_id: values.caseId,
      definition_id: values.definitionId,
      urgency: values.urgency,
      subject_type: values.subject?.type ?? null,
      subject_id: values.subject?.id ?? null,
      started_at: values.startedAt,
      started_by: values.startedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSteps(
  db: Kysely<DB>,
  tenantId: string,
  instance: { id: string; caseId: string },
  steps: NewStep[],
): Promise<void> {
  if (steps.length === 0) return;
  await db
    .insertInto('process_step')
    .values(
      steps.map((s) => ({
        tenant_id: tenantId,
        instance_id: instance.id,
        case_id: instance.caseId,
        step_key: s.key,
        position: s.position,
        occurrence: s.occurrence,
        due_at: s.dueAt,
      })),
    )
    .execute();
}

/** Is an instance of this definition key running on the case? */
export async function hasRunningInstance(db: Kysely<DB>, tenantId: string, caseId: string, key: string) {
  const row = await db
    .selectFrom('process_instance as i')
    .innerJoin('process_definition as d', (j) =>
      j.onRef('d.tenant_id', '=', 'i.tenant_id').onRef('d.id', '=', 'i.definition_id'),
    )
    .select('i.id')
    .where('i.tenant_id', '=', tenantId)
    .where('i.case_id', '=', caseId)
    .where('i.status', '=', 'running')
    .where('d.key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}

/** The instances of a case (or only its running ones), newest first, with who started them. */
export function listInstanceRows(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  only: { running?: boolean; instanceId?: string; subject?: { type: string; id: string } } = {},
) {
  let q = db
    .selectFrom('process_instance as i')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'i.tenant_id').onRef('u.id', '=', 'i.started_by'),
    )
    .select([
      'i.id',
      'i.case_id',
      'i.definition_id',
      'i.status',
      'i.urgency',
      'i.subject_type',
      'i.subject_id',
      'i.started_at',
      'i.started_by',
      'u.display_name as started_by_name',
      'i.ended_at',
      'i.cancel_reason',
      'i.version',
    ])
    .where('i.tenant_id', '=', tenantId)
    .where('i.case_id', '=', caseId);
  if (only.running) q = q.where('i.status', '=', 'running');
  if (only.instanceId) q = q.where('i.id', '=', only.instanceId);
  if (only.subject)
    q = q.where('i.subject_type', '=', only.subject.type).where('i.subject_id', '=', only.subject.id);
  return q.orderBy('i.started_at', 'desc').orderBy('i.id').execute();
}
export type InstanceRow = Awaited<ReturnType<typeof listInstanceRows>>[number];

/** The steps of these instances in process order, with who closed them. */
export function listStepRows(db: Kysely<DB>, tenantId: string, instanceIds: string[]) {
  if (instanceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('process_step as s')
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.done_by'),
    )
    .select([
      's.id',
      's.instance_id',
      's.step_key',
      's.position',
      's.occurrence',
      's.state',
      's.skip_reason',
      's.due_at',
      's.done_at',
      's.done_by',
      'u.display_name as done_by_name',
      's.completed_by_type',
      's.completed_by_id',
      's.version',
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('s.instance_id', 'in', instanceIds)
    .orderBy('s.instance_id')
    .orderBy('s.position')
    .orderBy('s.occurrence')
    .execute();
}
export type StepDbRow = Awaited<ReturnType<typeof listStepRows>>[number];

/** One step of a case with its instance (the case in the path must be the step's case). */
export function findCaseStep(db: Kysely<DB>, tenantId: string, caseId: string, stepId: string) {
  return db
    .selectFrom('process_step as s')
    .innerJoin('process_instance as i', (j) =>
      j.onRef('i.tenant_id', '=', 's.tenant_id').onRef('i.id', '=', 's.instance_id'),
    )
    .select(['s.id', 's.instance_id', 's.state', 's.version', 'i.status as instance_status'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.case_id', '=', caseId)
    .where('s.id', '=', stepId)
    .executeTakeFirst();
}

/** Has this record already completed a step of the instance? */
export async function recordCompletedStep(
  db: Kysely<DB>,
  tenantId: string,
  instanceId: string,
  record: { type: string; id: string },
) {
  const row = await db
    .selectFrom('process_step')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('instance_id', '=', instanceId)
    .where('completed_by_type', '=', record.type)
    .where('completed_by_id', '=', record.id)
    .executeTakeFirst();
  return row !== undefined;
}

export interface StepClosing {
  state: 'erledigt' | 'uebersprungen';
  skipReason: string | null;
  at: Date;
  by: string | null;
  record: { type: string; id: string } | null;
}

/** Closes an open step at the version seen; no row changes when it is gone, closed or changed since. */
export function closeStepRow(
  db: Kysely<DB>,
  tenantId: string,
  stepId: string,
  version: number,
  c: StepClosing,
) {
  return db
    .updateTable('process_step')
    .set((eb) => ({
      state: c.state,
      skip_reason: c.skipReason,
      done_at: c.at,
      done_by: c.by,
      completed_by_type: c.record?.type ?? null,
      completed_by_id: c.record?.id ?? null,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', stepId)
    .where('version', '=', version)
    .where('state', '=', 'offen')
    .executeTakeFirst();
}

/** Closes the open steps among these as skipped with a reason (an ended repetition, a cancelled instance). */
export async function skipOpenSteps(
  db: Kysely<DB>,
  tenantId: string,
  where: { ids: string[] } | { instanceId: string },
  c: { reason: string; at: Date; by: string | null },
): Promise<number> {
  let q = db
    .updateTable('process_step')
    .set((eb) => ({
      state: 'uebersprungen',
      skip_reason: c.reason,
      done_at: c.at,
      done_by: c.by,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('state', '=', 'offen');
  if ('ids' in where) {
    if (where.ids.length === 0) return 0;
    q = q.where('id', 'in', where.ids);
  } else q = q.where('instance_id', '=', where.instanceId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Sets the deadline of an open step anew (the urgency recorded meanwhile changes it; see setStepDueAt). */
export async function resetStepDueAt(db: Kysely<DB>, tenantId: string, stepId: string, due: Date) {
  await db
    .updateTable('process_step')
    .set({ due_at: due })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', stepId)
    .where('state', '=', 'offen')
    .execute();
}

/**
 * Starts the deadline of an open step that has none yet. The version stays: it counts what people decide (done,
 * skipped), and a deadline starting meanwhile does not make their decision stale.
 */
export async function setStepDueAt(db: Kysely<DB>, tenantId: string, stepId: string, due: Date) {
  await db
    .updateTable('process_step')
    .set({ due_at: due })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', stepId)
    .where('state', '=', 'offen')
    .where('due_at', 'is', null)
    .execute();
}

/** Records the urgency (the version stays, as for a deadline: see setStepDueAt). */
export async function setInstanceUrgency(
  db: Kysely<DB>,
  tenantId: string,
  instanceId: string,
  urgency: string,
) {
  await db
    .updateTable('process_instance')
    .set({ urgency })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', instanceId)
    .execute();
}

/**
 * Ends a running instance (done, or cancelled with a reason). With a version, only at that version (a user's
 * cancel); without, whatever its version (the last step closed, the case closed).
 */
export function endInstanceRow(
  db: Kysely<DB>,
  tenantId: string,
  instanceId: string,
  end: { status: 'done' | 'cancelled'; at: Date; reason: string | null; version?: number },
) {
  let q = db
    .updateTable('process_instance')
    .set((eb) => ({
      status: end.status,
      ended_at: end.at,
      cancel_reason: end.reason,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', instanceId)
    .where('status', '=', 'running');
  if (end.version !== undefined) q = q.where('version', '=', end.version);
  return q.executeTakeFirst();
}

export function findInstance(db: Kysely<DB>, tenantId: string, caseId: string, instanceId: string) {
  return db
    .selectFrom('process_instance')
    .select(['id', 'status', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', instanceId)
    .executeTakeFirst();
}
