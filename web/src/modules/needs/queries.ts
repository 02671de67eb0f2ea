import type { Need } from '@leuchtturm/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { NeedsSearch } from './search.ts';

/** Every answer of the needs API has one key here. */
export const needKeys = {
  all: ['needs'] as const,
  list: (search: NeedsSearch) => ['needs', 'list', search] as const,
};

export const useNeeds = (search: NeedsSearch) =>
  useQuery({
    queryKey: needKeys.list(search),
    queryFn: () => api.get<Need[]>('/needs', { ...search }),
    placeholderData: keepPreviousData,
  });
