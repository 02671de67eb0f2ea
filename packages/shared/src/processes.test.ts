import { describe, expect, it } from 'vitest';
import { describeDeadline, processStepsSchema, resolveDeadline } from './processes.ts';

const step = (key: string, from: 'start' | { step: string }, amount = 5) => ({
  key,
  title: `Schritt ${key}`,
  role: 'case_manager',
  deadline: { unit: 'workingDays', amount, from },
});
const paths = (steps: unknown) =>
  processStepsSchema.safeParse(steps).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('process steps as data', () => {
  it('accepts deadlines from the start or an earlier step, and fills in the optional fields', () => {
    const parsed = processStepsSchema.parse([step('a', 'start'), step('b', { step: 'a' })]);
    expect(parsed[1]).toMatchObject({ checklist: [], documents: [], completedBy: null, repeatEvery: null });
  });

  it('refuses a deadline that waits for itself, a later step or an unknown one, naming the path', () => {
    expect(paths([step('a', { step: 'a' })])).toEqual(['0.deadline.from.step']);
    expect(paths([step('a', { step: 'b' }), step('b', { step: 'a' })])).toEqual(['0.deadline.from.step']);
    expect(paths([step('a', 'start'), step('b', { step: 'x' })])).toEqual(['1.deadline.from.step']);
  });

  it('refuses duplicate keys, amounts of zero and no steps at all', () => {
    expect(paths([step('a', 'start'), step('a', 'start')])).toEqual(['1.key']);
    expect(paths([step('a', 'start', 0)])).toEqual(['0.deadline.amount']);
    expect(paths([])).toEqual(['']);
  });

  it('takes the period for the urgency when the rule has one, else the rule', () => {
    const deadline = {
      unit: 'workingDays' as const,
      amount: 5,
      from: 'start' as const,
      byUrgency: { sofort: { unit: 'hours' as const, amount: 4 } },
    };
    expect(resolveDeadline(deadline, 'sofort')).toEqual({ unit: 'hours', amount: 4 });
    expect(resolveDeadline(deadline, 'regulaer')).toEqual({ unit: 'workingDays', amount: 5 });
    expect(resolveDeadline(deadline, null)).toEqual({ unit: 'workingDays', amount: 5 });
  });

  it('describes a deadline in words', () => {
    const steps = [{ key: 'antrag', title: 'Antrag' }];
    expect(describeDeadline({ unit: 'workingDays', amount: 10, from: { step: 'antrag' } }, steps)).toBe(
      '10 Arbeitstage nach „Antrag“',
    );
    expect(describeDeadline({ unit: 'hours', amount: 1, from: 'start' }, steps)).toBe(
      '1 Stunde nach dem Start',
    );
    expect(describeDeadline(null, steps)).toBe('ohne Frist');
  });
});
