import { instantOfBerlinDateTime, type ProcessStepDefinition } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import { afterClose, initialSteps, replay, type StepRow, stepForRecord, urgencyDeadlines } from './engine.ts';
import { shippedDefinitions } from './shipped.ts';

const definition = (key: string) => {
  const found = shippedDefinitions.find((d) => d.key === key);
  if (!found) throw new Error(key);
  return found.steps;
};
const hze = definition('hilfe_zur_erziehung');
const childProtection = definition('kinderschutz');

/** The instance's rows as initialSteps makes them, with ids s0, s1, ... */
function rowsOf(steps: readonly ProcessStepDefinition[], start: Date): StepRow[] {
  return initialSteps(steps, start, null).map((s, i) => ({ ...s, id: `s${i}`, state: 'offen' }));
}
function close(rows: StepRow[], key: string, occurrence = 1): StepRow {
  const row = rows.find((r) => r.key === key && r.occurrence === occurrence);
  if (!row) throw new Error(key);
  row.state = 'erledigt';
  return row;
}

const start = instantOfBerlinDateTime('2026-03-02T09:00');

describe('a new instance', () => {
  it('knows the deadlines that run from the start; the others wait for their step', () => {
    const rows = initialSteps(hze, start, null);
    expect(rows.map((r) => [r.key, r.dueAt?.toISOString() ?? null])).toEqual([
      ['antrag', '2026-03-09T22:59:59.999Z'],
      ['kollegiale_beratung', null],
      ['hilfeplangespraech', null],
      ['bewilligung', null],
      ['massnahme', null],
      ['ueberpruefung', null],
      ['ende', null],
    ]);
  });
});

describe('completing by record', () => {
  it('picks the first open step of that kind: the first help plan the meeting, the next one the review', () => {
    const rows = rowsOf(hze, start);
    expect(stepForRecord(hze, rows, 'help_plan')?.key).toBe('hilfeplangespraech');
    close(rows, 'hilfeplangespraech');
    expect(stepForRecord(hze, rows, 'help_plan')?.key).toBe('ueberpruefung');
    expect(stepForRecord(hze, rows, 'child_protection.report')).toBeUndefined();
  });
});

describe('after a step is closed', () => {
  it('starts the deadlines that wait for it; the urgency recorded later resets those that have a period for it', () => {
    const rows = rowsOf(childProtection, start);
    const received = instantOfBerlinDateTime('2026-03-03T10:00');
    const report = close(rows, 'meldung');
    report.doneAt = received;
    const plan = afterClose(childProtection, rows, report, received, null);
    // Until the urgency is known the assessment and the visit are due two weeks after the report.
    expect(plan.deadlines.map((d) => [d.id, d.dueAt.toISOString()])).toEqual([
      ['s1', '2026-03-04T09:00:00.000Z'],
      ['s2', '2026-03-17T09:00:00.000Z'],
      ['s3', '2026-03-17T09:00:00.000Z'],
    ]);
    for (const d of plan.deadlines) {
      const row = rows.find((r) => r.id === d.id);
      if (row) row.dueAt = d.dueAt;
    }
    close(rows, 'ersteinschaetzung');
    // "sofort": one hour after the report, counted from the report, not from the Ersteinschätzung.
    expect(urgencyDeadlines(childProtection, rows, start, 'sofort')).toEqual([
      { id: 's2', dueAt: new Date('2026-03-03T10:00:00.000Z') },
      { id: 's3', dueAt: new Date('2026-03-03T10:00:00.000Z') },
    ]);
    expect(urgencyDeadlines(childProtection, rows, start, 'innerhalb_72h')[0]?.dueAt.toISOString()).toBe(
      '2026-03-06T09:00:00.000Z',
    );
  });

  it('brings the review back six months after it was done, until the end of the help is closed', () => {
    const rows = rowsOf(hze, start);
    for (const key of ['antrag', 'kollegiale_beratung', 'hilfeplangespraech', 'bewilligung', 'massnahme'])
      close(rows, key);
    const review = close(rows, 'ueberpruefung');
    const plan = afterClose(hze, rows, review, instantOfBerlinDateTime('2026-08-31T12:00'), null);
    expect(plan.repeat).toEqual({
      key: 'ueberpruefung',
      position: 5,
      occurrence: 2,
      dueAt: new Date('2027-02-28T22:59:59.999Z'),
    });
    expect(plan.done).toBe(false);

    rows.push({ id: 'r2', ...(plan.repeat as NonNullable<typeof plan.repeat>), state: 'offen' });
    const end = close(rows, 'ende');
    const ended = afterClose(hze, rows, end, new Date(), null);
    expect(ended.retire).toEqual(['r2']);
    expect(ended.repeat).toBeNull();
    expect(ended.done).toBe(true);
  });

  it('does not repeat the review once the end is closed, and is not done while a step is open', () => {
    const rows = rowsOf(hze, start);
    close(rows, 'ende');
    const review = close(rows, 'ueberpruefung');
    const plan = afterClose(hze, rows, review, new Date(), null);
    expect(plan.repeat).toBeNull();
    expect(plan.done).toBe(false);
  });

  it('never moves a deadline that is already running', () => {
    const rows = rowsOf(childProtection, start);
    const first = close(rows, 'ersteinschaetzung');
    const plan = afterClose(childProtection, rows, first, new Date('2026-03-03T09:00:00Z'), null);
    for (const d of plan.deadlines) {
      const row = rows.find((r) => r.id === d.id);
      if (row) row.dueAt = d.dueAt;
    }
    expect(
      afterClose(childProtection, rows, first, new Date('2026-04-03T09:00:00Z'), null).deadlines,
    ).toEqual([]);
  });
});

describe('replaying what happened', () => {
  it('completes steps by records and by hand in time order, as a running instance would', () => {
    const at = (day: string) => instantOfBerlinDateTime(`${day}T10:00`);
    const { steps, endedAt } = replay(hze, at('2026-01-05'), [
      { at: at('2026-02-01'), by: 'cm', record: { type: 'help_plan', id: 'plan-1' } },
      { at: at('2026-01-06'), by: 'cm', step: 'antrag' },
      { at: at('2026-01-07'), by: 'cm', step: 'kollegiale_beratung', skipReason: 'vorher beraten' },
      { at: at('2026-08-01'), by: 'cm', record: { type: 'help_plan', id: 'plan-2' } },
      { at: at('2026-08-02'), by: 'cm', record: { type: 'help_plan', id: 'plan-2' } },
    ]);
    expect(endedAt).toBeNull();
    expect(steps.map((s) => [s.key, s.occurrence, s.state, s.record?.id ?? null])).toEqual([
      ['antrag', 1, 'erledigt', null],
      ['kollegiale_beratung', 1, 'uebersprungen', null],
      ['hilfeplangespraech', 1, 'erledigt', 'plan-1'],
      ['bewilligung', 1, 'offen', null],
      ['massnahme', 1, 'offen', null],
      ['ueberpruefung', 1, 'erledigt', 'plan-2'],
      ['ende', 1, 'offen', null],
      ['ueberpruefung', 2, 'offen', null],
    ]);
    // Skipping started the deadline after it: 20 working days from 7 January 2026.
    expect(steps[2]?.dueAt?.toISOString()).toBe('2026-02-04T22:59:59.999Z');
    expect(steps[7]?.dueAt?.toISOString()).toBe('2027-02-01T22:59:59.999Z');
  });

  it('applies the urgency an event decided: the assessment and the visit are due by it, counted from the report', () => {
    const received = instantOfBerlinDateTime('2026-03-02T09:30');
    const { steps } = replay(childProtection, received, [
      { at: received, by: 'cm', record: { type: 'child_protection.report', id: 'c1' } },
      {
        at: instantOfBerlinDateTime('2026-03-02T10:15'),
        by: 'cm',
        record: { type: 'child_protection.initial_assessment', id: 'c1' },
        urgency: 'innerhalb_24h',
      },
    ]);
    const due = Object.fromEntries(steps.map((s) => [s.key, s.dueAt?.toISOString() ?? null]));
    expect(due.gefaehrdungseinschaetzung).toBe('2026-03-03T08:30:00.000Z');
    expect(due.hausbesuch).toBe('2026-03-03T08:30:00.000Z');
    expect(due.ergebnis).toBeNull();
  });
});
