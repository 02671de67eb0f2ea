import { berlinDateTimeOf, instantOfBerlinDateTime } from '@leuchtturm/shared';

const short = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'medium',
  timeStyle: 'short',
});
const withSeconds = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'medium',
  timeStyle: 'medium',
});

/** An instant from the API ("2026-11-02T09:15:00.000Z") as German office time: "02.11.2026, 10:15". */
export function formatDateTimeDe(instant: string, { seconds = false }: { seconds?: boolean } = {}): string {
  return (seconds ? withSeconds : short).format(new Date(instant));
}

/**
 * The value of an `<input type="datetime-local">` ("2026-03-02T10:15"), read as German office time, as the
 * instant the API takes ("2026-03-02T09:15:00.000Z"); '' for an empty or unreadable value. In the hour that is
 * skipped when summer time begins, the time counts in winter time (the shared `instantOfBerlinDateTime`).
 */
export function berlinLocalToInstant(local: string): string {
  const minute = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2})?$/.exec(local)?.[1];
  if (!minute) return '';
  try {
    return instantOfBerlinDateTime(minute).toISOString();
  } catch {
    return '';
  }
}

/** An instant as the value of an `<input type="datetime-local">` in German office time ("2026-03-02T10:15"). */
export function instantToBerlinLocal(instant: string | Date): string {
  return berlinDateTimeOf(new Date(instant));
}
