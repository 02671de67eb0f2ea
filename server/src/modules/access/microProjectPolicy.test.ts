import { hasPermission } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/actor.ts';
import { mayManageMicroProjectIn } from './policy.ts';

const actor = (roles: Actor['roles']): Actor => ({
  tenantId: 't',
  userId: 'u',
  roles,
  teamId: 'team-a',
  deputyFor: [],
});

describe('who manages micro-projects', () => {
  it('admits team leads and the Sozialraumkoordination in their team’s districts only', () => {
    expect(mayManageMicroProjectIn(actor(['team_lead']), ['d1', 'd2'], 'd2')).toBe(true);
    expect(mayManageMicroProjectIn(actor(['district_coordinator']), ['d1'], 'd1')).toBe(true);
    expect(mayManageMicroProjectIn(actor(['team_lead']), ['d1'], 'd3')).toBe(false);
    expect(mayManageMicroProjectIn(actor(['case_manager']), ['d1'], 'd1')).toBe(false);
    expect(mayManageMicroProjectIn(actor(['director']), ['d1'], 'd1')).toBe(false);
  });

  it('gives controlling the needs and the budget aggregates, but not the projects or any change', () => {
    expect(hasPermission(['controller'], 'need:read')).toBe(true);
    expect(hasPermission(['controller'], 'microbudget:read')).toBe(true);
    expect(hasPermission(['controller'], 'microproject:read')).toBe(false);
    expect(hasPermission(['controller'], 'need:manage')).toBe(false);
    expect(hasPermission(['controller'], 'microbudget:manage')).toBe(false);
  });
});
