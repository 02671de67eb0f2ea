import type { ProcessDefinition, ProcessInstance, ProcessRecordKind, ProcessStep } from '@leuchtturm/shared';
import type { LoadedInstance } from './completion.ts';
import type { DefinitionRow } from './queries/definitions.ts';
import { parseSteps } from './steps.ts';

/** Rows → the shared response types, field by field. */

export function presentDefinition(r: DefinitionRow): ProcessDefinition {
  return {
    id: r.id,
    key: r.key,
    version: r.version,
    name: r.name,
    steps: parseSteps(r.steps),
    latest: r.newer_version === null,
    instances: Number(r.instances ?? 0),
    createdAt: r.created_at.toISOString(),
  };
}

export function presentInstance(loaded: LoadedInstance, now: Date): ProcessInstance {
  const { row, definition } = loaded;
  const titleOf = (key: string) => definition.steps.find((s) => s.key === key)?.title ?? key;
  return {
    id: row.id,
    caseId: row.case_id,
    definition: {
      id: definition.id,
      key: definition.key,
      version: definition.version,
      name: definition.name,
    },
    status: row.status as ProcessInstance['status'],
    urgency: row.urgency as ProcessInstance['urgency'],
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    startedAt: row.started_at.toISOString(),
    startedBy: row.started_by ? { id: row.started_by, name: row.started_by_name ?? '' } : null,
    endedAt: row.ended_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    version: row.version,
    steps: loaded.stepRows.map((s): ProcessStep => {
      const def = definition.steps[s.position];
      const from = def?.deadline?.from;
      const open = s.state === 'offen';
      return {
        id: s.id,
        key: s.step_key,
        occurrence: s.occurrence,
        title: def?.title ?? s.step_key,
        role: def?.role ?? 'case_manager',
        state: s.state as ProcessStep['state'],
        skipReason: s.skip_reason,
        dueAt: s.due_at?.toISOString() ?? null,
        waitsFor: open && !s.due_at && from && from !== 'start' ? titleOf(from.step) : null,
        overdue: open && s.due_at !== null && s.due_at.getTime() < now.getTime(),
        doneAt: s.done_at?.toISOString() ?? null,
        doneBy: s.done_by ? { id: s.done_by, name: s.done_by_name ?? '' } : null,
        completedByRecord:
          s.completed_by_type && s.completed_by_id
            ? { type: s.completed_by_type as ProcessRecordKind, id: s.completed_by_id }
            : null,
        completedBy: def?.completedBy ?? null,
        setsUrgency: def?.setsUrgency ?? false,
        checklist: def?.checklist ?? [],
        documents: def?.documents ?? [],
        version: s.version,
      };
    }),
  };
}
