import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.ts';
import { confidedContentShown, mayManageConfided, mayMarkConfided } from './policy.ts';

const actor = (userId: string | null, roles: Actor['roles'] = ['case_manager']): Actor => ({
  tenantId: 't',
  userId,
  roles,
  teamId: 'team-a',
  deputyFor: [],
});
const mark = { confidedBy: 'author', confidedTo: 'confidant', sharedWith: ['shared'], released: false };

describe('§ 65: who sees confided content', () => {
  it('shows unmarked content to anyone, for every use', () => {
    for (const use of ['view', 'pdf', 'export', 'disclose'] as const)
      expect(confidedContentShown(actor('x'), null, use)).toBe(true);
  });

  it('shows it on screen to the confidant, the author and whom they shared it with, to nobody else', () => {
    for (const user of ['author', 'confidant', 'shared'])
      expect(confidedContentShown(actor(user), mark, 'view'), user).toBe(true);
    expect(confidedContentShown(actor('lead', ['team_lead']), mark, 'view')).toBe(false);
    expect(confidedContentShown(actor(null), mark, 'view')).toBe(false);
  });

  it('keeps it out of PDFs, exports and the Auskunft without a release, even for the confidant', () => {
    for (const use of ['pdf', 'export', 'disclose'] as const) {
      expect(confidedContentShown(actor('confidant'), mark, use), use).toBe(false);
      expect(confidedContentShown(actor('confidant'), { ...mark, released: true }, use), use).toBe(true);
      expect(confidedContentShown(actor('lead'), { ...mark, released: true }, use), use).toBe(false);
    }
  });
});

describe('§ 65: who marks and manages', () => {
  it('lets only the author mark an item', () => {
    expect(mayMarkConfided(actor('author'), { authorIds: ['author'] })).toBe(true);
    expect(mayMarkConfided(actor('participant'), { authorIds: ['author', 'participant'] })).toBe(true);
    expect(mayMarkConfided(actor('other'), { authorIds: ['author'] })).toBe(false);
    expect(mayMarkConfided(actor(null), { authorIds: [] })).toBe(false);
  });

  it('lets the confidant and the author share, revoke and release, not whom it was shared with', () => {
    expect(mayManageConfided(actor('confidant'), mark)).toBe(true);
    expect(mayManageConfided(actor('author'), mark)).toBe(true);
    expect(mayManageConfided(actor('shared'), mark)).toBe(false);
  });
});
