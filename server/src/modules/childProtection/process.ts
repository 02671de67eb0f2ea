import type { Ctx } from '../../shared/context.ts';

/** What a save of the § 8a process records, as the core processes (Kernprozesse) will know it. */
export type ChildProtectionRecordKind =
  | 'child_protection.report'
  | 'child_protection.initial_assessment'
  | 'child_protection.assessment'
  | 'child_protection.visit'
  | 'child_protection.result'
  | 'child_protection.consequence';

/**
 * THE single place where a saved step of the § 8a process meets the core processes: every save of this module
 * calls it once, inside the request's transaction, after the record and its audit entry are written.
 *
 * TO WIRE after merging the process module: `await completeProcessSteps(ctx, caseId, kind, id);`
 * (it completes the case's process steps that wait for this kind of record). Until then it does nothing.
 */
export async function recordSaved(
  _ctx: Ctx,
  _caseId: string,
  _kind: ChildProtectionRecordKind,
  _id: string,
): Promise<void> {}
