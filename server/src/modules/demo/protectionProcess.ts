import type { ReplayEvent } from '../processes/engine.ts';
import { replay } from '../processes/engine.ts';
import type { Emitter, ReportSpec } from './protectionRecords.ts';
import { randomUuid } from './random.ts';

const HOUR = 3_600_000;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

/** The check's "Kinderschutz" instance, replayed from what happened (processes/engine.ts). */
export function emitProcess(
  e: Emitter,
  r: ReportSpec,
  checkId: string,
  consequences: { id: string; at: Date }[],
) {
  const process = e.process;
  if (!process) return;
  const by = r.takenBy;
  const record = (type: string) => ({ type, id: checkId });
  const events: ReplayEvent[] = [{ at: r.receivedAt, by, record: record('child_protection.report') }];
  if (r.urgency)
    events.push({
      at: r.urgency.at,
      by: r.urgency.by,
      record: record('child_protection.initial_assessment'),
      urgency: r.urgency.value,
    });
  if (r.assessment) events.push({ at: r.assessment.at, by, record: record('child_protection.assessment') });
  if (r.visit) events.push({ at: plus(r.visit.at, HOUR), by, record: record('child_protection.visit') });
  if (r.result) events.push({ at: r.result.at, by: r.result.by, record: record('child_protection.result') });
  for (const m of consequences)
    events.push({ at: m.at, by, record: { type: 'child_protection.consequence', id: m.id } });
  const replayed = replay(process.steps, r.receivedAt, events);
  const id = randomUuid(e.rnd);
  e.rows.push('process_instance', {
    tenant_id: e.tenantId,
    id,
    case_id: r.c.row.id,
    definition_id: process.id,
    status: replayed.endedAt ? 'done' : 'running',
    urgency: r.urgency?.value ?? null,
    subject_type: 'child_protection_check',
    subject_id: checkId,
    started_at: r.receivedAt,
    started_by: by,
    ended_at: replayed.endedAt,
    cancel_reason: null,
  });
  for (const s of replayed.steps) {
    e.rows.push('process_step', {
      tenant_id: e.tenantId,
      instance_id: id,
      case_id: r.c.row.id,
      step_key: s.key,
      position: s.position,
      occurrence: s.occurrence,
      state: s.state,
      skip_reason: s.skipReason,
      due_at: s.dueAt,
      done_at: s.doneAt,
      done_by: s.doneAt ? s.doneBy : null,
      completed_by_type: s.record?.type ?? null,
      completed_by_id: s.record?.id ?? null,
    });
  }
}
