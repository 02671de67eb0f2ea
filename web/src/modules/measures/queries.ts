import {
  type HelpType,
  type Measure,
  type MeasureInput,
  type Provider,
  rateUnits,
  todayIso,
} from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api.ts';
import { formatMoney } from './money.ts';

/** Catalogue (help types, providers), measures and finance answers; each change reloads what depends on it. */
export const measureKeys = {
  all: ['measures'] as const,
  ofCase: (caseId: string) => ['measures', 'case', caseId] as const,
  approvals: ['measures', 'approvals'] as const,
  catalogue: ['catalogue'] as const,
  finance: ['finance'] as const,
};

export const useHelpTypes = () =>
  useQuery({
    queryKey: [...measureKeys.catalogue, 'help-types'],
    queryFn: () => api.get<HelpType[]>('/help-types'),
    staleTime: 5 * 60_000,
  });

export const useProviders = () =>
  useQuery({
    queryKey: [...measureKeys.catalogue, 'providers'],
    queryFn: () => api.get<Provider[]>('/providers'),
  });

export const useCaseMeasures = (caseId: string) =>
  useQuery({
    queryKey: measureKeys.ofCase(caseId),
    queryFn: () => api.get<Measure[]>(`/cases/${caseId}/measures`),
  });

export const useApprovals = () =>
  useQuery({ queryKey: measureKeys.approvals, queryFn: () => api.get<Measure[]>('/measures/approvals') });

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
      queryClient.invalidateQueries({ queryKey: measureKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
      queryClient.invalidateQueries({ queryKey: measureKeys.finance }),
    ]);
}

/** The measure as last loaded (after a version conflict the lists are loaded again). */
function latest(queryClient: ReturnType<typeof useQueryClient>, measure: Measure): Measure {
  let newest = measure;
  for (const [, list] of queryClient.getQueriesData<Measure[]>({ queryKey: measureKeys.all })) {
    const found = list?.find((m) => m.id === measure.id);
    if (found && found.version > newest.version) newest = found;
  }
  return newest;
}

function onConflict(queryClient: ReturnType<typeof useQueryClient>, error: unknown) {
  if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
    void queryClient.invalidateQueries({ queryKey: measureKeys.all });
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
