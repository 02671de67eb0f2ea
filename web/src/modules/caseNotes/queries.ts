import type {
  CaseNote,
  CaseNoteInput,
  CaseNotePage,
  CaseNoteQuery,
  CaseNoteUpdate,
} from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../app/api.ts';
import { caseKeys } from '../cases/caseQueries.ts';

/** The filters the Vermerke section offers (the page size and cursor are the hook's business). */
export type CaseNoteFilter = Pick<CaseNoteQuery, 'kind' | 'from' | 'to' | 'q' | 'linkType' | 'linkId'>;

/** The notes lie under the case file's key: reloading the case reloads them too. */
export const caseNoteKeys = {
  all: (caseId: string) => [...caseKeys.detail(caseId), 'notes'] as const,
  list: (caseId: string, filter: CaseNoteFilter) => [...caseKeys.detail(caseId), 'notes', filter] as const,
};

const PAGE_SIZE = 20;

/** The case's notes, newest contact first, one page at a time ("Weitere laden"). */
export const useCaseNotes = (caseId: string, filter: CaseNoteFilter) =>
  useInfiniteQuery({
    queryKey: caseNoteKeys.list(caseId, filter),
    queryFn: ({ pageParam }) =>
      api.get<CaseNotePage>(`/cases/${caseId}/notes`, {
        ...filter,
        limit: PAGE_SIZE,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

/**
 * A new note or a change: afterwards the case file (its Verlauf) and the notes are loaded again before the
 * mutation counts as done.
 */
function useNoteMutation<T>(caseId: string, mutationFn: (input: T) => Promise<unknown>, message: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      notifications.show({ color: 'green', title: 'Gespeichert', message });
    },
    onError: (error) => {
      // Fixed, closed or changed meanwhile: show the current state.
      if (error instanceof ApiError && error.status === 409 && error.code !== 'version_conflict') {
        void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      }
    },
  });
}

export const useAddCaseNote = (caseId: string) =>
  useNoteMutation(
    caseId,
    (input: CaseNoteInput) => api.post<{ id: string }>(`/cases/${caseId}/notes`, input),
    'Der Vermerk wurde gespeichert.',
  );

/** One note as the server has it now (compared with the user's text after a version conflict). */
export const fetchCurrentNote = (caseId: string, noteId: string) =>
  api.get<CaseNote>(`/cases/${caseId}/notes/${noteId}`);

export const useEditCaseNote = (caseId: string, note: Pick<CaseNote, 'id'>) =>
  useNoteMutation(
    caseId,
    (input: CaseNoteUpdate) => api.put(`/cases/${caseId}/notes/${note.id}`, input),
    'Die Änderung des Vermerks wurde gespeichert.',
  );
