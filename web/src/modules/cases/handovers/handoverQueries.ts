import type {
  CaseReportInput,
  CaseTransmission,
  MoveCaseInput,
  TransferCaseInput,
  TransmissionBasis,
} from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api.ts';
import { downloadFile } from '../../finance/csv.ts';
import { caseKeys, useCaseMutation } from '../caseQueries.ts';

/** Handovers beyond the team and transmissions of the case (docs/handovers.md). */

const transmissionsKey = (caseId: string) => [...caseKeys.detail(caseId), 'transmissions'] as const;

export const useTransmissions = (caseId: string) =>
  useQuery({
    queryKey: transmissionsKey(caseId),
    queryFn: () => api.get<CaseTransmission[]>(`/cases/${caseId}/transmissions`),
  });

export const useMoveCase = (caseId: string) =>
  useCaseMutation(
    caseId,
    (input: MoveCaseInput) => api.post<{ id: string }>(`/cases/${caseId}/move`, input),
    'Der Fall ist an das neue Team übergeben.',
  );

export const useTransferCase = (caseId: string) =>
  useCaseMutation(
    caseId,
    (input: TransferCaseInput) => api.post<{ id: string }>(`/cases/${caseId}/transfer`, input),
    'Der Fall ist abgegeben und hier abgeschlossen.',
  );

/** A document for an institution: produced, downloaded, and then listed among the transmissions. */
function useProduce<I>(caseId: string, produce: (input: I) => Promise<Blob>, fileName: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: produce,
    onSuccess: async (blob) => {
      downloadFile(fileName, blob, 'application/pdf');
      await queryClient.invalidateQueries({ queryKey: transmissionsKey(caseId) });
      notifications.show({
        color: 'green',
        title: 'Erstellt',
        message: 'Das Dokument ist erstellt und als Übermittlung vermerkt.',
      });
    },
  });
}

export const useCaseReport = (caseId: string, caseNumber: string) =>
  useProduce(
    caseId,
    (input: CaseReportInput) => api.postFile(`/cases/${caseId}/reports`, input),
    `Bericht-${caseNumber}.pdf`,
  );

export const useHandoverPackage = (caseId: string, caseNumber: string) =>
  useProduce(
    caseId,
    (input: TransmissionBasis) =>
      api.getFile(`/cases/${caseId}/handover-package`, {
        consentId: input.consentId,
        legalBasis: input.legalBasis,
      }),
    `Uebergabe-86c-${caseNumber}.pdf`,
  );
