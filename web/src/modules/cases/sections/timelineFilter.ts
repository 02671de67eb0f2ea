import type { CaseDetail, CaseNoteKind } from '@leuchtturm/shared';

type Entry = CaseDetail['timeline'][number];
export type TimelineView = 'alle' | 'vermerke' | 'ereignisse';

/** Which entries of the Verlauf a filter keeps: Aktenvermerke (of one kind, or all) and/or the system events. */
export function filterTimeline(
  entries: readonly Entry[],
  view: TimelineView,
  kind: CaseNoteKind | null,
): Entry[] {
  return entries.filter((e) =>
    e.note ? view !== 'ereignisse' && (!kind || e.note.kind === kind) : view !== 'vermerke',
  );
}
