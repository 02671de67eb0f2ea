import type {
  DistrictTalk,
  DistrictTalkInput,
  DistrictWalk,
  DistrictWalkInput,
  InstitutionVisitDetail,
  InstitutionVisitInput,
  InstitutionVisitSummary,
  NetworkDetail,
  NetworkInput,
  NetworkMeetingInput,
  NetworkSummary,
  RecordNeedInput,
  VisitedInstitution,
} from '@leuchtturm/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { needKeys } from '../needs/queries.ts';
import { worklistKeys } from '../start/queries.ts';

/** Every answer of the district-work API has one key here. */
export const districtWorkKeys = {
  all: ['district-work'] as const,
  visits: (institution?: string) => ['district-work', 'visits', institution ?? ''] as const,
  visit: (id: string) => ['district-work', 'visit', id] as const,
  institutions: ['district-work', 'institutions'] as const,
  walks: ['district-work', 'walks'] as const,
  talks: ['district-work', 'talks'] as const,
  networks: ['district-work', 'networks'] as const,
  network: (id: string) => ['district-work', 'network', id] as const,
};

export const useVisits = (institution?: string) =>
  useQuery({
    queryKey: districtWorkKeys.visits(institution),
    queryFn: () =>
      api.get<InstitutionVisitSummary[]>('/district-work/visits', institution ? { institution } : {}),
  });
export const useVisit = (id: string) =>
  useQuery({
    queryKey: districtWorkKeys.visit(id),
    queryFn: () => api.get<InstitutionVisitDetail>(`/district-work/visits/${id}`),
  });
export const useInstitutions = () =>
  useQuery({
    queryKey: districtWorkKeys.institutions,
    queryFn: () => api.get<VisitedInstitution[]>('/district-work/institutions'),
  });
export const useWalks = () =>
  useQuery({
    queryKey: districtWorkKeys.walks,
    queryFn: () => api.get<DistrictWalk[]>('/district-work/walks'),
  });
export const useTalks = () =>
  useQuery({
    queryKey: districtWorkKeys.talks,
    queryFn: () => api.get<DistrictTalk[]>('/district-work/talks'),
  });
export const useNetworks = () =>
  useQuery({
    queryKey: districtWorkKeys.networks,
    queryFn: () => api.get<NetworkSummary[]>('/district-work/networks'),
  });
export const useNetwork = (id: string) =>
  useQuery({
    queryKey: districtWorkKeys.network(id),
    queryFn: () => api.get<NetworkDetail>(`/district-work/networks/${id}`),
  });

/** A change: the district work and the needs (a record may have named one) load again. */
function useDistrictWorkMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: districtWorkKeys.all }),
        queryClient.invalidateQueries({ queryKey: needKeys.all }),
        queryClient.invalidateQueries({ queryKey: worklistKeys.all }),
      ]),
  });
}

export const useSaveVisit = (id: string | null) =>
  useDistrictWorkMutation(
    async (input: InstitutionVisitInput & { version?: number }): Promise<unknown> =>
      id
        ? api.put<InstitutionVisitDetail>(`/district-work/visits/${id}`, input)
        : api.post('/district-work/visits', input),
  );
export const useSaveWalk = () =>
  useDistrictWorkMutation((input: DistrictWalkInput) =>
    api.post<{ id: string }>('/district-work/walks', input),
  );
export const useSaveTalk = () =>
  useDistrictWorkMutation((input: DistrictTalkInput) =>
    api.post<{ id: string }>('/district-work/talks', input),
  );
export const useSaveNetwork = (id: string | null) =>
  useDistrictWorkMutation(
    async (input: NetworkInput & { version?: number }): Promise<unknown> =>
      id
        ? api.put<NetworkDetail>(`/district-work/networks/${id}`, input)
        : api.post('/district-work/networks', input),
  );
export const useSaveMeeting = (networkId: string) =>
  useDistrictWorkMutation((input: NetworkMeetingInput) =>
    api.post<{ id: string }>(`/district-work/networks/${networkId}/meetings`, input),
  );
/** Records a need named in a record; `path` is the record's API path (e.g. /district-work/visits/<id>). */
export const useNeedFromRecord = (path: string) =>
  useDistrictWorkMutation((input: RecordNeedInput) => api.post<{ id: string }>(`${path}/needs`, input));
