import type { ProcessRecordKind, ProcessStepDefinition, ProcessUrgency } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import {
  afterClose,
  RETIRED_REASON,
  type StepRow,
  type StepState,
  stepForRecord,
  urgencyDeadlines,
} from './engine.ts';
import { type DefinitionSteps, definitionsByIds } from './queries/definitions.ts';
import {
  closeStepRow,
  endInstanceRow,
  type InstanceRow,
  insertSteps,
  listInstanceRows,
  listStepRows,
  recordCompletedStep,
  resetStepDueAt,
  type StepDbRow,
  setInstanceUrgency,
  setStepDueAt,
  skipOpenSteps,
} from './queries/instances.ts';
import { parseSteps } from './steps.ts';

/**
 * How steps close and what follows (docs/processes.md): used by the user's "Erledigt"/"Überspringen" and by the
 * services of other modules when they save a record that completes a step (completeProcessSteps).
 */

/** The record an instance is about (a child-protection check), when a case runs several of a kind. */
export interface ProcessSubject {
  type: string;
  id: string;
}

export interface LoadedInstance {
  row: InstanceRow;
  definition: Omit<DefinitionSteps, 'steps'> & { steps: ProcessStepDefinition[] };
  steps: (StepRow & { version: number })[];
  /** The step rows as read, for the presenter. */
  stepRows: StepDbRow[];
}

/** The case's instances (or only its running ones, or one) with their definitions and steps. */
export async function loadInstances(
  ctx: Ctx,
  caseId: string,
  only: { running?: boolean; instanceId?: string; subject?: ProcessSubject } = {},
): Promise<LoadedInstance[]> {
  const tenantId = ctx.actor.tenantId;
  const rows = await listInstanceRows(ctx.db, tenantId, caseId, only);
  if (rows.length === 0) return [];
  const [definitions, stepRows] = await Promise.all([
    definitionsByIds(ctx.db, tenantId, [...new Set(rows.map((r) => r.definition_id))]),
    listStepRows(
      ctx.db,
      tenantId,
      rows.map((r) => r.id),
    ),
  ]);
  const byId = new Map(definitions.map((d) => [d.id, { ...d, steps: parseSteps(d.steps) }]));
  return rows.map((row) => {
    const own = stepRows.filter((s) => s.instance_id === row.id);
    const definition = byId.get(row.definition_id);
    if (!definition) throw new Error(`definition ${row.definition_id} of instance ${row.id} is missing`);
    return {
      row,
      definition,
      stepRows: own,
      steps: own.map((s) => ({
        id: s.id,
        key: s.step_key,
        position: s.position,
        occurrence: s.occurrence,
        state: s.state as StepState,
        dueAt: s.due_at,
        doneAt: s.done_at,
        version: s.version,
      })),
    };
  });
}

/** Records the instance's urgency and gives the open steps that depend on it their deadlines (urgencyDeadlines). */
export async function applyUrgency(
  ctx: Ctx,
  instance: LoadedInstance,
  urgency: ProcessUrgency,
): Promise<number> {
  const tenantId = ctx.actor.tenantId;
  await setInstanceUrgency(ctx.db, tenantId, instance.row.id, urgency);
  instance.row.urgency = urgency;
  const changes = urgencyDeadlines(
    instance.definition.steps,
    instance.steps,
    instance.row.started_at,
    urgency,
  );
  for (const c of changes) {
    await resetStepDueAt(ctx.db, tenantId, c.id, c.dueAt);
    const row = instance.steps.find((r) => r.id === c.id);
    if (row) row.dueAt = c.dueAt;
  }
  return changes.length;
}

/**
 * After a step of a running instance was closed: start the deadlines that wait for it, bring back a repeating
 * step, retire repetitions a later step ended, end the instance when nothing is open. Returns what happened, for
 * the audit entry.
 */
export async function followUp(ctx: Ctx, instance: LoadedInstance, closed: StepRow, at: Date) {
  const tenantId = ctx.actor.tenantId;
  const plan = afterClose(
    instance.definition.steps,
    instance.steps,
    closed,
    at,
    instance.row.urgency as ProcessUrgency | null,
  );
  for (const d of plan.deadlines) await setStepDueAt(ctx.db, tenantId, d.id, d.dueAt);
  if (plan.repeat)
    await insertSteps(ctx.db, tenantId, { id: instance.row.id, caseId: instance.row.case_id }, [plan.repeat]);
  const retired = await skipOpenSteps(
    ctx.db,
    tenantId,
    { ids: plan.retire },
    { reason: RETIRED_REASON, at, by: ctx.actor.userId },
  );
  if (plan.done)
    await endInstanceRow(ctx.db, tenantId, instance.row.id, { status: 'done', at, reason: null });
  return {
    deadlinesStarted: plan.deadlines.length,
    repeated: plan.repeat !== null,
    retired,
    done: plan.done,
  };
}

/**
 * The one call other services make when they save a record that may complete a step (a help plan, a kollegiale
 * Beratung, an approval, a § 8a record ...). In every running instance of the case (or only those about `subject`),
 * the first open step whose `completedBy` is this kind of record is done, recorded as completed by this record;
 * then what follows happens (followUp). A record completes at most one step per instance, and never twice: saving
 * it again, or saving the next record of the kind, does not tick the same box again.
 * The caller has checked write access to the case (requireCase) in the same transaction. Options:
 * - `subject`: only the instances about this record (the child-protection check the record belongs to);
 * - `urgency`: the urgency the record decided (the Ersteinschätzung), recorded before the deadlines after it are set;
 * - `at`: when it happened, if earlier than now (a report received by phone and typed in later); the deadlines
 *   after it count from then.
 * Returns the ids of the completed steps.
 */
export async function completeProcessSteps(
  ctx: Ctx,
  caseId: string,
  recordKind: ProcessRecordKind,
  recordId: string,
  options: { subject?: ProcessSubject; urgency?: ProcessUrgency; at?: Date } = {},
): Promise<string[]> {
  const tenantId = ctx.actor.tenantId;
  const instances = await loadInstances(ctx, caseId, {
    running: true,
    ...(options.subject ? { subject: options.subject } : {}),
  });
  const completed: string[] = [];
  for (const instance of instances) {
    const target = stepForRecord(instance.definition.steps, instance.steps, recordKind);
    if (!target) continue;
    const record = { type: recordKind, id: recordId };
    if (await recordCompletedStep(ctx.db, tenantId, instance.row.id, record)) continue;
    const at = options.at && options.at.getTime() < Date.now() ? options.at : new Date();
    const result = await closeStepRow(ctx.db, tenantId, target.id, target.version, {
      state: 'erledigt',
      skipReason: null,
      at,
      by: ctx.actor.userId,
      record,
    });
    // Closed meanwhile by someone else in a transaction that committed first: nothing to complete.
    if (result.numUpdatedRows === 0n) continue;
    target.state = 'erledigt';
    target.doneAt = at;
    const urgencyDeadlinesSet = options.urgency ? await applyUrgency(ctx, instance, options.urgency) : 0;
    const followed = await followUp(ctx, instance, target, at);
    await ctx.audit({
      action: 'update',
      entityType: 'process_step',
      entityId: target.id,
      details: {
        caseId,
        instanceId: instance.row.id,
        step: target.key,
        state: 'erledigt',
        recordType: recordKind,
        recordId,
        ...(options.urgency ? { urgency: options.urgency, urgencyDeadlinesSet } : {}),
        ...followed,
      },
    });
    completed.push(target.id);
  }
  return completed;
}

/**
 * A case is closed: its running instances end as cancelled, their open steps skipped, so that nothing of a closed
 * case stays due. The caller has checked write access.
 */
export async function endProcessesOfClosedCase(ctx: Ctx, caseId: string): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const at = new Date();
  const reason = 'Fall abgeschlossen.';
  for (const instance of await listInstanceRows(ctx.db, tenantId, caseId, { running: true })) {
    const skipped = await skipOpenSteps(
      ctx.db,
      tenantId,
      { instanceId: instance.id },
      { reason, at, by: ctx.actor.userId },
    );
    await endInstanceRow(ctx.db, tenantId, instance.id, { status: 'cancelled', at, reason });
    await ctx.audit({
      action: 'update',
      entityType: 'process_instance',
      entityId: instance.id,
      details: { caseId, status: 'cancelled', cause: 'case_closed', skippedSteps: skipped },
    });
  }
}
