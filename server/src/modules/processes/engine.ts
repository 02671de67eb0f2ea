import {
  bremenCalendar,
  dueAt,
  type ProcessStepDefinition,
  type ProcessUrgency,
  resolveDeadline,
  type WorkingCalendar,
} from '@leuchtturm/shared';

/**
 * The rules of a running process, pure (docs/processes.md, "How an instance runs"). The services load the rows,
 * ask these functions what follows, and write it.
 */

export type StepState = 'offen' | 'erledigt' | 'uebersprungen';

export interface StepRow {
  id: string;
  key: string;
  position: number;
  occurrence: number;
  state: StepState;
  dueAt: Date | null;
}

export interface NewStep {
  key: string;
  position: number;
  occurrence: number;
  dueAt: Date | null;
}

/** The steps of a new instance: every step once, open; deadlines that run from the start are known now. */
export function initialSteps(
  steps: readonly ProcessStepDefinition[],
  startedAt: Date,
  urgency: ProcessUrgency | null,
  calendar: WorkingCalendar = bremenCalendar,
): NewStep[] {
  return steps.map((step, position) => ({
    key: step.key,
    position,
    occurrence: 1,
    dueAt:
      step.deadline?.from === 'start'
        ? dueAt(startedAt, resolveDeadline(step.deadline, urgency), calendar)
        : null,
  }));
}

/** The first open step a saved record of this kind completes, or undefined (one record, at most one step). */
export function stepForRecord<R extends StepRow>(
  steps: readonly ProcessStepDefinition[],
  rows: readonly R[],
  recordKind: string,
): R | undefined {
  return rows
    .filter((r) => r.state === 'offen' && steps[r.position]?.completedBy === recordKind)
    .sort((a, b) => a.position - b.position || a.occurrence - b.occurrence)[0];
}

export interface AfterClose {
  /** Open steps whose deadline starts now. */
  deadlines: { id: string; dueAt: Date }[];
  /** The next occurrence of a repeating step. */
  repeat: NewStep | null;
  /** Open occurrences of repeating steps that a later step has made unnecessary. */
  retire: string[];
  /** No step is left open: the instance is done. */
  done: boolean;
}

/**
 * What follows when a step is closed (done or skipped) at `at`; `rows` are all steps of the instance with the
 * closed one already closed.
 * - Steps whose deadline runs from the closed step get their deadline (once: a repeat does not move them).
 * - A repeating step comes back `repeatEvery` after it was closed, unless a later step is already closed.
 * - Closing a step ends the repetition of repeating steps before it: their open occurrences are retired.
 * - With no open step left, the instance is done.
 */
export function afterClose(
  steps: readonly ProcessStepDefinition[],
  rows: readonly StepRow[],
  closed: StepRow,
  at: Date,
  urgency: ProcessUrgency | null,
  calendar: WorkingCalendar = bremenCalendar,
): AfterClose {
  const deadlines: AfterClose['deadlines'] = [];
  for (const row of rows) {
    const deadline = steps[row.position]?.deadline;
    if (row.state !== 'offen' || row.dueAt !== null || !deadline || deadline.from === 'start') continue;
    if (deadline.from.step !== closed.key) continue;
    deadlines.push({ id: row.id, dueAt: dueAt(at, resolveDeadline(deadline, urgency), calendar) });
  }

  const retire = rows
    .filter((r) => r.state === 'offen' && r.position < closed.position && steps[r.position]?.repeatEvery)
    .map((r) => r.id);

  const every = steps[closed.position]?.repeatEvery;
  const laterClosed = rows.some((r) => r.position > closed.position && r.state !== 'offen');
  const openAlready = rows.some((r) => r.key === closed.key && r.state === 'offen');
  const repeat =
    every && !laterClosed && !openAlready
      ? {
          key: closed.key,
          position: closed.position,
          occurrence: Math.max(...rows.filter((r) => r.key === closed.key).map((r) => r.occurrence)) + 1,
          dueAt: dueAt(at, every, calendar),
        }
      : null;

  const retired = new Set(retire);
  const done = !repeat && rows.every((r) => r.state !== 'offen' || retired.has(r.id));
  return { deadlines, repeat, retire, done };
}
