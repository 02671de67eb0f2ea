import type {
  AtlasCsvPreview,
  AtlasEntryDetail,
  AtlasEntryInput,
  AtlasEntrySummary,
  AtlasEntryUpdate,
  AtlasFilter,
  AtlasMap,
  Page,
} from '@leuchtturm/shared';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { pagedList, pageParams } from '../../app/paging.ts';

/** The filters as the page keeps them (yes/no as the API's query strings take them). */
export type AtlasSearchFilter = Omit<AtlasFilter, 'lowThreshold' | 'stale'> & {
  lowThreshold?: 'true';
  stale?: 'true';
};

export const atlasKeys = {
  all: ['atlas'] as const,
  list: (filter: AtlasSearchFilter) => ['atlas', 'list', filter] as const,
  pick: (q: string) => ['atlas', 'pick', q] as const,
  detail: (id: string) => ['atlas', 'detail', id] as const,
  map: ['atlas', 'map'] as const,
};

export const useAtlasEntries = (filter: AtlasSearchFilter) =>
  useInfiniteQuery({
    queryKey: atlasKeys.list(filter),
    queryFn: ({ pageParam }) =>
      api.get<Page<AtlasEntrySummary>>('/atlas/entries', { ...filter, ...pageParams(pageParam) }),
    ...pagedList<AtlasEntrySummary>(),
    placeholderData: keepPreviousData,
  });

/** The picker's choices: the first 20 entries matching what was typed. */
export const useAtlasPick = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: atlasKeys.pick(q),
    queryFn: () => api.get<Page<AtlasEntrySummary>>('/atlas/entries', { ...(q ? { q } : {}), limit: 20 }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useAtlasEntry = (id: string) =>
  useQuery({
    queryKey: atlasKeys.detail(id),
    queryFn: () => api.get<AtlasEntryDetail>(`/atlas/entries/${id}`),
  });

export const useAtlasMap = () =>
  useQuery({ queryKey: atlasKeys.map, queryFn: () => api.get<AtlasMap>('/atlas/map') });

function useAtlasMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: atlasKeys.all }),
  });
}

export const useCreateEntry = () =>
  useAtlasMutation((input: AtlasEntryInput) => api.post<{ id: string }>('/atlas/entries', input));
export const useChangeEntry = (id: string) =>
  useAtlasMutation((input: AtlasEntryUpdate) => api.put<AtlasEntryDetail>(`/atlas/entries/${id}`, input));
export const useImportOutlines = () =>
  useAtlasMutation((geojson: unknown) => api.put<{ districts: number }>('/atlas/outlines', geojson));
export const usePreviewCsv = () =>
  useMutation({ mutationFn: (csv: string) => api.post<AtlasCsvPreview>('/atlas/import/preview', { csv }) });
export const useImportCsv = () =>
  useAtlasMutation((csv: string) => api.post<{ imported: number }>('/atlas/import', { csv }));
