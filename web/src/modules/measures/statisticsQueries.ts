import type { HzeCheck, HzeFamilyStatistics, HzeMeasureStatistics, HzeOffice } from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** The official HzE statistics: the coded fields of a measure and of a family, the office, the check. */
export const statisticsKeys = {
  all: ['hze-statistics'] as const,
  measure: (id: string) => ['hze-statistics', 'measure', id] as const,
  family: (caseId: string) => ['hze-statistics', 'family', caseId] as const,
  office: ['hze-statistics', 'office'] as const,
  check: (year: number) => ['hze-statistics', 'check', year] as const,
};

export interface MeasureStatisticsView {
  helpTypeCode: string | null;
  youngAdult: boolean;
  ended: boolean;
  statistics: HzeMeasureStatistics | null;
}

export const useMeasureStatistics = (id: string) =>
  useQuery({
    queryKey: statisticsKeys.measure(id),
    queryFn: () => api.get<MeasureStatisticsView>(`/measures/${id}/statistics`),
  });

export const useFamilyStatistics = (caseId: string) =>
  useQuery({
    queryKey: statisticsKeys.family(caseId),
    queryFn: () => api.get<{ statistics: HzeFamilyStatistics | null }>(`/cases/${caseId}/family-statistics`),
  });

export const useHzeOffice = () =>
  useQuery({
    queryKey: statisticsKeys.office,
    queryFn: () => api.get<{ office: HzeOffice | null }>('/finance/statistics/hze/office'),
  });

export const useHzeCheck = (year: number | null) =>
  useQuery({
    queryKey: statisticsKeys.check(year ?? 0),
    queryFn: () => api.get<HzeCheck>(`/finance/statistics/hze/check?year=${year}`),
    enabled: year !== null,
  });

function useSave<T>(path: (id: string) => string, message: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: T }) => api.put(path(id), body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: statisticsKeys.all });
      notifications.show({ color: 'green', title: 'Gespeichert', message });
    },
  });
}

export const useSaveMeasureStatistics = () =>
  useSave<HzeMeasureStatistics>(
    (id) => `/measures/${id}/statistics`,
    'Die Statistikangaben der Hilfe sind gespeichert.',
  );
export const useSaveFamilyStatistics = () =>
  useSave<HzeFamilyStatistics>(
    (id) => `/cases/${id}/family-statistics`,
    'Die Statistikangaben der Familie sind gespeichert.',
  );
export const useSaveHzeOffice = () =>
  useSave<HzeOffice>(() => '/finance/statistics/hze/office', 'Die Kennung des Jugendamts ist gespeichert.');
