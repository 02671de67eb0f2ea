import type { CaseDetail } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import { filterTimeline } from './timelineFilter.ts';

const note = (id: string, kind: 'hausbesuch' | 'telefonat') => ({
  at: '2026-01-14',
  kind: 'vermerk',
  text: id,
  note: {
    id,
    kind,
    occurredAt: '2026-01-14T10:00:00Z',
    author: 'A',
    correctsId: null,
    corrected: false,
    confided: null,
  },
});
const timeline: CaseDetail['timeline'] = [
  note('besuch', 'hausbesuch'),
  { at: '2026-01-13', kind: 'einordnung', text: 'Kurzberatung' },
  note('anruf', 'telefonat'),
  { at: '2026-01-12', kind: 'eingang', text: 'Falleingang' },
];
const texts = (entries: CaseDetail['timeline']) => entries.map((e) => e.text);

describe('the Verlauf filter', () => {
  it('shows everything, only the notes, or only the system events', () => {
    expect(texts(filterTimeline(timeline, 'alle', null))).toEqual([
      'besuch',
      'Kurzberatung',
      'anruf',
      'Falleingang',
    ]);
    expect(texts(filterTimeline(timeline, 'vermerke', null))).toEqual(['besuch', 'anruf']);
    expect(texts(filterTimeline(timeline, 'ereignisse', null))).toEqual(['Kurzberatung', 'Falleingang']);
  });

  it('narrows the notes to one kind and keeps the events beside them under "Alle"', () => {
    expect(texts(filterTimeline(timeline, 'vermerke', 'telefonat'))).toEqual(['anruf']);
    expect(texts(filterTimeline(timeline, 'alle', 'hausbesuch'))).toEqual([
      'besuch',
      'Kurzberatung',
      'Falleingang',
    ]);
  });
});
