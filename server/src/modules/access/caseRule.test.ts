import { type Role, roles } from '@leuchtturm/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.ts';
import {
  type CaseAccessSubject,
  caseAccessReason,
  caseListFilter,
  intakeAccess,
  matchesCaseListFilter,
  mayAllocateLead,
  mayGrantCaseAccess,
  mayUseHousehold,
  mayViewCaseAccess,
} from './policy.ts';

const users = ['u1', 'u2', 'u3', 'u4'];
const teams = ['t1', 't2'];
const arbActor = fc.record({
  tenantId: fc.constant('t'),
  userId: fc.option(fc.constantFrom(...users), { nil: null }),
  roles: fc.subarray([...roles] as Role[]),
  teamId: fc.option(fc.constantFrom(...teams), { nil: null }),
  deputyFor: fc.subarray(users),
}) satisfies fc.Arbitrary<Actor>;
const arbCase = fc.record({
  teamId: fc.constantFrom(...teams),
  leadUserId: fc.option(fc.constantFrom(...users), { nil: null }),
  grantedUserIds: fc.subarray(users),
}) satisfies fc.Arbitrary<CaseAccessSubject>;

describe('the case-list filter is the single-case rule', () => {
  it('admits a case in scope mine or team exactly when caseAccessReason does', () => {
    fc.assert(
      fc.property(arbActor, arbCase, (actor, subject) => {
        const listed =
          matchesCaseListFilter(caseListFilter(actor, 'mine'), subject) ||
          matchesCaseListFilter(caseListFilter(actor, 'team'), subject);
        expect(listed).toBe(caseAccessReason(actor, subject) !== null);
      }),
      { numRuns: 2000 },
    );
  });

  it('admits a case in scope all (the search) exactly when caseAccessReason does', () => {
    fc.assert(
      fc.property(arbActor, arbCase, (actor, subject) => {
        expect(matchesCaseListFilter(caseListFilter(actor, 'all'), subject)).toBe(
          caseAccessReason(actor, subject) !== null,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('using a household', () => {
  it('takes access to one of its cases when it has any', () => {
    fc.assert(
      fc.property(arbActor, fc.array(arbCase, { minLength: 1, maxLength: 3 }), (actor, cases) => {
        const subject = { teamId: 't1', createdBy: actor.userId, cases };
        expect(mayUseHousehold(actor, subject)).toBe(cases.some((c) => caseAccessReason(actor, c) !== null));
      }),
    );
  });

  it('belongs, without a case, to whoever registered it and the lead of its team only', () => {
    const cm = (userId: string, role: Role = 'case_manager'): Actor => ({
      tenantId: 't',
      userId,
      roles: [role],
      teamId: 't1',
      deputyFor: [],
    });
    const fresh = { teamId: 't1', createdBy: 'u1', cases: [] };
    expect(mayUseHousehold(cm('u1'), fresh)).toBe(true);
    expect(mayUseHousehold(cm('u2'), fresh)).toBe(false);
    expect(mayUseHousehold(cm('u3', 'team_lead'), fresh)).toBe(true);
    expect(mayUseHousehold({ ...cm('u3', 'team_lead'), teamId: 't2' }, fresh)).toBe(false);
    expect(mayUseHousehold(cm('u1'), { ...fresh, createdBy: null })).toBe(false);
  });
});

describe('steering a case', () => {
  it('leaves allocating the lead and granting access to the team lead, and the access list to her and the lead', () => {
    for (const reason of ['lead', 'deputy', 'team_lead', 'granted'] as const) {
      expect({ reason, allocate: mayAllocateLead(reason), grant: mayGrantCaseAccess(reason) }).toEqual({
        reason,
        allocate: reason === 'team_lead',
        grant: reason === 'team_lead',
      });
      expect(mayViewCaseAccess(reason)).toBe(reason === 'team_lead' || reason === 'lead');
    }
  });

  it('makes a case manager of the responsible team the lead of her intake, and keeps others in by a grant', () => {
    const who = (roles: Role[], teamId: string | null): Actor => ({
      tenantId: 't',
      userId: 'u1',
      roles,
      teamId,
      deputyFor: [],
    });
    expect(intakeAccess(who(['case_manager'], 't1'), 't1')).toEqual({
      leadUserId: 'u1',
      grantToTaker: false,
    });
    expect(intakeAccess(who(['case_manager'], 't2'), 't1')).toEqual({ leadUserId: null, grantToTaker: true });
    expect(intakeAccess(who(['team_lead'], 't1'), 't1')).toEqual({ leadUserId: null, grantToTaker: false });
    expect(intakeAccess({ ...who([], null), userId: null }, 't1')).toEqual({
      leadUserId: null,
      grantToTaker: false,
    });
  });
});
