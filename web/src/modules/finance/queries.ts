import type { MonthlyCost } from '@leuchtturm/shared';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { measureKeys } from '../measures/queries.ts';

export const useMonthlyCosts = (month: string) =>
  useQuery({
    queryKey: [...measureKeys.finance, 'costs', month],
    queryFn: () => api.get<MonthlyCost>('/finance/costs', { month }),
    placeholderData: keepPreviousData,
  });

export const useFinanceSettings = () =>
  useQuery({
    queryKey: [...measureKeys.finance, 'settings'],
    queryFn: () => api.get<{ approvalThreshold: string }>('/finance/settings'),
  });

/**
 * A change by the Wirtschaftliche Jugendhilfe (provider, offer, rate, payments, settings). Afterwards the
 * catalogue, the costs and the measures are loaded again: rates and payments change what they show.
 */
export function useFinanceMutation<T, R = unknown>(
  mutationFn: (input: T) => Promise<R>,
  successMessage?: string | ((result: R) => string),
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await Promise.all(
        [measureKeys.catalogue, measureKeys.finance, measureKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
      if (successMessage) {
        const message = typeof successMessage === 'string' ? successMessage : successMessage(result);
        notifications.show({ color: 'green', title: 'Gespeichert', message });
      }
    },
  });
}
