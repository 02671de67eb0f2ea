import type {
  ExpertiseEntry,
  KnowledgeInput,
  KnowledgePage,
  KnowledgeSummary,
  TrainingInput,
  TrainingOverview,
} from '@leuchtturm/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** Every answer of the team API has one key here. */
export const teamKeys = {
  all: ['team'] as const,
  expertise: ['team', 'expertise'] as const,
  training: (teamId: string | undefined) => ['team', 'training', teamId ?? 'own'] as const,
  knowledge: (q: string) => ['team', 'knowledge', q] as const,
  page: (id: string) => ['team', 'page', id] as const,
};

export const useExpertise = () =>
  useQuery({ queryKey: teamKeys.expertise, queryFn: () => api.get<ExpertiseEntry[]>('/team/expertise') });

export const useTraining = (teamId?: string) =>
  useQuery({
    queryKey: teamKeys.training(teamId),
    queryFn: () => api.get<TrainingOverview>('/team/training', teamId ? { teamId } : {}),
    placeholderData: keepPreviousData,
  });

export const useKnowledge = (q: string) =>
  useQuery({
    queryKey: teamKeys.knowledge(q),
    queryFn: () => api.get<KnowledgeSummary[]>('/knowledge', q.trim() ? { q: q.trim() } : {}),
    placeholderData: keepPreviousData,
  });

export const useKnowledgePage = (id: string) =>
  useQuery({ queryKey: teamKeys.page(id), queryFn: () => api.get<KnowledgePage>(`/knowledge/${id}`) });

function useTeamMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.all }),
  });
}

export const useSetExpertise = () =>
  useTeamMutation((input: { userId: string; topics: string[] }) =>
    api.put(`/team/expertise/${input.userId}`, { topics: input.topics }),
  );
export const useSetTraining = () =>
  useTeamMutation((input: { userId: string; module: number; status: TrainingInput }) =>
    api.put(`/team/training/${input.userId}/${input.module}`, input.status),
  );
export const useSaveKnowledge = (id: string | null) =>
  useTeamMutation(async (input: KnowledgeInput & { version?: number }): Promise<{ id: string }> => {
    if (!id) return api.post<{ id: string }>('/knowledge', input);
    await api.put(`/knowledge/${id}`, input);
    return { id };
  });
