import {
  addDays,
  berlinDateOf,
  berlinEndOfDay,
  todayIso,
  WORKLIST_MAX_ITEMS,
  type WorklistBucket,
  type WorklistCounts,
  type WorklistItem,
  weekdayOf,
} from '@leuchtturm/shared';

/**
 * When an item of the work list is due (docs/worklist.md): overdue, today or later this week, in Berlin time.
 * A deadline counted in hours is overdue from the instant it passes; one that is a date (a mandate, a review, a
 * planned end) from the next day on, as in "Meine Fälle".
 */
export interface WorklistWindow {
  now: Date;
  /** The Berlin day of `now`. */
  today: string;
  /** The Sunday of today's week (today itself on a Sunday). */
  weekEnd: string;
  /** The last instant of that Sunday: deadlines up to here are listed. */
  untilAt: Date;
}

export function worklistWindow(now: Date): WorklistWindow {
  const today = todayIso(now);
  const weekEnd = addDays(today, 7 - weekdayOf(today));
  return { now, today, weekEnd, untilAt: berlinEndOfDay(weekEnd) };
}

export interface Due {
  bucket: WorklistBucket;
  overdue: boolean;
  dueOn: string;
  dueAt: Date | null;
}

/** A deadline that is an instant (a § 8a deadline, a process step); null when it lies after this week. */
export function dueAtInstant(dueAt: Date, w: WorklistWindow): Due | null {
  const dueOn = berlinDateOf(dueAt);
  if (dueAt.getTime() < w.now.getTime()) return { bucket: 'ueberfaellig', overdue: true, dueOn, dueAt };
  if (dueOn === w.today) return { bucket: 'heute', overdue: false, dueOn, dueAt };
  if (dueOn <= w.weekEnd) return { bucket: 'diese_woche', overdue: false, dueOn, dueAt };
  return null;
}

/** A deadline that is a date: on time all of that day. */
export function dueOnDate(dueOn: string, w: WorklistWindow): Due | null {
  if (dueOn < w.today) return { bucket: 'ueberfaellig', overdue: true, dueOn, dueAt: null };
  if (dueOn === w.today) return { bucket: 'heute', overdue: false, dueOn, dueAt: null };
  if (dueOn <= w.weekEnd) return { bucket: 'diese_woche', overdue: false, dueOn, dueAt: null };
  return null;
}

const bucketOrder: Record<WorklistBucket, number> = { ueberfaellig: 0, heute: 1, diese_woche: 2 };

/**
 * The list's order: by bucket; in each, child protection first; then the earliest deadline (a date counts as the end
 * of its day), the case number and the item's id, so that the order is total.
 */
export function sortWorklist(items: WorklistItem[]): WorklistItem[] {
  const endOfDay = new Map<string, number>();
  const instant = (item: WorklistItem) => {
    if (item.dueAt) return Date.parse(item.dueAt);
    let t = endOfDay.get(item.dueOn);
    if (t === undefined) {
      t = berlinEndOfDay(item.dueOn).getTime();
      endOfDay.set(item.dueOn, t);
    }
    return t;
  };
  const keyed = items.map((item) => ({ item, at: instant(item) }));
  keyed.sort(
    (a, b) =>
      bucketOrder[a.item.bucket] - bucketOrder[b.item.bucket] ||
      Number(b.item.childProtection) - Number(a.item.childProtection) ||
      a.at - b.at ||
      compare(a.item.case?.caseNumber ?? '', b.item.case?.caseNumber ?? '') ||
      compare(a.item.id, b.item.id),
  );
  return keyed.map((k) => k.item);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function countWorklist(items: readonly WorklistItem[]): WorklistCounts {
  const counts: WorklistCounts = { ueberfaellig: 0, heute: 0, diese_woche: 0, kinderschutzUeberfaellig: 0 };
  for (const item of items) {
    counts[item.bucket]++;
    if (item.overdue && item.childProtection) counts.kinderschutzUeberfaellig++;
  }
  return counts;
}

/** The answer: sorted, counted, and cut to WORKLIST_MAX_ITEMS. */
export function worklistOf(items: WorklistItem[], w: WorklistWindow, max = WORKLIST_MAX_ITEMS) {
  const sorted = sortWorklist(items);
  return {
    today: w.today,
    weekEnd: w.weekEnd,
    items: sorted.slice(0, max),
    counts: countWorklist(sorted),
    truncated: sorted.length > max,
  };
}
