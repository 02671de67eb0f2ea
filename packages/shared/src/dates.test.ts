import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  berlinDateOf,
  berlinEndOfDay,
  berlinInstant,
  dateOfDay,
  dayNumber,
  daysInclusive,
  monthBounds,
  quarterBounds,
  quarterOf,
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

  it('knows the weekday of a date (1 Monday ... 7 Sunday)', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-06-15')).toBe(1);
    expect(weekdayOf('2026-06-14')).toBe(7);
    expect(weekdayOf('1900-01-01')).toBe(1);
  });

  it('turns Berlin wall-clock time into an instant in winter and in summer', () => {
    expect(berlinInstant('2026-01-15', '09:30:00.000').toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(berlinInstant('2026-07-15', '09:30:00.000').toISOString()).toBe('2026-07-15T07:30:00.000Z');
    expect(berlinEndOfDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(berlinEndOfDay('2026-03-28').toISOString()).toBe('2026-03-28T22:59:59.999Z');
    expect(berlinEndOfDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });
});
