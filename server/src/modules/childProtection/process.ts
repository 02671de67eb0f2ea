import type { CpUrgency } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { completeProcessSteps } from '../processes/completion.ts';
import { beginProcess } from '../processes/instances.ts';

/** What a save of the § 8a process records, as the core processes (Kernprozesse) know it. */
export type ChildProtectionRecordKind =
  | 'child_protection.report'
  | 'child_protection.initial_assessment'
  | 'child_protection.assessment'
  | 'child_protection.visit'
  | 'child_protection.result'
  | 'child_protection.consequence';

/**
 * THE single place where a saved step of the § 8a process meets the core processes (docs/processes.md): every save
 * of this module calls it once, inside the request's transaction, after the record and its audit entry are written.
 * Each check (one per report and child) runs its own "Kinderschutz" process, started by the report from the moment
 * it was received; the later records complete the steps of that process only (its subject is the check). The
 * Ersteinschätzung passes its urgency, which sets the deadlines of the assessment and the home visit.
 */
export async function recordSaved(
  ctx: Ctx,
  caseId: string,
  kind: ChildProtectionRecordKind,
  id: string,
  options: { checkId?: string; urgency?: CpUrgency; at?: Date } = {},
): Promise<void> {
  const subject = { type: 'child_protection_check', id: options.checkId ?? id };
  if (kind === 'child_protection.report') {
    await beginProcess(
      ctx,
      caseId,
      { definitionKey: 'kinderschutz', urgency: null },
      { allowParallel: true, subject, ...(options.at ? { startedAt: options.at } : {}) },
    );
  }
  await completeProcessSteps(ctx, caseId, kind, id, {
    subject,
    ...(options.urgency ? { urgency: options.urgency } : {}),
    ...(options.at ? { at: options.at } : {}),
  });
}
