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

/** The reason given to the open repetitions that a later step made unnecessary. */
export const RETIRED_REASON = 'Nicht mehr nötig: ein späterer Schritt ist abgeschlossen.';

export interface StepRow {
  id: string;
  key: string;
  position: number;
  occurrence: number;
  state: StepState;
  dueAt: Date | null;
  /** When it was done or skipped (the anchor of the deadlines that count from it). */
  doneAt?: Date | null;
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

/**
 * When the urgency is recorded: every open step whose deadline names a period for it gets that period, counted
 * from its anchor (the start, or when its anchor step was first closed). A deadline set before the urgency was known
 * (the assessment counts from the report) is replaced; one whose anchor is still open waits as before.
 */
export function urgencyDeadlines(
  steps: readonly ProcessStepDefinition[],
  rows: readonly StepRow[],
  startedAt: Date,
  urgency: ProcessUrgency,
  calendar: WorkingCalendar = bremenCalendar,
): { id: string; dueAt: Date }[] {
  const out: { id: string; dueAt: Date }[] = [];
  for (const row of rows) {
    const deadline = steps[row.position]?.deadline;
    if (row.state !== 'offen' || !deadline?.byUrgency?.[urgency]) continue;
    const from = deadline.from;
    const anchor =
      from === 'start'
        ? startedAt
        : rows.find((r) => r.key === from.step && r.occurrence === 1 && r.state !== 'offen')?.doneAt;
    if (anchor) out.push({ id: row.id, dueAt: dueAt(anchor, resolveDeadline(deadline, urgency), calendar) });
  }
  return out;
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

/** Something that happened to an instance, for replaying its history (the demo city builds its processes so). */
export interface ReplayEvent {
  at: Date;
  by: string | null;
  /** A saved record of this kind completes its step (as completeProcessSteps would have) ... */
  record?: { type: string; id: string };
  /** ... or a user closes the first open occurrence of this step, done or (with a reason) skipped. */
  step?: string;
  skipReason?: string;
  /** The urgency this record decided (the Ersteinschätzung), as completeProcessSteps records it. */
  urgency?: ProcessUrgency;
}

export interface ReplayedStep extends StepRow {
  doneAt: Date | null;
  doneBy: string | null;
  skipReason: string | null;
  record: { type: string; id: string } | null;
}

/**
 * The steps of an instance after these events, in time order, by the same rules as a running instance (events
 * that find no open step change nothing; an event's urgency sets the deadlines that depend on it, as
 * completeProcessSteps does). `endedAt` is when the last open step was closed, or null.
 */
export function replay(
  steps: readonly ProcessStepDefinition[],
  startedAt: Date,
  events: readonly ReplayEvent[],
  calendar: WorkingCalendar = bremenCalendar,
): { steps: ReplayedStep[]; endedAt: Date | null } {
  const rows: ReplayedStep[] = initialSteps(steps, startedAt, null, calendar).map((s, i) => ({
    ...s,
    id: `step-${i}`,
    state: 'offen',
    doneAt: null,
    doneBy: null,
    skipReason: null,
    record: null,
  }));
  const used = new Set<string>();
  let urgency: ProcessUrgency | null = null;
  for (const event of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const record = event.record;
    const target = record
      ? used.has(`${record.type}:${record.id}`)
        ? undefined
        : stepForRecord(steps, rows, record.type)
      : rows.find((r) => r.key === event.step && r.state === 'offen');
    if (!target) continue;
    if (record) used.add(`${record.type}:${record.id}`);
    Object.assign(target, {
      state: event.skipReason ? 'uebersprungen' : 'erledigt',
      doneAt: event.at,
      doneBy: event.by,
      skipReason: event.skipReason ?? null,
      record: record ?? null,
    });
    if (event.urgency) {
      urgency = event.urgency;
      for (const d of urgencyDeadlines(steps, rows, startedAt, urgency, calendar)) {
        const row = rows.find((r) => r.id === d.id);
        if (row) row.dueAt = d.dueAt;
      }
    }
    const plan = afterClose(steps, rows, target, event.at, urgency, calendar);
    for (const d of plan.deadlines) {
      const row = rows.find((r) => r.id === d.id);
      if (row) row.dueAt = d.dueAt;
    }
    for (const row of rows.filter((r) => plan.retire.includes(r.id))) {
      Object.assign(row, {
        state: 'uebersprungen',
        doneAt: event.at,
        doneBy: event.by,
        skipReason: RETIRED_REASON,
      });
    }
    if (plan.repeat) {
      rows.push({
        ...plan.repeat,
        id: `step-${rows.length}`,
        state: 'offen',
        doneAt: null,
        doneBy: null,
        skipReason: null,
        record: null,
      });
    }
    if (plan.done) return { steps: rows, endedAt: event.at };
  }
  return { steps: rows, endedAt: null };
}
