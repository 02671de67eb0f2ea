import {
  formatMoney,
  type HelpType,
  type Measure,
  type MeasureInput,
  type Page,
  type Provider,
  rateUnits,
  todayIso,
} from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import {
  type InfiniteData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, api } from '../../app/api.ts';
import { pagedList, pageParams } from '../../app/paging.ts';
import { caseKeys } from '../cases/caseQueries.ts';
import { financeKeys } from '../finance/queries.ts';

/**
 * Every answer of the measures API has one key here: the catalogue (help types, providers with their offers and
 * rates) and the lists of measures. A change to a measure reloads the lists, not the catalogue.
 */
export const measureKeys = {
  all: ['measures'] as const,
  helpTypes: ['measures', 'help-types'] as const,
  providers: ['measures', 'providers'] as const,
  lists: ['measures', 'list'] as const,
  ofCase: (caseId: string) => ['measures', 'list', 'case', caseId] as const,
  approvals: ['measures', 'list', 'approvals'] as const,
};

export const useHelpTypes = () =>
  useQuery({
    queryKey: measureKeys.helpTypes,
    queryFn: () => api.get<HelpType[]>('/help-types'),
    staleTime: 5 * 60_000,
  });

export const useProviders = () =>
  useQuery({ queryKey: measureKeys.providers, queryFn: () => api.get<Provider[]>('/providers') });

export const useCaseMeasures = (caseId: string) =>
  useQuery({
    queryKey: measureKeys.ofCase(caseId),
    queryFn: () => api.get<Measure[]>(`/cases/${caseId}/measures`),
  });

/** The case's measure as last loaded (its version may be newer than the one a dialog was opened with). */
export function useLoadedMeasure(caseId: string) {
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.getQueryData<Measure[]>(measureKeys.ofCase(caseId))?.find((m) => m.id === id);
}

/** Measures awaiting the team lead's approval, oldest first, a page at a time ("Mehr laden"). */
export const useApprovals = () =>
  useInfiniteQuery({
    queryKey: measureKeys.approvals,
    queryFn: ({ pageParam }) => api.get<Page<Measure>>('/measures/approvals', pageParams(pageParam)),
    ...pagedList<Measure>(),
  });

/** Help types that can be chosen today. */
export function currentHelpTypes(types: readonly HelpType[], on = todayIso()): HelpType[] {
  return types.filter((t) => t.validFrom <= on && (t.validTo === null || t.validTo >= on));
}

export const helpTypeLabel = (t: { name: string; paragraph: string }) => `${t.name} (${t.paragraph})`;

type Rate = Provider['offers'][number]['rates'][number];

/** The rate valid on a day, or the latest one when none is (yet). */
export function rateOn(rates: readonly Rate[], on: string): Rate | undefined {
  const valid = rates.find((r) => r.validFrom <= on && (r.validTo === null || r.validTo >= on));
  return valid ?? [...rates].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}

/** "Tagessatz 123,45 €" */
export function rateLabel(unit: keyof typeof rateUnits.labels, amount: string | null | undefined): string {
  return `${rateUnits.labels[unit]} ${formatMoney(amount)}`;
}

/** After a change to a measure: the case's list, the approvals, the case file (timeline) and the costs. */
function useRefreshMeasures() {
  const queryClient = useQueryClient();
  return (caseId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: measureKeys.lists }),
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      queryClient.invalidateQueries({ queryKey: financeKeys.all }),
    ]);
}

/** Loads the measure lists and the costs again (after closing a case ended or withdrew its help). */
export function useReloadMeasures() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: measureKeys.lists }),
      queryClient.invalidateQueries({ queryKey: financeKeys.all }),
    ]);
}

/** The measure as last loaded (after a version conflict the lists are loaded again). */
function latest(queryClient: ReturnType<typeof useQueryClient>, measure: Measure): Measure {
  let newest = measure;
  // A case's measures are one list; the approvals come in pages.
  const lists = queryClient.getQueriesData<Measure[] | InfiniteData<Page<Measure>>>({
    queryKey: measureKeys.lists,
  });
  for (const [, data] of lists) {
    const list = Array.isArray(data) ? data : data?.pages.flatMap((page) => page.items);
    const found = list?.find((m) => m.id === measure.id);
    if (found && found.version > newest.version) newest = found;
  }
  return newest;
}

function onConflict(queryClient: ReturnType<typeof useQueryClient>, error: unknown) {
  if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
    void queryClient.invalidateQueries({ queryKey: measureKeys.lists });
  }
}

export function useCreateMeasure(caseId: string) {
  const refresh = useRefreshMeasures();
  return useMutation({
    mutationFn: (input: MeasureInput) =>
      api.post<{ id: string; status: Measure['status'] }>(`/cases/${caseId}/measures`, input),
    onSuccess: async (result) => {
      await refresh(caseId);
      notifications.show({
        color: 'green',
        title: 'Gespeichert',
        message:
          result.status === 'bewilligt'
            ? 'Die Hilfe ist bewilligt.'
            : 'Die Hilfe ist geplant und wartet auf die Bewilligung durch die Referatsleitung.',
      });
    },
  });
}

export function useApproveMeasure() {
  const refresh = useRefreshMeasures();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (measure: Measure) =>
      api.post(`/measures/${measure.id}/approve`, { version: latest(queryClient, measure).version }),
    onSuccess: async (_, measure) => {
      await refresh(measure.caseId);
      notifications.show({ color: 'green', title: 'Bewilligt', message: 'Die Hilfe ist bewilligt.' });
    },
    onError: (error) => onConflict(queryClient, error),
  });
}

export function useEndMeasure(caseId: string) {
  const refresh = useRefreshMeasures();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; endOn: string; endReason: string; version: number }) =>
      api.post(`/measures/${id}/end`, body),
    onSuccess: async () => {
      await refresh(caseId);
      notifications.show({ color: 'green', title: 'Gespeichert', message: 'Die Hilfe ist beendet.' });
    },
    onError: (error) => onConflict(queryClient, error),
  });
}

/** Withdraws a planned measure (never approved) with its reason; the server checks the version last seen. */
export function useWithdrawMeasure() {
  const refresh = useRefreshMeasures();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ measure, reason }: { measure: Measure; reason: string }) =>
      api.post(`/measures/${measure.id}/withdraw`, { reason, version: latest(queryClient, measure).version }),
    onSuccess: async (_, { measure }) => {
      await refresh(measure.caseId);
      notifications.show({ color: 'green', title: 'Zurückgezogen', message: 'Die Hilfe ist zurückgezogen.' });
    },
    onError: (error) => onConflict(queryClient, error),
  });
}
