import type { ConfidedItemType, ConfidedMark, ReleaseBasis } from '@leuchtturm/shared';
import { api } from '../../app/api.ts';
import { useCaseMutation } from '../cases/caseQueries.ts';

/** § 65: sharing a confided item and revoking a share; the case file is loaded again afterwards. */
export function useConfidedShares(caseId: string, mark: Pick<ConfidedMark, 'id'>) {
  const base = `/cases/${caseId}/confided/${mark.id}/shares`;
  return {
    share: useCaseMutation(
      caseId,
      (userId: string) => api.post(base, { userId }),
      'Die Angabe wurde geteilt.',
    ),
    revoke: useCaseMutation(
      caseId,
      (userId: string) => api.delete(`${base}/${userId}`),
      'Das Teilen wurde widerrufen.',
    ),
  };
}

/** § 65: marking an item later, recording a release and removing a mark; the case file is loaded again afterwards. */
export function useConfidedMark(caseId: string) {
  const base = `/cases/${caseId}/confided`;
  return {
    mark: useCaseMutation(
      caseId,
      (input: { itemType: ConfidedItemType; itemId: string; confidedTo: string | null }) =>
        api.post<{ id: string }>(base, input),
      'Die Angabe ist als anvertraut gekennzeichnet.',
    ),
    release: useCaseMutation(
      caseId,
      (input: { markId: string; basis: ReleaseBasis; note: string }) =>
        api.put(`${base}/${input.markId}/release`, { basis: input.basis, note: input.note }),
      'Die Befugnis zur Weitergabe ist festgehalten.',
    ),
    unmark: useCaseMutation(
      caseId,
      (markId: string) => api.delete(`${base}/${markId}`),
      'Die Kennzeichnung ist aufgehoben.',
    ),
  };
}
