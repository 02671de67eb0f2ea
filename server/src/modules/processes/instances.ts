import type {
  ProcessCancelInput,
  ProcessInstance,
  ProcessUrgency,
  processStartInputSchema,
  processStepUpdateSchema,
  z,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { requireCase } from '../cases/access.ts';
import { applyUrgency, followUp, loadInstances, type ProcessSubject } from './completion.ts';
import { initialSteps } from './engine.ts';
import { presentInstance } from './presenter.ts';
import { latestDefinition } from './queries/definitions.ts';
import {
  closeStepRow,
  endInstanceRow,
  findCaseStep,
  findInstance,
  hasRunningInstance,
  insertInstance,
  insertSteps,
  skipOpenSteps,
} from './queries/instances.ts';
import { parseSteps } from './steps.ts';

/**
 * Process instances of a case: start, list, close a step by hand, cancel. Every function checks access to the case
 * first (requireCase), then the rules, then writes and audits.
 */

type StartInput = z.output<typeof processStartInputSchema>;

/** How other modules start a process: several of a kind per case, about a record, from an earlier instant. */
export interface StartOptions {
  /** More than one running instance of the definition on the case (child protection: one per report). */
  allowParallel?: boolean;
  /** The record the instance is about; completeProcessSteps can then address this instance alone. */
  subject?: ProcessSubject;
  /** When it started, if earlier than now (the report's receipt); the deadlines from the start count from then. */
  startedAt?: Date;
}

/**
 * Starts the newest version of a definition on the case; the deadlines that run from the start are set now. One
 * instance of a definition runs at a time unless `allowParallel`.
 */
export async function startProcess(
  ctx: Ctx,
  caseId: string,
  input: StartInput,
  options: StartOptions = {},
): Promise<{ id: string }> {
  await requireCase(ctx, caseId, 'write');
  return beginProcess(ctx, caseId, input, options);
}

/**
 * startProcess for a caller that has just created the case or checked write access itself in this transaction
 * (the intake starts counselling on every new case, even when the person taking it does not lead it).
 */
export async function beginProcess(
  ctx: Ctx,
  caseId: string,
  input: StartInput,
  options: StartOptions = {},
): Promise<{ id: string }> {
  const tenantId = ctx.actor.tenantId;
  const definition = await latestDefinition(ctx.db, tenantId, input.definitionKey);
  if (!definition) throw AppError.validation('definitionKey', 'Diesen Prozess gibt es nicht.');
  if (!options.allowParallel && (await hasRunningInstance(ctx.db, tenantId, caseId, definition.key))) {
    throw new AppError('conflict', `Der Prozess „${definition.name}“ läuft in diesem Fall bereits.`, {
      fieldErrors: [{ field: 'definitionKey', message: 'Dieser Prozess läuft bereits.' }],
    });
  }
  const startedAt =
    options.startedAt && options.startedAt.getTime() < Date.now() ? options.startedAt : new Date();
  const id = await insertInstance(ctx.db, tenantId, {
    caseId,
    definitionId: definition.id,
    urgency: input.urgency,
    subject: options.subject ?? null,
    startedAt,
    startedBy: ctx.actor.userId,
  });
  await insertSteps(
    ctx.db,
    tenantId,
    { id, caseId },
    initialSteps(parseSteps(definition.steps), startedAt, input.urgency),
  );
  await ctx.audit({
    action: 'create',
    entityType: 'process_instance',
    entityId: id,
    details: { caseId, definition: definition.key, version: definition.version },
  });
  return { id };
}

/** The case's processes, newest first, each with its steps in order. */
export async function listCaseProcesses(ctx: Ctx, caseId: string): Promise<ProcessInstance[]> {
  await requireCase(ctx, caseId, 'read');
  const instances = await loadInstances(ctx, caseId);
  await ctx.audit({ action: 'read', entityType: 'process_list', entityId: caseId });
  const now = new Date();
  return instances.map((i) => presentInstance(i, now));
}

/**
 * A user closes a step: done (the Ersteinschätzung also records the urgency) or skipped with a reason. Only an
 * open step of a running instance, at the version the user saw.
 */
export async function updateProcessStep(
  ctx: Ctx,
  caseId: string,
  stepId: string,
  input: z.output<typeof processStepUpdateSchema>,
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const found = await findCaseStep(ctx.db, tenantId, caseId, stepId);
  if (!found) throw AppError.notFound('Der Prozessschritt');
  if (found.instance_status !== 'running')
    throw new AppError(
      'conflict',
      'Der Prozess ist beendet; seine Schritte können nicht mehr geändert werden.',
    );
  if (found.state !== 'offen' && found.version === input.version)
    throw new AppError('conflict', 'Dieser Schritt ist bereits abgeschlossen.');
  const [instance] = await loadInstances(ctx, caseId, { instanceId: found.instance_id });
  const step = instance?.steps.find((s) => s.id === stepId);
  if (!instance || !step) throw AppError.notFound('Der Prozessschritt');
  const urgency: ProcessUrgency | null = input.state === 'erledigt' ? input.urgency : null;
  if (urgency && !instance.definition.steps[step.position]?.setsUrgency)
    throw AppError.validation('urgency', 'Bei diesem Schritt wird keine Dringlichkeit festgehalten.');

  const at = new Date();
  const result = await closeStepRow(ctx.db, tenantId, stepId, input.version, {
    state: input.state,
    skipReason: input.state === 'uebersprungen' ? input.reason : null,
    at,
    by: ctx.actor.userId,
    record: null,
  });
  await expectOneUpdated(result, () => findCaseStep(ctx.db, tenantId, caseId, stepId), 'Der Prozessschritt');
  step.state = input.state;
  step.doneAt = at;
  if (urgency) await applyUrgency(ctx, instance, urgency);
  const followed = await followUp(ctx, instance, step, at);
  await ctx.audit({
    action: 'update',
    entityType: 'process_step',
    entityId: stepId,
    details: {
      caseId,
      instanceId: instance.row.id,
      step: step.key,
      state: input.state,
      ...(urgency ? { urgency } : {}),
      ...followed,
    },
  });
}

/** Cancels a running instance with a reason; its open steps are skipped with that reason. */
export async function cancelProcess(
  ctx: Ctx,
  caseId: string,
  instanceId: string,
  input: ProcessCancelInput,
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const found = await findInstance(ctx.db, tenantId, caseId, instanceId);
  if (!found) throw AppError.notFound('Der Prozess');
  if (found.status !== 'running' && found.version === input.version)
    throw new AppError('conflict', 'Der Prozess ist bereits beendet.');
  const at = new Date();
  const result = await endInstanceRow(ctx.db, tenantId, instanceId, {
    status: 'cancelled',
    at,
    reason: input.reason,
    version: input.version,
  });
  await expectOneUpdated(result, () => findInstance(ctx.db, tenantId, caseId, instanceId), 'Der Prozess');
  const skipped = await skipOpenSteps(
    ctx.db,
    tenantId,
    { instanceId },
    { reason: `Prozess abgebrochen: ${input.reason}`, at, by: ctx.actor.userId },
  );
  await ctx.audit({
    action: 'update',
    entityType: 'process_instance',
    entityId: instanceId,
    details: { caseId, status: 'cancelled', skippedSteps: skipped },
  });
}
