import type { Role } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.ts';
import { caseAccessReason, intakeAccess, mayAllocateCases } from './policy.ts';

const actor = (userId: string, role: Role, teamId: string | null): Actor => ({
  tenantId: 't',
  userId,
  roles: [role],
  teamId,
  deputyFor: [],
});

// A case waiting on the allocation list: no team, no lead, the intake case manager granted.
const waiting = { teamId: null, leadUserId: null, grantedUserIds: ['cm-taker'] };

describe('a case without a team (the allocation list)', () => {
  it('opens to nobody by the team rule, not even a team lead without a team', () => {
    expect(caseAccessReason(actor('tl-a', 'team_lead', 'team-a'), waiting)).toBeNull();
    expect(caseAccessReason(actor('tl-none', 'team_lead', null), waiting)).toBeNull();
    expect(caseAccessReason(actor('cm-taker', 'case_manager', 'team-a'), waiting)).toBe('granted');
  });

  it('is allocated by a team lead with a team, into that team, and by nobody else', () => {
    expect(mayAllocateCases(actor('tl-a', 'team_lead', 'team-a'))).toBe('team-a');
    expect(mayAllocateCases(actor('tl-none', 'team_lead', null))).toBeNull();
    expect(mayAllocateCases(actor('cm-a', 'case_manager', 'team-a'))).toBeNull();
    expect(mayAllocateCases(actor('dir', 'director', null))).toBeNull();
  });

  it('keeps whoever took the intake in by a grant, also a team lead or a case manager without a team', () => {
    expect(intakeAccess(actor('cm-a', 'case_manager', 'team-a'), null)).toEqual({
      leadUserId: null,
      grantToTaker: true,
    });
    expect(intakeAccess(actor('cm-none', 'case_manager', null), null)).toEqual({
      leadUserId: null,
      grantToTaker: true,
    });
    expect(intakeAccess(actor('tl-a', 'team_lead', 'team-a'), null).grantToTaker).toBe(true);
  });
});
