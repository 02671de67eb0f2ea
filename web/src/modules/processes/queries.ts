import type {
  ProcessCancelInput,
  ProcessDefinition,
  ProcessDefinitionInput,
  ProcessInstance,
  ProcessStartInput,
  ProcessStepUpdate,
} from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api.ts';
import { caseKeys } from '../cases/caseQueries.ts';

/**
 * Every answer of the processes API has one key here. A case's processes lie beneath its case file's key, so that
 * saving a record of the case (a help plan, a Kurzberatung, an approval), which reloads the case file, reloads the
 * steps it may have completed too.
 */
export const processKeys = {
  definitions: ['process-definitions'] as const,
  ofCase: (caseId: string) => [...caseKeys.detail(caseId), 'processes'] as const,
};

export const useProcessDefinitions = () =>
  useQuery({
    queryKey: processKeys.definitions,
    queryFn: () => api.get<ProcessDefinition[]>('/process-definitions'),
    staleTime: 5 * 60_000,
  });

export const useCaseProcesses = (caseId: string) =>
  useQuery({
    queryKey: processKeys.ofCase(caseId),
    queryFn: () => api.get<ProcessInstance[]>(`/cases/${caseId}/processes`),
  });

/** A change to the case's processes: reload them (and mark the case lists stale) before it counts as done. */
function useProcessMutation<T>(caseId: string, mutationFn: (input: T) => Promise<unknown>, message: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      await queryClient.invalidateQueries({ queryKey: processKeys.ofCase(caseId) });
      notifications.show({ color: 'green', title: 'Gespeichert', message });
    },
    onError: (error) => {
      // Changed or ended meanwhile: show the current state.
      if (error instanceof ApiError && (error.status === 404 || error.status === 409))
        void queryClient.invalidateQueries({ queryKey: processKeys.ofCase(caseId) });
    },
  });
}

export const useStartProcess = (caseId: string) =>
  useProcessMutation(
    caseId,
    (input: ProcessStartInput) => api.post<{ id: string }>(`/cases/${caseId}/processes`, input),
    'Der Prozess wurde gestartet.',
  );

export const useUpdateProcessStep = (caseId: string) =>
  useProcessMutation(
    caseId,
    ({ stepId, ...body }: ProcessStepUpdate & { stepId: string }) =>
      api.post(`/cases/${caseId}/process-steps/${stepId}`, body),
    'Der Schritt wurde gespeichert.',
  );

export const useCancelProcess = (caseId: string) =>
  useProcessMutation(
    caseId,
    ({ instanceId, ...body }: ProcessCancelInput & { instanceId: string }) =>
      api.post(`/cases/${caseId}/processes/${instanceId}/cancel`, body),
    'Der Prozess wurde abgebrochen.',
  );

/** A new version of a definition (administrators); the list is loaded again before it counts as done. */
export function useCreateDefinitionVersion(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProcessDefinitionInput) =>
      api.post<{ id: string; version: number }>(`/process-definitions/${key}/versions`, input),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: processKeys.definitions });
      notifications.show({
        color: 'green',
        title: 'Gespeichert',
        message: `Version ${result.version} gilt für alle Prozesse, die ab jetzt starten.`,
      });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: processKeys.definitions });
    },
  });
}
