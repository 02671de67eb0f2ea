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

const berlinParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far German office time is ahead of UTC at an instant (1 or 2 hours), in milliseconds. */
function berlinOffsetMs(at: number): number {
  const parts = berlinParts.formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The value of an `<input type="datetime-local">` ("2026-03-02T10:15"), read as German office time, as the
 * instant the API takes ("2026-03-02T09:15:00.000Z"); '' for an empty or unreadable value. In the hour that is
 * skipped when summer time begins, the time counts in winter time.
 */
export function berlinLocalToInstant(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return '';
  const wall = Date.UTC(
    +(m[1] ?? 0),
    +(m[2] ?? 1) - 1,
    +(m[3] ?? 1),
    +(m[4] ?? 0),
    +(m[5] ?? 0),
    +(m[6] ?? 0),
  );
  const guess = wall - berlinOffsetMs(wall);
  return new Date(wall - berlinOffsetMs(guess)).toISOString();
}

/** An instant as the value of an `<input type="datetime-local">` in German office time ("2026-03-02T10:15"). */
export function instantToBerlinLocal(instant: string | Date): string {
  const at = new Date(instant).getTime();
  return new Date(at + berlinOffsetMs(at)).toISOString().slice(0, 16);
}
