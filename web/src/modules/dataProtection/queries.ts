import type { ConfidedMark } from '@leuchtturm/shared';
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
