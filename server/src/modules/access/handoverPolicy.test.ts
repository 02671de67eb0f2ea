import { describe, expect, it } from 'vitest';
import { type CaseAccessReason, mayChooseReceivingTeam, mayHandOverCase } from './policy.ts';

const reasons: CaseAccessReason[] = ['lead', 'deputy', 'team_lead', 'granted'];

describe('handovers in the policy', () => {
  it('lets only the team lead and the lead case manager move or hand over a case', () => {
    expect(reasons.filter(mayHandOverCase)).toEqual(['lead', 'team_lead']);
  });

  it('lets only the team lead name the receiving team of a move', () => {
    expect(reasons.filter(mayChooseReceivingTeam)).toEqual(['team_lead']);
  });
});
