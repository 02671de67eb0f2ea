import { z } from './zod.ts';

/** The years a date of this domain can have (births, plans, validity); PostgreSQL refuses e.g. the year 0. */
export const DATE_YEARS = { min: 1900, max: 2200 } as const;

/**
 * The same range for the web app's date inputs (`min`/`max` of `<input type="date">`), so that the browser's
 * picker offers no date the schemas refuse, and its year field takes four digits.
 */
export const DATE_INPUT_BOUNDS = {
  min: `${DATE_YEARS.min}-01-01`,
  max: `${DATE_YEARS.max}-12-31`,
} as const;

/** A calendar date as 'YYYY-MM-DD' (never a Date: no time zone can shift it), in a sensible range of years. */
export const dateSchema = z.iso
  .date({ error: 'Bitte ein Datum angeben (TT.MM.JJJJ).' })
  .refine((d) => Number(d.slice(0, 4)) >= DATE_YEARS.min && Number(d.slice(0, 4)) <= DATE_YEARS.max, {
    error: `Bitte ein Datum mit einem Jahr zwischen ${DATE_YEARS.min} und ${DATE_YEARS.max} angeben.`,
  });

/** A calendar month as 'YYYY-MM', in the same years as a date (the year 0080 reached the database: security fuzzing). */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Bitte einen Monat als JJJJ-MM angeben.' })
  .refine((m) => Number(m.slice(0, 4)) >= DATE_YEARS.min && Number(m.slice(0, 4)) <= DATE_YEARS.max, {
    error: `Bitte einen Monat mit einem Jahr zwischen ${DATE_YEARS.min} und ${DATE_YEARS.max} angeben.`,
  });

/**
 * An instant (a point in time) as an ISO 8601 string with its offset ("2026-03-02T09:15:00.000Z" or
 * "2026-03-02T10:15:00+01:00"), in the same years as a date. The server stores it as `timestamptz`.
 */
export const instantSchema = z.iso
  .datetime({ offset: true, error: 'Bitte Datum und Uhrzeit angeben.' })
  .refine((t) => Number(t.slice(0, 4)) >= DATE_YEARS.min && Number(t.slice(0, 4)) <= DATE_YEARS.max, {
    error: `Bitte ein Datum mit einem Jahr zwischen ${DATE_YEARS.min} und ${DATE_YEARS.max} angeben.`,
  });

const berlinDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

export function todayIso(now = new Date()): string {
  // The office works in German time; a date is the calendar day in Europe/Berlin.
  return berlinDay.format(now);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The age in whole years on a day (a birthday on 29 February is reached on 28 February in other years). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return addMonths(birthDate, years * 12) > on ? years - 1 : years;
}

export function formatDateDe(date: string | null | undefined): string {
  if (!date) return '–';
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * A date as people type it, "TT.MM.JJJJ" (also "1.3.2015") or ISO "JJJJ-MM-TT", as an ISO date; null for anything
 * else, including a day that does not exist (31.02.) or a year outside the domain's range.
 */
export function parseDateDe(text: string): string | null {
  const trimmed = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const iso = german ? `${german[3]}-${german[2]?.padStart(2, '0')}-${german[1]?.padStart(2, '0')}` : trimmed;
  return dateSchema.safeParse(iso).success ? iso : null;
}

/*
 * Day arithmetic on calendar dates. A date is a day number since 1970-01-01 (UTC has no daylight-saving jumps, so
 * every day is 86,400,000 ms there); these are the only functions that convert between the two.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The 'YYYY-MM-DD' date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Days from `from` to `to`, both counted (a measure from the 1st to the 31st runs 31 days); 0 when to < from. */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last day of the month of a date or of a 'YYYY-MM' month. */
export function monthBounds(dateOrMonth: string): { from: string; to: string } {
  const [y, m] = dateOrMonth.split('-').map(Number) as [number, number];
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

/** The quarter (1-4) of a date. */
export function quarterOf(date: string): 1 | 2 | 3 | 4 {
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

/** The quarters a period touches, as "2026-Q1", in order. */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let quarter: number = quarterOf(from);
  const endYear = Number(to.slice(0, 4));
  const endQuarter = quarterOf(to);
  while (year < endYear || (year === endYear && quarter <= endQuarter)) {
    out.push(`${year}-Q${quarter}`);
    quarter = quarter === 4 ? 1 : quarter + 1;
    if (quarter === 1) year++;
  }
  return out;
}

/** First and last day of a quarter. */
export function quarterBounds(year: number, quarter: 1 | 2 | 3 | 4): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  return {
    from: `${year}-${String(first).padStart(2, '0')}-01`,
    to: monthBounds(`${year}-${String(first + 2).padStart(2, '0')}`).to,
  };
}

/** The calendar day in Europe/Berlin of an instant (what "the day it happened" means to the office). */
export function berlinDateOf(instant: Date): string {
  return todayIso(instant);
}

/*
 * Instants as the office reads and types them: wall-clock time in Europe/Berlin ('YYYY-MM-DDTHH:mm', the value of
 * an <input type="datetime-local">), whatever time zone the browser or server runs in.
 */
const berlinParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function berlinFields(instant: Date): Record<string, string> {
  return Object.fromEntries(berlinParts.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** Berlin wall-clock time of an instant, to the minute: 'YYYY-MM-DDTHH:mm'. */
export function berlinDateTimeOf(instant: Date): string {
  const f = berlinFields(instant);
  return `${f.year}-${f.month}-${f.day}T${f.hour}:${f.minute}`;
}

/** Milliseconds Berlin is ahead of UTC at this instant (1 or 2 hours). */
function berlinOffsetMs(instant: Date): number {
  const f = berlinFields(instant);
  const wall = Date.UTC(
    Number(f.year),
    Number(f.month) - 1,
    Number(f.day),
    Number(f.hour),
    Number(f.minute),
    Number(f.second),
  );
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant of a Berlin wall-clock time 'YYYY-MM-DDTHH:mm'. In the hour skipped in spring the time is read with
 * the offset before the switch (02:30 becomes 03:30); in the hour repeated in autumn the first (summer) one counts.
 */
export function instantOfBerlinDateTime(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new RangeError(`not a local date-time: ${local}`);
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const first = berlinOffsetMs(new Date(asUtc - 2 * 3_600_000));
  const candidate = asUtc - first;
  const second = berlinOffsetMs(new Date(candidate));
  return new Date(second === first ? candidate : asUtc - Math.min(first, second));
}

/** The ISO weekday of a date: 1 = Monday ... 7 = Sunday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The last millisecond of a calendar day in Berlin (23:59:59.999 office time; no clock change happens then). */
export function berlinEndOfDay(date: string): Date {
  return new Date(instantOfBerlinDateTime(`${date}T23:59`).getTime() + 59_999);
}
