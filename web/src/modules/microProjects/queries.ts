import type {
  AccessShare,
  BudgetOverview,
  MicroProjectDetail,
  MicroProjectInput,
  MicroProjectSummary,
} from '@leuchtturm/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { needKeys } from '../needs/queries.ts';

/** Every answer of the micro-projects API has one key here. */
export const microProjectKeys = {
  all: ['micro-projects'] as const,
  list: (filter: { districtId?: string; year: number }) => ['micro-projects', 'list', filter] as const,
  detail: (id: string) => ['micro-projects', 'detail', id] as const,
  budget: (year: number) => ['micro-projects', 'budget', year] as const,
  accessShare: ['micro-projects', 'access-share'] as const,
};

export const useMicroProjects = (filter: { districtId?: string; year: number }) =>
  useQuery({
    queryKey: microProjectKeys.list(filter),
    queryFn: () => api.get<MicroProjectSummary[]>('/micro-projects', filter),
    placeholderData: keepPreviousData,
  });

export const useMicroProject = (id: string) =>
  useQuery({
    queryKey: microProjectKeys.detail(id),
    queryFn: () => api.get<MicroProjectDetail>(`/micro-projects/${id}`),
  });

export const useBudgetOverview = (year: number) =>
  useQuery({
    queryKey: microProjectKeys.budget(year),
    queryFn: () => api.get<BudgetOverview>(`/micro-projects/budget/${year}`),
    placeholderData: keepPreviousData,
  });

export const useAccessShare = (enabled: boolean) =>
  useQuery({
    queryKey: microProjectKeys.accessShare,
    queryFn: () => api.get<AccessShare>('/micro-projects/access-share'),
    enabled,
  });

/** A change of projects or budget: projects, budget and needs (their status follows the projects) load again. */
function useProjectMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: microProjectKeys.all }),
        queryClient.invalidateQueries({ queryKey: needKeys.all }),
      ]),
  });
}

export const useCreateProject = () =>
  useProjectMutation((input: MicroProjectInput) => api.post<{ id: string }>('/micro-projects', input));
export const useCommitBudget = (id: string) =>
  useProjectMutation((input: { year: number; districtId: string; committed: string; spent: string }) =>
    api.put<MicroProjectDetail>(`/micro-projects/${id}/budget`, input),
  );
export const useRecordReferral = (id: string) =>
  useProjectMutation(
    (input: {
      referredOn: string;
      districtId: string;
      route: string;
      caseId: string | null;
      actor: string;
    }) => api.post<{ id: string }>(`/micro-projects/${id}/referrals`, input),
  );
export const useRecordParticipants = (id: string) =>
  useProjectMutation((input: { quarter: string; participants: number }) =>
    api.put<MicroProjectDetail>(`/micro-projects/${id}/participants`, input),
  );
export const useRecordReview = (id: string) =>
  useProjectMutation((input: { kind: string; heldOn: string; summary: string }) =>
    api.post<{ id: string }>(`/micro-projects/${id}/reviews`, input),
  );
export const useAllocate = (year: number) =>
  useProjectMutation((input: { districtId: string; amount: string }) =>
    api.put<BudgetOverview>(`/micro-projects/budget/${year}/allocations`, input),
  );
export const useSetFrame = (year: number) =>
  useProjectMutation((input: { amount: string }) =>
    api.put<BudgetOverview>(`/micro-projects/budget/${year}`, input),
  );
