import type { Role } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../shared/actor.ts';
import { mayApproveMeasure } from './policy.ts';

const actor = (userId: string, roles: Role[], teamId: string | null): Actor => ({
  tenantId: 't',
  userId,
  roles,
  teamId,
  deputyFor: [],
});
const caseOfTeamA = { teamId: 'team-a' };

describe('who approves a measure above the threshold', () => {
  it('is the lead of the case team', () => {
    expect(mayApproveMeasure(actor('tl-a', ['team_lead'], 'team-a'), caseOfTeamA)).toBe(true);
  });

  it('is the lead of the case team also when they lead the case themselves', () => {
    expect(mayApproveMeasure(actor('tl-a', ['team_lead', 'case_manager'], 'team-a'), caseOfTeamA)).toBe(true);
  });

  it.each([
    ['a case manager of the team', actor('cm-a', ['case_manager'], 'team-a')],
    ['the lead of another team', actor('tl-b', ['team_lead'], 'team-b')],
    ['a team lead without a team', actor('tl-x', ['team_lead'], null)],
    ['finance', actor('fin', ['finance'], null)],
    ['the director', actor('dir', ['director'], null)],
    ['the admin', actor('adm', ['admin'], 'team-a')],
    ['the system', systemActor('t')],
  ] as const)('is not %s', (_label, who) => {
    expect(mayApproveMeasure(who, caseOfTeamA)).toBe(false);
  });
});
