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
