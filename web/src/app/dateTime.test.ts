import { describe, expect, it } from 'vitest';
import { berlinLocalToInstant, formatDateTimeDe, instantToBerlinLocal } from './dateTime.ts';

describe('office time in forms', () => {
  it('reads a local time as German time in winter and in summer', () => {
    expect(berlinLocalToInstant('2026-03-02T10:15')).toBe('2026-03-02T09:15:00.000Z');
    expect(berlinLocalToInstant('2026-07-02T10:15')).toBe('2026-07-02T08:15:00.000Z');
    expect(berlinLocalToInstant('2026-10-25T01:30')).toBe('2026-10-24T23:30:00.000Z');
  });
  it('answers empty for what it cannot read', () => {
    expect(berlinLocalToInstant('')).toBe('');
    expect(berlinLocalToInstant('02.03.2026 10:15')).toBe('');
  });
  it('shows an instant as the local time it was read from, and formats it in German', () => {
    for (const local of ['2026-01-01T00:00', '2026-03-29T03:00', '2026-10-25T12:45', '2026-12-31T23:59']) {
      expect(instantToBerlinLocal(berlinLocalToInstant(local))).toBe(local);
    }
    expect(formatDateTimeDe('2026-03-02T09:15:00.000Z')).toBe('02.03.2026, 10:15');
  });
});
