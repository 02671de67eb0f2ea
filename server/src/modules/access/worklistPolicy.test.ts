import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.ts';
import { caseAccessReason, deadlineEscalationCandidates, teamWorklistOf } from './policy.ts';

const actor = (over: Partial<Actor>): Actor => ({
  tenantId: 't',
  userId: 'u',
  roles: ['case_manager'],
  teamId: 'team-a',
  deputyFor: [],
  ...over,
});

describe('whose work list', () => {
  it('gives a team lead her own team and nobody else a team', () => {
    expect(teamWorklistOf(actor({ roles: ['team_lead'] }))).toBe('team-a');
    expect(teamWorklistOf(actor({ roles: ['case_manager'] }))).toBeNull();
    expect(teamWorklistOf(actor({ roles: ['team_lead'], teamId: null }))).toBeNull();
    expect(teamWorklistOf(actor({ roles: ['team_lead'], userId: null }))).toBeNull();
  });

  it("the team's list covers exactly the cases the team-lead reason of the case rule admits", () => {
    const lead = actor({ userId: 'tl', roles: ['team_lead'] });
    const team = teamWorklistOf(lead);
    for (const teamId of ['team-a', 'team-b']) {
      const subject = { teamId, leadUserId: 'cm', grantedUserIds: [] };
      expect(caseAccessReason(lead, subject) === 'team_lead').toBe(team === teamId);
    }
  });
});

describe('whom a passed child-protection deadline is escalated to', () => {
  it('names the team leads, their deputies and the lead case manager, each once', () => {
    expect(
      deadlineEscalationCandidates({
        leadUserId: 'cm',
        teamLeadUserIds: ['tl', 'tl'],
        teamLeadDeputyIds: ['dep', 'cm'],
      }),
    ).toEqual(['tl', 'dep', 'cm']);
  });

  it('names no lead case manager for a case not yet allocated', () => {
    expect(
      deadlineEscalationCandidates({ leadUserId: null, teamLeadUserIds: ['tl'], teamLeadDeputyIds: [] }),
    ).toEqual(['tl']);
  });
});
