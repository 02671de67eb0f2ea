import { hasPermission, permissions, type Role, roles } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { caseAccessReason, requireCaseAccess } from './policy.ts';

const teamA = 'team-a';
const teamB = 'team-b';
const actor = (userId: string, role: Role, teamId: string | null, deputyFor: string[] = []): Actor => ({
  tenantId: 't',
  userId,
  roles: [role],
  teamId,
  deputyFor,
});

// A case of team A led by cm-a; team lead A granted access to a colleague.
const caseOfTeamA = { teamId: teamA, leadUserId: 'cm-a', grantedUserIds: ['granted-a'] };

describe('case-level access with two teams', () => {
  it.each([
    ['the lead case manager', actor('cm-a', 'case_manager', teamA), 'lead'],
    ['a deputy of the lead', actor('deputy-a', 'case_manager', teamA, ['cm-a']), 'deputy'],
    ['the lead of the case team', actor('tl-a', 'team_lead', teamA), 'team_lead'],
    ['a granted colleague', actor('granted-a', 'case_manager', teamA), 'granted'],
  ] as const)('allows %s', (_label, who, reason) => {
    expect(caseAccessReason(who, caseOfTeamA)).toBe(reason);
  });

  it.each([
    ['a colleague of the same team', actor('other-a', 'case_manager', teamA)],
    ['a case manager of the other team', actor('cm-b', 'case_manager', teamB)],
    ['the lead of the other team', actor('tl-b', 'team_lead', teamB)],
    ['a deputy of someone else', actor('deputy-b', 'case_manager', teamB, ['cm-b'])],
    ['the director', actor('dir', 'director', null)],
    ['controlling', actor('ctl', 'controller', null)],
    ['the admin', actor('adm', 'admin', null)],
    ['the system', systemActor('t')],
  ] as const)('denies %s', (_label, who) => {
    expect(caseAccessReason(who, caseOfTeamA)).toBeNull();
    expect(() => requireCaseAccess(who, caseOfTeamA)).toThrow(AppError);
  });

  it('gives the team lead no access to a case without a lead in another team', () => {
    expect(
      caseAccessReason(actor('tl-b', 'team_lead', teamB), { ...caseOfTeamA, leadUserId: null }),
    ).toBeNull();
  });
});

describe('role permissions', () => {
  it('grants public and authenticated to everyone and nothing else by default', () => {
    expect(hasPermission([], 'public')).toBe(true);
    expect(hasPermission([], 'authenticated')).toBe(true);
    for (const p of permissions.filter((x) => x !== 'public' && x !== 'authenticated')) {
      expect(hasPermission([], p)).toBe(false);
    }
  });

  it('lets only admins manage the organisation and read the audit trail', () => {
    for (const role of roles) {
      expect(hasPermission([role], 'organisation:manage')).toBe(role === 'admin');
      expect(hasPermission([role], 'audit:read')).toBe(role === 'admin');
    }
  });

  it('keeps the staff list from controlling, which works on aggregates only', () => {
    expect(hasPermission(['controller'], 'staff:read')).toBe(false);
    expect(hasPermission(['controller'], 'organisation:read')).toBe(true);
  });
});
