import type {
  AddressLookupResult,
  District,
  Responsibility,
  SocialCentre,
  Staff,
  Street,
  Team,
} from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api.ts';

const ORG = 'organisation';

export const useSocialCentres = () =>
  useQuery({
    queryKey: [ORG, 'social-centres'],
    queryFn: () => api.get<SocialCentre[]>('/organisation/social-centres'),
  });

export const useDistricts = () =>
  useQuery({ queryKey: [ORG, 'districts'], queryFn: () => api.get<District[]>('/organisation/districts') });

export const useTeams = (socialCentreId?: string) =>
  useQuery({
    queryKey: [ORG, 'teams', socialCentreId ?? null],
    queryFn: () => api.get<Team[]>('/organisation/teams', { socialCentreId }),
  });

export const useStreets = (filter: { districtId?: string; q?: string }) =>
  useQuery({
    queryKey: [ORG, 'streets', filter],
    queryFn: () => api.get<Street[]>('/organisation/streets', { ...filter, limit: 200 }),
    placeholderData: keepPreviousData,
  });

export const useResponsibilities = (streetId: string | null) =>
  useQuery({
    queryKey: [ORG, 'responsibilities', streetId],
    queryFn: () => api.get<Responsibility[]>('/organisation/responsibilities', { streetId }),
    enabled: streetId !== null,
  });

export const useStaff = (filter: { teamId?: string; q?: string }, enabled = true) =>
  useQuery({
    queryKey: [ORG, 'staff', filter],
    queryFn: () => api.get<Staff[]>('/organisation/staff', { ...filter, limit: 500 }),
    placeholderData: keepPreviousData,
    enabled,
  });

export interface LookupQuery {
  street: string;
  houseNumber?: number;
  postalCode?: string;
}

export const useResponsibleTeam = (query: LookupQuery | null) =>
  useQuery({
    queryKey: [ORG, 'responsible-team', query],
    queryFn: () => api.get<AddressLookupResult>('/organisation/responsible-team', { ...query }),
    enabled: query !== null,
    retry: false,
  });

/**
 * A change to the organisation. Afterwards every organisation list is loaded again (counts and names appear in
 * several of them). When someone else changed the record meanwhile (409 version_conflict) the lists are reloaded
 * too, and the caller shows the server's explanation.
 */
export function useOrgMutation<T>(mutationFn: (input: T) => Promise<unknown>, successMessage: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [ORG] });
      notifications.show({ color: 'green', title: 'Erledigt', message: successMessage });
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'version_conflict' || error.status === 404)) {
        void queryClient.invalidateQueries({ queryKey: [ORG] });
      }
    },
  });
}

/** Create (POST to `path`) or update (PUT to `path/id` with the version last seen). */
export function saveTo(path: string, id: string | null, version: number | null, body: object) {
  return id === null ? api.post<{ id: string }>(path, body) : api.put(`${path}/${id}`, { ...body, version });
}
