import type { ConfidedItemType, ConfidedMark, ReleaseBasis } from '@leuchtturm/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type NamedFile } from '../../app/api.ts';
import { useCaseMutation } from '../cases/caseQueries.ts';
import { measureKeys } from '../measures/queries.ts';

/**
 * The case's Hilfen lie outside the case file's key (the § 8a checks lie under it): a change of a mark reloads them
 * too, so their placeholder or content follows at once.
 */
function useWithMeasures(caseId: string) {
  const queryClient = useQueryClient();
  return <T, R>(fn: (input: T) => Promise<R>) =>
    async (input: T): Promise<R> => {
      const result = await fn(input);
      void queryClient.invalidateQueries({ queryKey: measureKeys.ofCase(caseId) });
      return result;
    };
}

/** § 65: sharing a confided item and revoking a share; the case file is loaded again afterwards. */
export function useConfidedShares(caseId: string, mark: Pick<ConfidedMark, 'id'>) {
  const base = `/cases/${caseId}/confided/${mark.id}/shares`;
  const withMeasures = useWithMeasures(caseId);
  return {
    share: useCaseMutation(
      caseId,
      withMeasures((userId: string) => api.post(base, { userId })),
      'Die Angabe wurde geteilt.',
    ),
    revoke: useCaseMutation(
      caseId,
      withMeasures((userId: string) => api.delete(`${base}/${userId}`)),
      'Das Teilen wurde widerrufen.',
    ),
  };
}

/** § 65: marking an item later, recording a release and removing a mark; the case file is loaded again afterwards. */
export function useConfidedMark(caseId: string) {
  const base = `/cases/${caseId}/confided`;
  const withMeasures = useWithMeasures(caseId);
  return {
    mark: useCaseMutation(
      caseId,
      withMeasures((input: { itemType: ConfidedItemType; itemId: string; confidedTo: string | null }) =>
        api.post<{ id: string }>(base, input),
      ),
      'Die Angabe ist als anvertraut gekennzeichnet.',
    ),
    release: useCaseMutation(
      caseId,
      withMeasures((input: { markId: string; basis: ReleaseBasis; note: string }) =>
        api.put(`${base}/${input.markId}/release`, { basis: input.basis, note: input.note }),
      ),
      'Die Befugnis zur Weitergabe ist festgehalten.',
    ),
    unmark: useCaseMutation(
      caseId,
      withMeasures((markId: string) => api.delete(`${base}/${markId}`)),
      'Die Kennzeichnung ist aufgehoben.',
    ),
  };
}

/** The Auskunft about a person as PDF or JSON, with the file name the server gives (saving it is the caller's). */
export function useDisclosureFile(
  personId: string,
  handlers: {
    onMutate: () => void;
    onSuccess: (file: NamedFile, format: 'pdf' | 'json') => void;
    onError: () => void;
  },
) {
  return useMutation({
    mutationFn: (format: 'pdf' | 'json') =>
      api.getNamedFile(`/persons/${personId}/disclosure${format === 'pdf' ? '.pdf' : ''}`),
    ...handlers,
  });
}
