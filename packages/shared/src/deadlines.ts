import { intSchema } from './common.ts';
import {
  addDays,
  addMonths,
  berlinDateOf,
  berlinEndOfDay,
  dateOfDay,
  dayNumber,
  weekdayOf,
} from './dates.ts';
import { z } from './zod.ts';

/*
 * Deadline arithmetic (docs/processes.md, "Deadlines"): the one place where a process step's deadline rule becomes
 * an instant. Pure; server and web use the same functions.
 *
 * - `hours` are elapsed hours: start + n × 3,600,000 ms. 24 hours across a daylight-saving change are 24 real
 *   hours, so the Berlin wall clock then shows 23:00 or 01:00 instead of the start's time. Urgent child protection
 *   counts like this: what matters is the time that has passed, not what the clock says.
 * - `days` are calendar days, `workingDays` skip Saturdays, Sundays and the calendar's public holidays (Bremen's
 *   by default), `months` are calendar months that clamp at month ends (31 January + 1 month = 28 or 29 February).
 *   All three count from the calendar day in Berlin on which the deadline starts (that day itself never counts)
 *   and end at the end of the resulting day: 23:59:59.999 Berlin time, the last moment at which the step is
 *   still on time. A step done on the day it is due is on time; from midnight on it is overdue.
 */

export const deadlineUnits = ['hours', 'workingDays', 'days', 'months'] as const;
export type DeadlineUnit = (typeof deadlineUnits)[number];

export const deadlineUnitLabels: Record<DeadlineUnit, { one: string; many: string }> = {
  hours: { one: 'Stunde', many: 'Stunden' },
  workingDays: { one: 'Arbeitstag', many: 'Arbeitstage' },
  days: { one: 'Kalendertag', many: 'Kalendertage' },
  months: { one: 'Monat', many: 'Monate' },
};

/** The longest deadline each unit may express; longer ones are a typing error or belong in the next unit. */
export const deadlineMaxima: Record<DeadlineUnit, number> = {
  hours: 720,
  workingDays: 250,
  days: 730,
  months: 36,
};

/** A step's key inside its definition: 'hilfeplangespraech', 'ersteinschaetzung'. */
export const stepKeySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
  error: 'Kleinbuchstaben, Ziffern und „_“, beginnend mit einem Buchstaben, höchstens 40 Zeichen.',
});

/** The length of a deadline: a unit and a positive whole amount. */
export const deadlinePeriodShape = {
  unit: z.enum(deadlineUnits, {
    error: 'Bitte eine Einheit wählen: Stunden, Arbeitstage, Kalendertage oder Monate.',
  }),
  amount: intSchema({ min: 1 }),
};
export interface DeadlinePeriod {
  unit: DeadlineUnit;
  amount: number;
}

/** Refuses an amount beyond its unit's maximum, on the field `amount` (use with superRefine). */
export function refineDeadlineMaximum(period: DeadlinePeriod, ctx: z.RefinementCtx): void {
  const max = deadlineMaxima[period.unit];
  if (period.amount > max) {
    ctx.addIssue({
      code: 'custom',
      path: ['amount'],
      message: `Höchstens ${max} ${deadlineUnitLabels[period.unit].many}; längere Fristen bitte in einer größeren Einheit angeben.`,
    });
  }
}

export const deadlinePeriodSchema = z.object(deadlinePeriodShape).superRefine(refineDeadlineMaximum);

/** Where a deadline starts: when the process started, or when an earlier step was done or skipped. */
export const deadlineFromSchema = z.union([z.literal('start'), z.object({ step: stepKeySchema })], {
  error: 'Bitte „start“ oder einen früheren Schritt angeben.',
});
export type DeadlineFrom = z.infer<typeof deadlineFromSchema>;

export const deadlineRuleShape = { ...deadlinePeriodShape, from: deadlineFromSchema };
export const deadlineRuleSchema = z.object(deadlineRuleShape).superRefine(refineDeadlineMaximum);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/** A working calendar: which dates are public holidays. Weekends are never working days. */
export interface WorkingCalendar {
  name: string;
  isPublicHoliday(date: string): boolean;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher, after Gauss). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The public holidays of the Land Bremen in a year, in date order: the nine nationwide ones (Neujahr, Karfreitag,
 * Ostermontag, Tag der Arbeit, Christi Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit, 1. and 2.
 * Weihnachtstag) and Reformationstag (31 October; a holiday in Bremen since 2018, nationwide once in 2017).
 * Today's law is applied to every year from 1991 on; earlier years are outside what a deadline can reach.
 */
export function bremenPublicHolidays(year: number): { date: string; name: string }[] {
  const easter = easterSunday(year);
  const fixed = (mmdd: string) => `${year}-${mmdd}`;
  const holidays = [
    { date: fixed('01-01'), name: 'Neujahr' },
    { date: addDays(easter, -2), name: 'Karfreitag' },
    { date: addDays(easter, 1), name: 'Ostermontag' },
    { date: fixed('05-01'), name: 'Tag der Arbeit' },
    { date: addDays(easter, 39), name: 'Christi Himmelfahrt' },
    { date: addDays(easter, 50), name: 'Pfingstmontag' },
    { date: fixed('10-03'), name: 'Tag der Deutschen Einheit' },
    ...(year >= 2017 ? [{ date: fixed('10-31'), name: 'Reformationstag' }] : []),
    { date: fixed('12-25'), name: '1. Weihnachtstag' },
    { date: fixed('12-26'), name: '2. Weihnachtstag' },
  ];
  return holidays.sort((x, y) => dayNumber(x.date) - dayNumber(y.date));
}

const bremenYears = new Map<number, Set<string>>();

/** Bremen's working calendar (the holidays computed once per year and kept). */
export const bremenCalendar: WorkingCalendar = {
  name: 'Bremen',
  isPublicHoliday(date) {
    const year = Number(date.slice(0, 4));
    let dates = bremenYears.get(year);
    if (!dates) {
      dates = new Set(bremenPublicHolidays(year).map((h) => h.date));
      bremenYears.set(year, dates);
    }
    return dates.has(date);
  },
};

export function isWorkingDay(date: string, calendar: WorkingCalendar = bremenCalendar): boolean {
  return weekdayOf(date) <= 5 && !calendar.isPublicHoliday(date);
}

/** The n-th working day after `date` (`date` itself never counts; n ≥ 1). */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar = bremenCalendar): string {
  // On day numbers: 1970-01-01 (day 0) was a Thursday, so (day + 3) mod 7 is 5 on Saturdays and 6 on Sundays.
  let day = dayNumber(date);
  for (let left = n; left > 0; ) {
    day += 1;
    const weekend = (((day + 3) % 7) + 7) % 7 >= 5;
    if (!weekend && !calendar.isPublicHoliday(dateOfDay(day))) left -= 1;
  }
  return dateOfDay(day);
}

/** The Berlin calendar day a period ends on, counted from the Berlin day of `start` (not for hours). */
export function dueDateOf(start: Date, period: DeadlinePeriod, calendar: WorkingCalendar = bremenCalendar) {
  const from = berlinDateOf(start);
  switch (period.unit) {
    case 'hours':
      return berlinDateOf(new Date(start.getTime() + period.amount * 3_600_000));
    case 'days':
      return addDays(from, period.amount);
    case 'workingDays':
      return addWorkingDays(from, period.amount, calendar);
    case 'months':
      return addMonths(from, period.amount);
  }
}

/**
 * The instant a deadline ends: `hours` elapsed after `start`, or the end (23:59:59.999 Berlin time) of the day the
 * period ends on. See the comment at the top of this file.
 */
export function dueAt(start: Date, period: DeadlinePeriod, calendar: WorkingCalendar = bremenCalendar): Date {
  if (period.unit === 'hours') return new Date(start.getTime() + period.amount * 3_600_000);
  return berlinEndOfDay(dueDateOf(start, period, calendar));
}

/** "24 Stunden", "1 Monat", "10 Arbeitstage". */
export function formatDeadlinePeriod(period: DeadlinePeriod): string {
  const label = deadlineUnitLabels[period.unit];
  return `${period.amount} ${period.amount === 1 ? label.one : label.many}`;
}
