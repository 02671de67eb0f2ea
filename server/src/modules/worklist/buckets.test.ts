import { instantOfBerlinDateTime, type WorklistItem } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import { dueAtInstant, dueOnDate, sortWorklist, worklistOf, worklistWindow } from './buckets.ts';

// Wednesday 9 December 2026, 10:00 in Berlin.
const w = worklistWindow(instantOfBerlinDateTime('2026-12-09T10:00'));
const at = (local: string) => instantOfBerlinDateTime(local);

describe('the buckets of the work list', () => {
  it('runs the week from today to Sunday, Berlin time', () => {
    expect([w.today, w.weekEnd]).toEqual(['2026-12-09', '2026-12-13']);
    expect(w.untilAt.toISOString()).toBe('2026-12-13T22:59:59.999Z');
    // Late on a Sunday evening in Berlin it is still Sunday (UTC is an hour behind), and the week is that day.
    const sunday = worklistWindow(new Date('2026-12-13T22:30:00Z'));
    expect([sunday.today, sunday.weekEnd]).toEqual(['2026-12-13', '2026-12-13']);
  });

  it('makes a deadline counted in hours overdue from the instant it passes, not from the next day', () => {
    expect(dueAtInstant(at('2026-12-09T09:59'), w)?.bucket).toBe('ueberfaellig');
    expect(dueAtInstant(at('2026-12-09T10:01'), w)).toMatchObject({ bucket: 'heute', overdue: false });
    expect(dueAtInstant(at('2026-12-13T23:59'), w)).toMatchObject({
      bucket: 'diese_woche',
      dueOn: '2026-12-13',
    });
    expect(dueAtInstant(at('2026-12-14T00:00'), w)).toBeNull();
  });

  it('keeps a date on time all of its day', () => {
    expect(dueOnDate('2026-12-08', w)).toMatchObject({ bucket: 'ueberfaellig', overdue: true, dueAt: null });
    expect(dueOnDate('2026-12-09', w)).toMatchObject({ bucket: 'heute', overdue: false });
    expect(dueOnDate('2026-12-13', w)?.bucket).toBe('diese_woche');
    expect(dueOnDate('2026-12-14', w)).toBeNull();
  });
});

const item = (over: Partial<WorklistItem> & Pick<WorklistItem, 'id'>): WorklistItem => ({
  kind: 'auftrag_frist',
  childProtection: false,
  title: 't',
  case: { id: '00000000-0000-4000-8000-000000000001', caseNumber: '2026-00001', family: 'F' },
  lead: null,
  dueAt: null,
  dueOn: '2026-12-09',
  overdue: false,
  bucket: 'heute',
  link: { caseId: '00000000-0000-4000-8000-000000000001', section: 'einordnung' },
  ...over,
});

describe('the order of the work list', () => {
  it('puts child protection first in each bucket, then the earliest deadline (a date at the end of its day)', () => {
    const items = [
      item({ id: 'late-date', dueOn: '2026-12-09' }),
      item({ id: 'week', bucket: 'diese_woche', dueOn: '2026-12-10', childProtection: true }),
      item({ id: 'morning', dueAt: at('2026-12-09T11:00').toISOString() }),
      item({ id: 'cp-evening', childProtection: true, dueAt: at('2026-12-09T20:00').toISOString() }),
      item({ id: 'overdue', bucket: 'ueberfaellig', overdue: true, dueOn: '2026-12-01' }),
    ];
    expect(sortWorklist(items).map((i) => i.id)).toEqual([
      'overdue',
      'cp-evening',
      'morning',
      'late-date',
      'week',
    ]);
  });

  it('counts every item, cuts the list at the maximum and says so', () => {
    const items = [
      item({ id: 'a', bucket: 'ueberfaellig', overdue: true, childProtection: true }),
      item({ id: 'b', bucket: 'ueberfaellig', overdue: true }),
      item({ id: 'c' }),
    ];
    const list = worklistOf(items, w, 2);
    expect(list.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(list.counts).toEqual({ ueberfaellig: 2, heute: 1, diese_woche: 0, kinderschutzUeberfaellig: 1 });
    expect(list.truncated).toBe(true);
    expect(worklistOf(items, w).truncated).toBe(false);
  });
});
