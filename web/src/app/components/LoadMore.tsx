import { formatNumber } from '@leuchtturm/shared';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { useRef } from 'react';
import { ErrorAlert } from '../QueryState.tsx';

/**
 * The foot of a paginated list: how many items are shown, and "Mehr laden" while the server has more. The button
 * stays focusable while the next page loads (a disabled button would drop the keyboard focus); when the last page
 * has come, the button goes and the focus moves to the count.
 */
export function LoadMore({
  query,
  count,
  noun,
}: {
  query: Pick<
    UseInfiniteQueryResult<unknown>,
    'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage' | 'isFetchNextPageError' | 'error'
  >;
  /** How many items are shown ("50 Fälle angezeigt"). */
  count: number;
  /** What they are, one and many: ['Fall', 'Fälle']. */
  noun: readonly [string, string];
}) {
  const shown = `${formatNumber(count)} ${count === 1 ? noun[0] : noun[1]} angezeigt`;
  const countRef = useRef<HTMLParagraphElement>(null);
  const busy = query.isFetchingNextPage;

  async function loadMore() {
    if (busy) return;
    const result = await query.fetchNextPage();
    if (!result.hasNextPage) countRef.current?.focus();
  }

  return (
    <Stack gap="xs" mt="sm">
      {query.isFetchNextPageError && (
        <ErrorAlert error={query.error} title="Weitere Einträge konnten nicht geladen werden" />
      )}
      <Group justify="space-between" align="center">
        <Text ref={countRef} tabIndex={-1} role="status" c="gray.8">
          {busy ? `${shown}, weitere werden geladen …` : shown}
        </Text>
        {query.hasNextPage && (
          <Button
            variant="default"
            onClick={() => void loadMore()}
            aria-disabled={busy || undefined}
            leftSection={busy ? <Loader size="xs" aria-hidden /> : undefined}
          >
            Mehr laden
          </Button>
        )}
      </Group>
    </Stack>
  );
}
