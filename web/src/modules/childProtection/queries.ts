import type {
  CpAssessmentInput,
  CpCheck,
  CpCheckSummary,
  CpEscalationInput,
  CpMeasureInput,
  CpMeasureUpdate,
  CpReportInput,
  CpResultInput,
  CpStatisticsCheck,
  CpUrgencyInput,
  CpVisitChecklistInput,
  CpVisitInput,
} from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api.ts';
import { caseKeys } from '../cases/caseQueries.ts';

/**
 * The § 8a checks of a case. Their answers lie under the case's key, so reloading the case file reloads them;
 * a saved step reloads the checks and the case file (a result changes the case's Falleinordnung).
 */
export const cpKeys = {
  all: (caseId: string) => [...caseKeys.detail(caseId), 'child-protection'] as const,
  list: (caseId: string) => [...caseKeys.detail(caseId), 'child-protection', 'list'] as const,
  check: (caseId: string, checkId: string) =>
    [...caseKeys.detail(caseId), 'child-protection', 'check', checkId] as const,
  /** The § 8a statistic's check of a year: no case, no person. */
  statisticsCheck: (year: number) => ['child-protection', 'statistics', 'check', year] as const,
};

const base = (caseId: string) => `/cases/${caseId}/child-protection`;

export const useChecks = (caseId: string, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: cpKeys.list(caseId),
    queryFn: () => api.get<CpCheckSummary[]>(base(caseId)),
    enabled,
  });

export const useCheck = (caseId: string, checkId: string | null) =>
  useQuery({
    queryKey: cpKeys.check(caseId, checkId ?? ''),
    queryFn: () => api.get<CpCheck>(`${base(caseId)}/${checkId}`),
    enabled: checkId !== null,
  });

/** A change of the § 8a records: afterwards the case file and its checks are loaded again. */
function useCpMutation<T, R = unknown>(
  caseId: string,
  mutationFn: (input: T) => Promise<R>,
  message: string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      notifications.show({ color: 'green', title: 'Gespeichert', message });
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.status === 404 || error.code === 'conflict'))
        void queryClient.invalidateQueries({ queryKey: cpKeys.all(caseId) });
    },
  });
}

export const useAddReport = (caseId: string) =>
  useCpMutation(
    caseId,
    (input: CpReportInput) => api.post<{ id: string }>(base(caseId), input),
    'Die Meldung wurde erfasst.',
  );

const stepMessages = {
  urgency: 'Die Ersteinschätzung wurde gespeichert.',
  assessment: 'Die Gefährdungseinschätzung wurde gespeichert.',
  visit: 'Die Inaugenscheinnahme wurde gespeichert.',
  result: 'Das Ergebnis wurde gespeichert.',
} as const;
export type StepInputs = {
  urgency: CpUrgencyInput;
  assessment: CpAssessmentInput;
  visit: CpVisitInput;
  result: CpResultInput;
};

export const useSaveStep = <S extends keyof StepInputs>(caseId: string, checkId: string, step: S) =>
  useCpMutation(
    caseId,
    (input: StepInputs[S]) => api.put(`${base(caseId)}/${checkId}/${step}`, input),
    stepMessages[step],
  );

export const useAddMeasure = (caseId: string, checkId: string) =>
  useCpMutation(
    caseId,
    (input: CpMeasureInput) => api.post<{ id: string }>(`${base(caseId)}/${checkId}/measures`, input),
    'Die Konsequenz wurde gespeichert.',
  );

export const useChangeMeasure = (caseId: string, checkId: string, measureId: string) =>
  useCpMutation(
    caseId,
    (input: CpMeasureUpdate) => api.put(`${base(caseId)}/${checkId}/measures/${measureId}`, input),
    'Die Konsequenz wurde geändert.',
  );

export const useEscalateMandate = (caseId: string) =>
  useCpMutation(
    caseId,
    (input: CpEscalationInput) =>
      api.post<{ id: string; consultationId: string }>(`${base(caseId)}/escalations`, input),
    'Der Auftrag wurde in eine Auflage überführt; der Fall ist im Gefährdungsbereich.',
  );

export const useSaveVisitChecklist = (caseId: string, checkId: string) =>
  useCpMutation(
    caseId,
    (input: CpVisitChecklistInput) => api.put(`${base(caseId)}/${checkId}/visit/checklist`, input),
    'Die Einschätzungshilfe wurde gespeichert.',
  );

/** The § 8a statistic of a year (Wirtschaftliche Jugendhilfe): its check before the export, and the file. */
export const useCpStatisticsCheck = (year: number | null) =>
  useQuery({
    queryKey: cpKeys.statisticsCheck(year ?? 0),
    queryFn: () => api.get<CpStatisticsCheck>('/child-protection/statistics/check', { year: String(year) }),
    enabled: year !== null,
  });

export const cpStatisticsUrl = (year: number) => `/api/v1/child-protection/statistics?year=${year}`;
