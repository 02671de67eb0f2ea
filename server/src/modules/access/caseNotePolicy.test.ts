import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.ts';
import { caseNoteEditableUntil, caseNoteEditRefusal } from './policy.ts';

const actor = (userId: string | null): Actor => ({
  tenantId: 't',
  userId,
  roles: ['case_manager'],
  teamId: 'team-a',
  deputyFor: [],
});
const written = new Date('2026-03-02T09:00:00Z');
const note = { authorId: 'cm-a', createdAt: written };
const hours = (h: number) => new Date(written.getTime() + h * 3_600_000);

describe('who may change an Aktenvermerk', () => {
  it('lets the author change it until 24 hours after writing it', () => {
    expect(caseNoteEditRefusal(actor('cm-a'), note, written)).toBeNull();
    expect(caseNoteEditRefusal(actor('cm-a'), note, new Date(hours(24).getTime() - 1))).toBeNull();
  });

  it('fixes it at 24 hours: from then on only a correction', () => {
    expect(caseNoteEditRefusal(actor('cm-a'), note, hours(24))).toBe('fixed');
    expect(caseNoteEditRefusal(actor('cm-a'), note, hours(24 * 30))).toBe('fixed');
    expect(caseNoteEditableUntil(written)).toEqual(hours(24));
  });

  it('never lets anybody else change it, not even within the 24 hours (the deputy and the team lead included)', () => {
    expect(caseNoteEditRefusal(actor('deputy-a'), note, hours(1))).toBe('not_author');
    expect(caseNoteEditRefusal({ ...actor('tl-a'), roles: ['team_lead'] }, note, hours(1))).toBe(
      'not_author',
    );
    expect(caseNoteEditRefusal(actor(null), note, hours(1))).toBe('not_author');
  });
});
