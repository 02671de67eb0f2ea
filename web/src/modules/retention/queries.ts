import type { CaseRetention, RetentionRules, RetentionRulesInput } from '@leuchtturm/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** Retention and deletion of case files (docs/retention.md). */
export const retentionKeys = {
  all: ['retention'] as const,
  files: ['retention', 'files'] as const,
  rules: ['retention', 'rules'] as const,
};

export const useRetentionFiles = () =>
  useQuery({ queryKey: retentionKeys.files, queryFn: () => api.get<CaseRetention[]>('/retention/files') });

export const useRetentionRules = () =>
  useQuery({ queryKey: retentionKeys.rules, queryFn: () => api.get<RetentionRules>('/retention/rules') });

export function useChangeRetentionRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RetentionRulesInput) => api.put<RetentionRules>('/retention/rules', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: retentionKeys.all }),
  });
}

type Step =
  | { kind: 'propose'; reason: string; version: number }
  | { kind: 'withdraw'; version: number }
  | { kind: 'confirm'; confirmCaseNumber: string; version: number }
  | { kind: 'restrict'; reason: string; version: number }
  | { kind: 'lift'; version: number };

function send(caseId: string, step: Step): Promise<unknown> {
  const base = `/cases/${caseId}/retention`;
  switch (step.kind) {
    case 'propose':
      return api.post(`${base}/proposal`, { reason: step.reason, version: step.version });
    case 'withdraw':
      return api.delete(`${base}/proposal?version=${step.version}`);
    case 'confirm':
      return api.post(`${base}/erasure`, {
        confirmCaseNumber: step.confirmCaseNumber,
        version: step.version,
      });
    case 'restrict':
      return api.post(`${base}/restriction`, { reason: step.reason, version: step.version });
    case 'lift':
      return api.delete(`${base}/restriction?version=${step.version}`);
  }
}

/** One step on a file's way to erasure or restriction; the list is loaded again afterwards. */
export function useRetentionStep(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: Step) => send(caseId, step),
    onSettled: () => queryClient.invalidateQueries({ queryKey: retentionKeys.all }),
  });
}
