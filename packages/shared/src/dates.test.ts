import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  berlinDateOf,
  berlinDateTimeOf,
  berlinEndOfDay,
  DATE_INPUT_BOUNDS,
  dateOfDay,
  dateSchema,
  dayNumber,
  daysInclusive,
  formatDateDe,
  instantOfBerlinDateTime,
  instantSchema,
  monthBounds,
  parseDateDe,
  quarterBounds,
  quarterOf,
  quartersBetween,
  todayIso,
  weekdayOf,
} from './dates.ts';

describe('calendar dates', () => {
  it('takes "today" in Berlin, not UTC: 23:30 UTC on 31 December is already New Year in Berlin', () => {
    expect(todayIso(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(berlinDateOf(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(berlinDateOf(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts both ends of a period', () => {
    expect(daysInclusive('2026-01-01', '2026-01-31')).toBe(31);
    expect(daysInclusive('2026-01-05', '2026-01-05')).toBe(1);
    expect(daysInclusive('2026-01-05', '2026-01-04')).toBe(0);
    expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366);
  });

  it('knows month and quarter bounds, February of a leap year included', () => {
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2026-11-17')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(quarterBounds(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOf('2026-03-31')).toBe(1);
    expect(quarterOf('2026-04-01')).toBe(2);
  });

  it('clamps a month step to the last day of the target month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('counts an age in whole years, reached on the birthday (29 February on 28 February)', () => {
    expect(ageOn('2014-06-15', '2026-06-14')).toBe(11);
    expect(ageOn('2014-06-15', '2026-06-15')).toBe(12);
    expect(ageOn('2012-02-29', '2026-02-27')).toBe(13);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(14);
    expect(ageOn('2026-01-10', '2026-01-10')).toBe(0);
  });

  it('round-trips every day between 1900 and 2200 through its day number', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2200-12-31') }), (day) => {
        const date = dateOfDay(day);
        expect(dayNumber(date)).toBe(day);
        expect(addDays(date, 1) > date).toBe(true);
        expect(quarterBounds(Number(date.slice(0, 4)), quarterOf(date)).from <= date).toBe(true);
      }),
    );
  });
});

describe('date input bounds', () => {
  it('are the first and last day dateSchema accepts, so a date picker offers nothing the server refuses', () => {
    expect(DATE_INPUT_BOUNDS).toEqual({ min: '1900-01-01', max: '2200-12-31' });
    expect(dateSchema.safeParse(DATE_INPUT_BOUNDS.min).success).toBe(true);
    expect(dateSchema.safeParse(DATE_INPUT_BOUNDS.max).success).toBe(true);
    expect(dateSchema.safeParse(addDays(DATE_INPUT_BOUNDS.min, -1)).success).toBe(false);
    expect(dateSchema.safeParse(addDays(DATE_INPUT_BOUNDS.max, 1)).success).toBe(false);
  });
});

describe('Berlin wall-clock time', () => {
  it('reads an instant as Berlin time in winter and in summer', () => {
    expect(berlinDateTimeOf(new Date('2026-01-14T13:30:00Z'))).toBe('2026-01-14T14:30');
    expect(berlinDateTimeOf(new Date('2026-07-14T13:30:00Z'))).toBe('2026-07-14T15:30');
    expect(berlinDateTimeOf(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01T00:30');
  });

  it('turns a Berlin time typed into a form back into the instant, across both switches of the clock', () => {
    expect(instantOfBerlinDateTime('2026-01-14T14:30').toISOString()).toBe('2026-01-14T13:30:00.000Z');
    expect(instantOfBerlinDateTime('2026-07-14T15:30').toISOString()).toBe('2026-07-14T13:30:00.000Z');
    // 29 March 2026: 02:00 does not exist in Berlin; 02:30 is read as 03:30 summer time.
    expect(instantOfBerlinDateTime('2026-03-29T01:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(instantOfBerlinDateTime('2026-03-29T02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantOfBerlinDateTime('2026-03-29T03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026: 02:30 happens twice; the first (summer time) counts.
    expect(instantOfBerlinDateTime('2026-10-25T02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantOfBerlinDateTime('2026-10-25T03:30').toISOString()).toBe('2026-10-25T02:30:00.000Z');
    expect(() => instantOfBerlinDateTime('14.01.2026 14:30')).toThrow(RangeError);
  });

  it('gives back every minute it was given, for any instant of the years in use', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') }),
        (d) => {
          if (Number.isNaN(d.getTime())) return;
          const minute = new Date(Math.floor(d.getTime() / 60_000) * 60_000);
          const local = berlinDateTimeOf(minute);
          // Only the repeated autumn hour is ambiguous: there the first of the two is chosen.
          const back = instantOfBerlinDateTime(local);
          expect(berlinDateTimeOf(back)).toBe(local);
          expect([0, 3_600_000]).toContain(minute.getTime() - back.getTime());
        },
      ),
    );
  });

  it('takes instants with a time zone in the accepted years only', () => {
    expect(instantSchema.safeParse('2026-01-14T13:30:00Z').success).toBe(true);
    expect(instantSchema.safeParse('2026-01-14T14:30:00+01:00').success).toBe(true);
    expect(instantSchema.safeParse('2026-01-14T13:30:00').success).toBe(false);
    expect(instantSchema.safeParse('0001-01-14T13:30:00Z').success).toBe(false);
  });
});

describe('weekdays and the end of a Berlin day', () => {
  it('knows the weekday of a date (1 Monday ... 7 Sunday)', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-06-15')).toBe(1);
    expect(weekdayOf('2026-06-14')).toBe(7);
    expect(weekdayOf('1900-01-01')).toBe(1);
  });

  it('ends a day at 23:59:59.999 Berlin time, in winter and in summer, also on the days the clocks change', () => {
    expect(berlinEndOfDay('2026-03-28').toISOString()).toBe('2026-03-28T22:59:59.999Z');
    expect(berlinEndOfDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(berlinEndOfDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });
});

describe('dates as people type them', () => {
  it('reads TT.MM.JJJJ, short days and months, and ISO, and refuses days that do not exist', () => {
    expect(parseDateDe('12.03.2015')).toBe('2015-03-12');
    expect(parseDateDe(' 1.3.2015 ')).toBe('2015-03-01');
    expect(parseDateDe('2015-03-12')).toBe('2015-03-12');
    expect(parseDateDe('31.02.2015')).toBeNull();
    expect(parseDateDe('12.03.15')).toBeNull();
    expect(parseDateDe('01.01.1899')).toBeNull();
    expect(parseDateDe('Müller')).toBeNull();
  });

  it('reads back every date formatDateDe writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2200-12-31') }), (day) => {
        const date = dateOfDay(day);
        expect(parseDateDe(formatDateDe(date))).toBe(date);
      }),
    );
  });
});

describe('quarters of a period', () => {
  it('lists every quarter a period touches, across a year end', () => {
    expect(quartersBetween('2025-11-30', '2026-04-01')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(quartersBetween('2026-02-01', '2026-02-02')).toEqual(['2026-Q1']);
  });
});
