import type { CaseDetail, Staff } from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api.ts';

/** The whole case file in one answer; every change on the case page invalidates it. */
export const caseKey = (caseId: string) => ['case', caseId] as const;

export const useCase = (caseId: string) =>
  useQuery({ queryKey: caseKey(caseId), queryFn: () => api.get<CaseDetail>(`/cases/${caseId}`) });

/** Active staff of the case's team (for participants, moderation, minutes, ...). */
export const useTeamStaff = (teamId: string) =>
  useQuery({
    queryKey: ['organisation', 'staff', { teamId }],
    queryFn: () => api.get<Staff[]>('/organisation/staff', { teamId, limit: 500 }),
    select: (staff) => staff.filter((s) => s.active),
  });

/** Someone else saved the record meanwhile: the form offers "Neu laden" instead of retrying blindly. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'version_conflict';
}

/**
 * A change to the case. Afterwards the case file is loaded again (the page, its badges and the timeline all come
 * from it) before the mutation counts as done, so the submit button stays disabled until the page shows the
 * result. A version conflict does not reload by itself: the form keeps the user's input and offers "Neu laden".
 */
export function useCaseMutation<T, R = unknown>(
  caseId: string,
  mutationFn: (input: T) => Promise<R>,
  successMessage?: string | ((result: R, input: T) => string),
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result, input) => {
      await queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      if (successMessage) {
        const message = typeof successMessage === 'string' ? successMessage : successMessage(result, input);
        notifications.show({ color: 'green', title: 'Gespeichert', message });
      }
    },
    onError: (error) => {
      // Closed or deleted meanwhile: the page must show the current state.
      if (error instanceof ApiError && (error.status === 404 || error.code === 'conflict')) {
        void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      }
    },
  });
}

/** Loads the case file again (after a version conflict). */
export function useReloadCase(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
}

/** Address of a generated form (PDF); the session cookie goes with a plain link. */
export function formUrl(caseId: string, kind: string, itemId?: string): string {
  return `/api/v1/cases/${caseId}/forms/${kind}${itemId ? `?item=${itemId}` : ''}`;
}

export function documentUrl(caseId: string, documentId: string): string {
  return `/api/v1/cases/${caseId}/documents/${documentId}`;
}
