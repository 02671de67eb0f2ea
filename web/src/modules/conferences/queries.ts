import type {
  ConferenceDetail,
  ConferenceItemInput,
  ConferenceNeedInput,
  ConferenceRegistrationInput,
  ConferenceSummary,
  ConferenceUpdate,
  TopicHit,
} from '@leuchtturm/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { needKeys } from '../needs/queries.ts';

/** Every answer of the conference API has one key here. */
export const conferenceKeys = {
  all: ['conferences'] as const,
  list: ['conferences', 'list'] as const,
  detail: (id: string) => ['conferences', 'detail', id] as const,
  topics: (q: string) => ['conferences', 'topics', q] as const,
};

export const useConferences = () =>
  useQuery({ queryKey: conferenceKeys.list, queryFn: () => api.get<ConferenceSummary[]>('/conferences') });

export const useConference = (id: string) =>
  useQuery({
    queryKey: conferenceKeys.detail(id),
    queryFn: () => api.get<ConferenceDetail>(`/conferences/${id}`),
  });

export const useTopicSearch = (q: string) =>
  useQuery({
    queryKey: conferenceKeys.topics(q),
    queryFn: () => api.get<TopicHit[]>('/conferences/topics', { q }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export const folderUrl = (id: string) => `/api/v1/conferences/${id}/folder`;

function useConferenceMutation<T, R>(mutationFn: (input: T) => Promise<R>, alsoNeeds = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: conferenceKeys.all }),
        ...(alsoNeeds ? [queryClient.invalidateQueries({ queryKey: needKeys.all })] : []),
      ]),
  });
}

export const useCreateConference = () =>
  useConferenceMutation((input: { teamId: string; heldOn: string }) =>
    api.post<{ id: string }>('/conferences', input),
  );
export const useAddItem = (id: string) =>
  useConferenceMutation((input: ConferenceItemInput) =>
    api.post<{ id: string }>(`/conferences/${id}/items`, input),
  );
export const useAddNeed = (id: string) =>
  useConferenceMutation(
    (input: ConferenceNeedInput) =>
      api.post<{ id: string; needId: string }>(`/conferences/${id}/needs`, input),
    true,
  );
export const useUpdateConference = (id: string) =>
  useConferenceMutation((input: ConferenceUpdate) => api.put(`/conferences/${id}`, input));
export const useRegisterCase = (caseId: string) =>
  useConferenceMutation((input: ConferenceRegistrationInput) =>
    api.post<{ conferenceId: string; heldOn: string }>(`/cases/${caseId}/conference-registration`, input),
  );
