import type { Need, NeedDetail, NeedInput, NeedTrend, Page } from '@leuchtturm/shared';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { pagedList, pageParams } from '../../app/paging.ts';
import type { NeedsSearch } from './search.ts';

/** Every answer of the needs API has one key here. */
export const needKeys = {
  all: ['needs'] as const,
  list: (search: NeedsSearch) => ['needs', 'list', search] as const,
};

/** The districts' needs, most often named first, a page at a time ("Mehr laden"). */
export const useNeeds = (search: NeedsSearch) =>
  useInfiniteQuery({
    queryKey: needKeys.list(search),
    queryFn: ({ pageParam }) => api.get<Page<Need>>('/needs', { ...search, ...pageParams(pageParam) }),
    ...pagedList<Need>(),
    placeholderData: keepPreviousData,
  });

export const needDetailKey = (id: string) => ['needs', 'detail', id] as const;

/** One need; an empty id loads nothing (a form without a need to start from). */
export const useNeedDetail = (id: string) =>
  useQuery({
    queryKey: needDetailKey(id),
    queryFn: () => api.get<NeedDetail>(`/needs/${id}`),
    enabled: id !== '',
  });

export const useNeedTrend = (query: { districtId?: string; ageCohort?: string; from: string; to: string }) =>
  useQuery({
    queryKey: ['needs', 'trend', query] as const,
    queryFn: () => api.get<NeedTrend>('/needs/trend', query),
    placeholderData: keepPreviousData,
  });

/** A change of needs: every list, detail and trend of needs (and the projects naming them) loads again. */
function useNeedMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: needKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['micro-projects'] }),
      ]),
  });
}

export const useRecordNeed = () =>
  useNeedMutation((input: NeedInput) => api.post<{ id: string }>('/needs', input));
export const useMergeNeed = (id: string) =>
  useNeedMutation((input: { needId: string; version: number }) =>
    api.post<NeedDetail>(`/needs/${id}/merge`, input),
  );
export const useSplitNeed = (id: string) =>
  useNeedMutation((input: { needId: string; version: number }) =>
    api.post<NeedDetail>(`/needs/${id}/split`, input),
  );
export const useNeedStatus = (id: string) =>
  useNeedMutation((input: { status: 'offen' | 'erledigt'; version: number }) =>
    api.put<NeedDetail>(`/needs/${id}/status`, input),
  );
