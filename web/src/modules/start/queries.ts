import type { TeamWorklist, Worklist } from '@leuchtturm/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** The work list on the start page (docs/worklist.md): one key factory, one hook per answer. */
export const worklistKeys = {
  all: ['worklist'] as const,
  mine: ['worklist', 'mine'] as const,
  team: (leadUserId: string | null) => ['worklist', 'team', leadUserId] as const,
};

/** Asked for on every visit, every five minutes and when the window gets the focus back: deadlines pass meanwhile. */
const fresh = { refetchInterval: 5 * 60_000, refetchOnWindowFocus: true, staleTime: 0 } as const;

export const useMyWorklist = () =>
  useQuery({ queryKey: worklistKeys.mine, queryFn: () => api.get<Worklist>('/worklist'), ...fresh });

/** The team's list (team leads): all of it, or one case manager's items; the caseload is always the team's. */
export const useTeamWorklist = (leadUserId: string | null) =>
  useQuery({
    queryKey: worklistKeys.team(leadUserId),
    queryFn: () => api.get<TeamWorklist>('/worklist/team', leadUserId ? { leadUserId } : {}),
    placeholderData: keepPreviousData,
    ...fresh,
  });
