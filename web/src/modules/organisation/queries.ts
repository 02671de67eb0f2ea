import type {
  Absence,
  AbsenceInput,
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

export interface StaffFilter {
  teamId?: string;
  q?: string;
}

export interface LookupQuery {
  street: string;
  houseNumber?: number;
  postalCode?: string;
}

/** Every answer of the organisation API has one key here; all of them lie under `all`. */
export const orgKeys = {
  all: ['organisation'] as const,
  socialCentres: ['organisation', 'social-centres'] as const,
  districts: ['organisation', 'districts'] as const,
  teams: (socialCentreId: string | null) => ['organisation', 'teams', socialCentreId] as const,
  streets: (filter: { districtId?: string; q?: string }) => ['organisation', 'streets', filter] as const,
  responsibilities: (streetId: string | null) => ['organisation', 'responsibilities', streetId] as const,
  staff: (filter: StaffFilter) => ['organisation', 'staff', filter] as const,
  responsibleTeam: (query: LookupQuery | null) => ['organisation', 'responsible-team', query] as const,
};

export const useSocialCentres = () =>
  useQuery({
    queryKey: orgKeys.socialCentres,
    queryFn: () => api.get<SocialCentre[]>('/organisation/social-centres'),
  });

export const useDistricts = () =>
  useQuery({ queryKey: orgKeys.districts, queryFn: () => api.get<District[]>('/organisation/districts') });

export const useTeams = (socialCentreId?: string) =>
  useQuery({
    queryKey: orgKeys.teams(socialCentreId ?? null),
    queryFn: () => api.get<Team[]>('/organisation/teams', { socialCentreId }),
  });

export const useStreets = (filter: { districtId?: string; q?: string }) =>
  useQuery({
    queryKey: orgKeys.streets(filter),
    queryFn: () => api.get<Street[]>('/organisation/streets', { ...filter, limit: 200 }),
    placeholderData: keepPreviousData,
  });

export const useResponsibilities = (streetId: string | null) =>
  useQuery({
    queryKey: orgKeys.responsibilities(streetId),
    queryFn: () => api.get<Responsibility[]>('/organisation/responsibilities', { streetId }),
    enabled: streetId !== null,
  });

const selectActive = (staff: Staff[]) => staff.filter((s) => s.active);

/** Staff by team and/or search text; `activeOnly` picks the active ones from the same cached answer. */
export const useStaff = (
  filter: StaffFilter,
  { enabled = true, activeOnly = false }: { enabled?: boolean; activeOnly?: boolean } = {},
) =>
  useQuery({
    queryKey: orgKeys.staff(filter),
    queryFn: () => api.get<Staff[]>('/organisation/staff', { ...filter, limit: 500 }),
    placeholderData: keepPreviousData,
    enabled,
    ...(activeOnly ? { select: selectActive } : {}),
  });

export const useResponsibleTeam = (query: LookupQuery | null) =>
  useQuery({
    queryKey: orgKeys.responsibleTeam(query),
    queryFn: () => api.get<AddressLookupResult>('/organisation/responsible-team', { ...query }),
    enabled: query !== null,
    retry: false,
  });

/**
 * A change to the organisation. Afterwards every organisation list is loaded again (counts and names appear in
 * several of them). When someone else changed the record meanwhile (409 version_conflict) the lists are reloaded
 * too, and the caller shows the server's explanation.
 */
function useOrgMutation<T>(mutationFn: (input: T) => Promise<unknown>, successMessage: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      notifications.show({ color: 'green', title: 'Erledigt', message: successMessage });
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'version_conflict' || error.status === 404)) {
        void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      }
    },
  });
}

/** The organisation's record collections, each under /organisation/<collection>. */
export type OrgCollection =
  | 'social-centres'
  | 'districts'
  | 'teams'
  | 'streets'
  | 'staff'
  | 'responsibilities';

/** Creates a record (`record` null: POST) or changes it (PUT with the version last seen). */
export function useSaveOrg<T extends object>(
  collection: OrgCollection,
  record: { id: string; version: number } | null,
  successMessage: string,
) {
  const path = `/organisation/${collection}`;
  return useOrgMutation(
    (input: T) =>
      record === null
        ? api.post<{ id: string }>(path, input)
        : api.put(`${path}/${record.id}`, { ...input, version: record.version }),
    successMessage,
  );
}

export function useDeleteOrg(collection: OrgCollection, successMessage: string) {
  return useOrgMutation(
    (record: { id: string }) => api.delete(`/organisation/${collection}/${record.id}`),
    successMessage,
  );
}

/** Absences not yet over that the user may see (her own, those she covers, her team's as team lead). */
export const absenceKeys = { all: ['absences'] as const };

export const useAbsences = () =>
  useQuery({ queryKey: absenceKeys.all, queryFn: () => api.get<Absence[]>('/organisation/absences') });

export function useSaveAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AbsenceInput) => api.post<{ id: string }>('/organisation/absences', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: absenceKeys.all }),
  });
}

export function useDeleteAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/organisation/absences/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: absenceKeys.all }),
  });
}
