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

/**
 * A refresh of a list already shown is a poll: an open start page alone must not keep the session alive
 * (docs/drafts-and-sessions.md); the first load is something the user did.
 */
const getOrPoll = (refresh: boolean) => (refresh ? api.poll : api.get);

export const useMyWorklist = () =>
  useQuery({
    queryKey: worklistKeys.mine,
    queryFn: ({ client, queryKey }) =>
      getOrPoll(client.getQueryData(queryKey) !== undefined)<Worklist>('/worklist'),
    ...fresh,
  });

/** The team's list (team leads): all of it, or one case manager's items; the caseload is always the team's. */
export const useTeamWorklist = (leadUserId: string | null) =>
  useQuery({
    queryKey: worklistKeys.team(leadUserId),
    queryFn: ({ client, queryKey }) =>
      getOrPoll(client.getQueryData(queryKey) !== undefined)<TeamWorklist>(
        '/worklist/team',
        leadUserId ? { leadUserId } : {},
      ),
    placeholderData: keepPreviousData,
    ...fresh,
  });
