import { Alert, Center, Loader, Text } from '@mantine/core';
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from './api.ts';

export function Loading() {
  return (
    <Center py="md">
      <Loader aria-label="Wird geladen" role="status" />
    </Center>
  );
}

export function ErrorAlert({ error, title = 'Fehler' }: { error: unknown; title?: string }) {
  return (
    <Alert color="red" title={title} role="alert" className="alert-strong">
      {errorMessage(error)}
    </Alert>
  );
}

/**
 * Loading, error and empty states of a list query (a plain one, or a paginated one whose pages are flattened);
 * renders `children` with the data otherwise.
 */
export function QueryState<T>({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<T[]> | UseInfiniteQueryResult<T[]>;
  empty: string;
  children: (data: T[]) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  // A further page that failed keeps the pages already shown; the list's LoadMore shows that error.
  const nextPageFailed = 'isFetchNextPageError' in query && query.isFetchNextPageError;
  if ((query.isError && !nextPageFailed) || query.data === undefined)
    return <ErrorAlert error={query.error} title="Laden fehlgeschlagen" />;
  if (query.data.length === 0) return <Text c="gray.8">{empty}</Text>;
  return <>{children(query.data)}</>;
}
