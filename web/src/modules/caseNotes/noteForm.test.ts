import type { CaseNote } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import { noteBody, noteFormValues } from './noteForm.ts';

const note: CaseNote = {
  id: '11111111-1111-4111-8111-111111111111',
  occurredAt: '2026-07-14T13:30:00.000Z',
  kind: 'telefonat',
  staff: [{ id: '22222222-2222-4222-8222-222222222222', name: 'Test' }],
  others: ['Frau B. (Mutter)', 'Kita'],
  text: 'Rückruf der Mutter.',
  author: { id: '33333333-3333-4333-8333-333333333333', name: 'Test' },
  createdAt: '2026-07-14T13:40:00.000Z',
  updatedAt: null,
  editableUntil: '2026-07-15T13:40:00.000Z',
  mayEdit: true,
  version: 1,
  link: { type: 'mandate', id: '44444444-4444-4444-8444-444444444444' },
  corrects: null,
  correctedBy: [],
  confided: null,
};

describe('the note form', () => {
  it('starts empty at the present minute in Berlin time', () => {
    expect(noteFormValues(undefined, new Date('2026-01-14T13:30:45Z'))).toEqual({
      occurredAt: '2026-01-14T14:30',
      kind: null,
      staffIds: [],
      others: '',
      text: '',
      link: null,
    });
  });

  it('fills in a note and sends it back unchanged', () => {
    const values = noteFormValues(note);
    expect(values).toMatchObject({ occurredAt: '2026-07-14T15:30', others: 'Frau B. (Mutter)\nKita' });
    expect(noteBody(values)).toEqual({
      occurredAt: note.occurredAt,
      kind: note.kind,
      staffIds: ['22222222-2222-4222-8222-222222222222'],
      others: note.others,
      text: note.text,
      link: note.link,
    });
  });

  it('drops empty participant lines and leaves a time it cannot read empty for the schema to name', () => {
    const body = noteBody({ ...noteFormValues(note), others: '  \nKita  \n\n', occurredAt: '', link: null });
    expect(body.others).toEqual(['Kita']);
    expect(body.occurredAt).toBe('');
    expect(body.link).toBeNull();
  });
});
