import type { Page } from '@leuchtturm/shared';
import type { InfiniteData } from '@tanstack/react-query';

/** How many items a list page asks the server for at a time (the server allows up to 500). */
export const PAGE_SIZE = 50;

/**
 * What every paginated list's `useInfiniteQuery` shares (the server's one pagination model): start without a
 * cursor, ask for the next page with the last answer's `nextCursor` until it is null, and hand the component one
 * flat list of the items loaded so far.
 */
export function pagedList<T>() {
  return {
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
    select: (data: InfiniteData<Page<T>, string | undefined>) => data.pages.flatMap((page) => page.items),
  };
}

/** The query parameters of one page: the page size and, after the first page, the cursor. */
export const pageParams = (cursor: string | undefined) => ({ limit: PAGE_SIZE, cursor });
