import type { Need, Page } from '@leuchtturm/shared';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
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
