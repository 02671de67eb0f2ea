import { z } from './zod.ts';

/** The years a date of this domain can have (births, plans, validity); PostgreSQL refuses e.g. the year 0. */
export const DATE_YEARS = { min: 1900, max: 2200 } as const;

/** A calendar date as 'YYYY-MM-DD' (never a Date: no time zone can shift it), in a sensible range of years. */
export const dateSchema = z.iso
  .date({ error: 'Bitte ein Datum angeben (TT.MM.JJJJ).' })
  .refine((d) => Number(d.slice(0, 4)) >= DATE_YEARS.min && Number(d.slice(0, 4)) <= DATE_YEARS.max, {
    error: `Bitte ein Datum mit einem Jahr zwischen ${DATE_YEARS.min} und ${DATE_YEARS.max} angeben.`,
  });

export function todayIso(now = new Date()): string {
  // The office works in German time; a date is the calendar day in Europe/Berlin.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function formatDateDe(date: string | null | undefined): string {
  if (!date) return '–';
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}
