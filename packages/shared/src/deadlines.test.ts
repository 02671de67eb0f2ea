import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, berlinDateOf, dateOfDay, dayNumber, instantOfBerlinDateTime, weekdayOf } from './dates.ts';
import {
  addWorkingDays,
  bremenCalendar,
  bremenPublicHolidays,
  type DeadlinePeriod,
  deadlineRuleSchema,
  dueAt,
  dueDateOf,
  easterSunday,
  formatDeadlinePeriod,
  isWorkingDay,
} from './deadlines.ts';

/** Berlin wall-clock time of an instant, 'YYYY-MM-DD HH:MM'. */
const berlinClock = (instant: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(instant);
const at = (date: string, time: string) => instantOfBerlinDateTime(`${date}T${time}`);
const hours = (amount: number): DeadlinePeriod => ({ unit: 'hours', amount });
const workingDays = (amount: number): DeadlinePeriod => ({ unit: 'workingDays', amount });
const months = (amount: number): DeadlinePeriod => ({ unit: 'months', amount });

describe('deadlines in hours: elapsed time, Europe/Berlin', () => {
  it('runs across midnight into the next calendar day', () => {
    const due = dueAt(at('2026-06-10', '22:30'), hours(4));
    expect(berlinClock(due)).toBe('2026-06-11 02:30');
  });

  it('counts 24 real hours across the spring change of 29 March 2026 (the clock then shows 21:00, not 20:00)', () => {
    const start = at('2026-03-28', '20:00');
    expect(start.toISOString()).toBe('2026-03-28T19:00:00.000Z');
    const due = dueAt(start, hours(24));
    expect(due.getTime() - start.getTime()).toBe(24 * 3_600_000);
    expect(due.toISOString()).toBe('2026-03-29T19:00:00.000Z');
    expect(berlinClock(due)).toBe('2026-03-29 21:00');
  });

  it('counts 24 real hours across the autumn change of 25 October 2026 (the clock then shows 19:00, not 20:00)', () => {
    const start = at('2026-10-24', '20:00');
    expect(start.toISOString()).toBe('2026-10-24T18:00:00.000Z');
    const due = dueAt(start, hours(24));
    expect(due.toISOString()).toBe('2026-10-25T18:00:00.000Z');
    expect(berlinClock(due)).toBe('2026-10-25 19:00');
  });

  it('counts the hour the clocks skip: 01:30 + 1 h on 29 March 2026 is 03:30 summer time', () => {
    expect(berlinClock(dueAt(at('2026-03-29', '01:30'), hours(1)))).toBe('2026-03-29 03:30');
  });
});

describe('deadlines in working days (Bremen)', () => {
  it('skips the weekend: Friday + 1 working day is Monday, due at its end (23:59:59.999 Berlin)', () => {
    const due = dueAt(at('2026-06-12', '09:00'), workingDays(1));
    expect(due.toISOString()).toBe('2026-06-15T21:59:59.999Z');
    expect(berlinClock(due)).toBe('2026-06-15 23:59');
  });

  it('skips Karfreitag, the Easter weekend and Ostermontag: Thursday 2 April 2026 + 1 is Tuesday 7 April', () => {
    expect(dueDateOf(at('2026-04-02', '15:00'), workingDays(1))).toBe('2026-04-07');
    expect(dueDateOf(at('2026-04-02', '15:00'), workingDays(3))).toBe('2026-04-09');
  });

  it("skips Bremen's Reformationstag: Thursday 30 October 2025 + 1 is Monday 3 November", () => {
    expect(dueDateOf(at('2025-10-30', '10:00'), workingDays(1))).toBe('2025-11-03');
  });

  it('skips Christmas in winter time: 24 December 2026 + 1 ends 28 December, 23:59:59.999 CET', () => {
    expect(dueAt(at('2026-12-24', '11:00'), workingDays(1)).toISOString()).toBe('2026-12-28T22:59:59.999Z');
  });

  it('counts from the Berlin day of the start, not the UTC day: Sunday 00:30 Berlin is still Sunday', () => {
    const start = at('2026-06-14', '00:30');
    expect(start.toISOString()).toBe('2026-06-13T22:30:00.000Z');
    expect(dueDateOf(start, workingDays(1))).toBe('2026-06-15');
  });

  it('never ends on a weekend or a public holiday, and always after the start day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2100-12-31') }),
        fc.integer({ min: 1, max: 250 }),
        (day, n) => {
          const date = dateOfDay(day);
          const end = addWorkingDays(date, n);
          expect(weekdayOf(end)).toBeLessThanOrEqual(5);
          expect(bremenCalendar.isPublicHoliday(end)).toBe(false);
          expect(end > date).toBe(true);
        },
      ),
    );
  });

  it('adds up: a + b working days are a working days and then b more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2100-12-31') }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (day, a, b) => {
          const date = dateOfDay(day);
          expect(addWorkingDays(date, a + b)).toBe(addWorkingDays(addWorkingDays(date, a), b));
        },
      ),
    );
  });
});

describe('deadlines in months and days', () => {
  it('clamps at month ends: 31 January + 1 month is 28 February, in a leap year 29 February', () => {
    expect(dueDateOf(at('2026-01-31', '10:00'), months(1))).toBe('2026-02-28');
    expect(dueDateOf(at('2024-01-31', '10:00'), months(1))).toBe('2024-02-29');
    expect(dueDateOf(at('2026-03-31', '10:00'), months(1))).toBe('2026-04-30');
    expect(dueAt(at('2026-08-31', '10:00'), months(6)).toISOString()).toBe('2027-02-28T22:59:59.999Z');
  });

  it('counts calendar days over weekends and holidays alike', () => {
    expect(dueDateOf(at('2026-04-02', '10:00'), { unit: 'days', amount: 5 })).toBe('2026-04-07');
  });

  it('grows with the amount in every unit, and day-based deadlines end at the last millisecond of a Berlin day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2100-01-01') }),
        fc.constantFrom('hours', 'workingDays', 'days', 'months'),
        fc.integer({ min: 1, max: 30 }),
        (ms, unit, amount) => {
          const start = new Date(ms);
          const due = dueAt(start, { unit, amount });
          expect(dueAt(start, { unit, amount: amount + 1 }).getTime()).toBeGreaterThan(due.getTime());
          expect(due.getTime()).toBeGreaterThan(start.getTime());
          if (unit === 'hours') expect(due.getTime() - ms).toBe(amount * 3_600_000);
          else {
            const day = berlinDateOf(due);
            expect(berlinDateOf(new Date(due.getTime() + 1))).toBe(addDays(day, 1));
          }
        },
      ),
    );
  });
});

describe('public holidays of Bremen', () => {
  it('finds Easter Sunday by the Gauss/anonymous algorithm, including the extreme dates', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the ten holidays of 2026, Reformationstag included', () => {
    expect(bremenPublicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-10-03',
      '2026-10-31',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(bremenPublicHolidays(2016).some((h) => h.name === 'Reformationstag')).toBe(false);
    expect(isWorkingDay('2016-10-31')).toBe(true);
    expect(isWorkingDay('2026-05-14')).toBe(false);
  });

  it('puts Easter on a Sunday between 22 March and 25 April in every year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const easter = easterSunday(year);
        expect(weekdayOf(easter)).toBe(7);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});

describe('the deadline rule schema', () => {
  it('refuses an amount of zero or below and one beyond the unit, on the field amount', () => {
    for (const rule of [
      { unit: 'hours', amount: 0, from: 'start' },
      { unit: 'workingDays', amount: -3, from: 'start' },
      { unit: 'hours', amount: 721, from: 'start' },
    ]) {
      const result = deadlineRuleSchema.safeParse(rule);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['amount']);
    }
    expect(
      deadlineRuleSchema.safeParse({ unit: 'months', amount: 6, from: { step: 'antrag' } }).success,
    ).toBe(true);
  });

  it('says a period the way people do', () => {
    expect(formatDeadlinePeriod(hours(1))).toBe('1 Stunde');
    expect(formatDeadlinePeriod(workingDays(10))).toBe('10 Arbeitstage');
  });
});
