import { formatMoney, type MonthlyCost, type PaymentImportReport } from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { measureKeys } from '../measures/queries.ts';

/** Every answer of the finance API has one key here (providers and rates are the measures' catalogue). */
export const financeKeys = {
  all: ['finance'] as const,
  costs: (month: string) => ['finance', 'costs', month] as const,
  settings: ['finance', 'settings'] as const,
};

export const useMonthlyCosts = (month: string) =>
  useQuery({
    queryKey: financeKeys.costs(month),
    queryFn: () => api.get<MonthlyCost>('/finance/costs', { month }),
    placeholderData: keepPreviousData,
  });

export const useFinanceSettings = () =>
  useQuery({
    queryKey: financeKeys.settings,
    queryFn: () => api.get<{ approvalThreshold: string }>('/finance/settings'),
  });

/**
 * A change by the Wirtschaftliche Jugendhilfe (provider, offer, rate, payments, settings). Afterwards the
 * catalogue and measures (rates change their estimates) and the costs are loaded again.
 */
function useFinanceMutation<T, R = unknown>(
  mutationFn: (input: T) => Promise<R>,
  successMessage: string | ((result: R) => string | null),
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await Promise.all(
        [measureKeys.all, financeKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      const message = typeof successMessage === 'string' ? successMessage : successMessage(result);
      if (message) notifications.show({ color: 'green', title: 'Gespeichert', message });
    },
  });
}

export const useAddProvider = () =>
  useFinanceMutation((input: object) => api.post('/providers', input), 'Der Träger wurde angelegt.');

export const useAddOffer = () =>
  useFinanceMutation((input: object) => api.post('/offers', input), 'Das Leistungsangebot wurde angelegt.');

export const useAddRate = (offerId: string) =>
  useFinanceMutation(
    (input: object) => api.post(`/offers/${offerId}/rates`, input),
    'Der neue Satz wurde gespeichert.',
  );

export const useSaveFinanceSettings = () =>
  useFinanceMutation(
    (input: { approvalThreshold: string }) => api.put('/finance/settings', input),
    'Die Betragsgrenze wurde gespeichert.',
  );

const sendPayments = (csv: string, dryRun: boolean) =>
  api.post<PaymentImportReport>(`/finance/payments?dryRun=${dryRun}`, { csv });

/** Checks a payment file without writing anything (dry run). */
export const useCheckPayments = () => useMutation({ mutationFn: (csv: string) => sendPayments(csv, true) });

/**
 * Imports a payment file; it is written only when every line is accepted, and then all at once (a file that no
 * longer passes comes back unwritten, with its report, and without a success message).
 */
export const useImportPayments = () =>
  useFinanceMutation(
    (csv: string) => sendPayments(csv, false),
    (report) =>
      report.written
        ? `${report.accepted} ${report.accepted === 1 ? 'Zahlung wurde' : 'Zahlungen wurden'} importiert (${formatMoney(report.total)}).`
        : null,
  );
