import { hasPermission } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.ts';
import { conferenceAccess, mayManageTeamMember } from './policy.ts';

const actor = (roles: Actor['roles'], teamId: string | null = 'team-a'): Actor => ({
  tenantId: 't',
  userId: 'u',
  roles,
  teamId,
  deputyFor: [],
});

describe('who takes part in the Wochenkonferenz', () => {
  it('lets the team lead manage, members read, and nobody of another team or without a team see it', () => {
    expect(conferenceAccess(actor(['team_lead']), 'team-a')).toBe('manage');
    expect(conferenceAccess(actor(['case_manager']), 'team-a')).toBe('read');
    expect(conferenceAccess(actor(['district_coordinator']), 'team-a')).toBe('read');
    expect(conferenceAccess(actor(['team_lead']), 'team-b')).toBeNull();
    expect(conferenceAccess(actor(['director'], null), 'team-a')).toBeNull();
    expect(conferenceAccess(actor(['clerk']), 'team-a')).toBeNull();
    expect(conferenceAccess({ ...actor(['team_lead']), userId: null }, 'team-a')).toBeNull();
  });

  it('lets only the lead of a person’s team keep her expertise and training', () => {
    expect(mayManageTeamMember(actor(['team_lead']), { teamId: 'team-a' })).toBe(true);
    expect(mayManageTeamMember(actor(['team_lead']), { teamId: 'team-b' })).toBe(false);
    expect(mayManageTeamMember(actor(['case_manager']), { teamId: 'team-a' })).toBe(false);
    expect(mayManageTeamMember(actor(['team_lead']), { teamId: null })).toBe(false);
  });

  it('keeps controlling out of the conference and the team (aggregates only)', () => {
    expect(hasPermission(['controller'], 'conference:read')).toBe(false);
    expect(hasPermission(['controller'], 'team:read')).toBe(false);
  });
});
