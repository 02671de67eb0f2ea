import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.ts';
import { absenceListScope, mayManageAbsenceOf } from './policy.ts';

const actor = (over: Partial<Actor>): Actor => ({
  tenantId: 't',
  userId: 'u',
  roles: ['case_manager'],
  teamId: 'team-a',
  deputyFor: [],
  ...over,
});
const absentInA = { id: 'cm', teamId: 'team-a' };

describe('who may enter an absence', () => {
  it('admits the absent person, the lead of her team and admins, and nobody else', () => {
    expect(mayManageAbsenceOf(actor({ userId: 'cm' }), absentInA)).toBe(true);
    expect(mayManageAbsenceOf(actor({ roles: ['team_lead'] }), absentInA)).toBe(true);
    expect(mayManageAbsenceOf(actor({ roles: ['admin'], teamId: null }), absentInA)).toBe(true);
    expect(mayManageAbsenceOf(actor({}), absentInA)).toBe(false);
    expect(mayManageAbsenceOf(actor({ roles: ['team_lead'], teamId: 'team-b' }), absentInA)).toBe(false);
    expect(mayManageAbsenceOf(actor({ roles: ['director'], teamId: null }), absentInA)).toBe(false);
    expect(mayManageAbsenceOf(actor({ userId: null, roles: ['admin'] }), absentInA)).toBe(false);
  });

  it("lists to a team lead her team's absences, to an admin all, to others their own", () => {
    expect(absenceListScope(actor({ roles: ['team_lead'] }))).toEqual({
      userId: 'u',
      teamId: 'team-a',
      all: false,
    });
    expect(absenceListScope(actor({}))).toEqual({ userId: 'u', teamId: null, all: false });
    expect(absenceListScope(actor({ roles: ['admin'] }))?.all).toBe(true);
    expect(absenceListScope(actor({ userId: null }))).toBeNull();
  });
});
