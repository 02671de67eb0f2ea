import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatedPeerRole } from './caseInputs.ts';

describe('the three roles of a kollegiale Beratung', () => {
  it('names the role that repeats an earlier one, and none when all three differ', () => {
    const roles = (moderatorId: string, minutesId: string, perspectiveId: string) =>
      repeatedPeerRole({ moderatorId, minutesId, perspectiveId });
    expect(roles('a', 'b', 'c')).toBeNull();
    expect(roles('a', 'a', 'c')).toBe('minutesId');
    expect(roles('a', 'b', 'a')).toBe('perspectiveId');
    expect(roles('a', 'b', 'b')).toBe('perspectiveId');
    expect(roles('a', 'a', 'a')).toBe('minutesId');
    expect(repeatedPeerRole({ moderatorId: null, minutesId: null, perspectiveId: null })).toBeNull();
  });

  it('finds a repeat exactly when the three are not three different people', () => {
    const id = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(id, id, id, (moderatorId, minutesId, perspectiveId) => {
        const repeated = repeatedPeerRole({ moderatorId, minutesId, perspectiveId });
        expect(repeated !== null).toBe(new Set([moderatorId, minutesId, perspectiveId]).size < 3);
      }),
    );
  });
});
