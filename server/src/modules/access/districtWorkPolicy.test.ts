import { hasPermission } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.ts';
import { mayDoDistrictWorkOf } from './policy.ts';

const actor = (roles: Actor['roles'], teamId: string | null = 'team-a'): Actor => ({
  tenantId: 't',
  userId: 'u',
  roles,
  teamId,
  deputyFor: [],
});

describe('who records case-independent work in the district', () => {
  it('admits case managers, team leads and the Sozialraumkoordination of the record’s team only', () => {
    for (const role of ['case_manager', 'team_lead', 'district_coordinator'] as const) {
      expect(mayDoDistrictWorkOf(actor([role]), 'team-a')).toBe(true);
      expect(mayDoDistrictWorkOf(actor([role]), 'team-b')).toBe(false);
      expect(mayDoDistrictWorkOf(actor([role], null), 'team-a')).toBe(false);
    }
    for (const role of ['centre_lead', 'director', 'controller', 'clerk', 'admin'] as const)
      expect(mayDoDistrictWorkOf(actor([role]), 'team-a')).toBe(false);
  });

  it('gives controlling the counts and not the records', () => {
    expect(hasPermission(['controller'], 'districtwork:counts')).toBe(true);
    expect(hasPermission(['controller'], 'districtwork:record')).toBe(false);
    expect(hasPermission(['district_coordinator'], 'districtwork:record')).toBe(true);
  });
});
