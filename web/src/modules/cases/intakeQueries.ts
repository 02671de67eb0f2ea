import type { AddressCheckResult, AllocationItem, StreetSuggestion } from '@leuchtturm/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { caseKeys } from './caseQueries.ts';

/** The intake's address (street suggestions, the address check) and the team leads' allocation list (Zuteilung). */
export const intakeKeys = {
  streets: (q: string) => ['intake', 'streets', q] as const,
  allocation: ['cases', 'allocation'] as const,
};

/** Streets of the directory for what was typed (two letters at least); the last answer stays while typing on. */
export const useStreetSuggestions = (q: string) =>
  useQuery({
    queryKey: intakeKeys.streets(q),
    queryFn: () => api.get<StreetSuggestion[]>('/organisation/street-suggestions', { q, limit: 10 }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** Step 1's check of the address: the district and the responsible team, or none (then: allocation list). */
export const useCheckAddress = () =>
  useMutation({
    mutationFn: (address: { streetId: string; houseNumber: string }) =>
      api.get<AddressCheckResult>('/organisation/address-check', address),
  });

export const useAllocationList = (enabled: boolean) =>
  useQuery({
    queryKey: intakeKeys.allocation,
    queryFn: () => api.get<AllocationItem[]>('/cases/allocation'),
    enabled,
  });

/** Takes a waiting case into the team lead's team; the list and the case lists are loaded again. */
export function useAllocateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { caseId: string; leadUserId: string; version: number }) =>
      api.put(`/cases/${input.caseId}/allocation`, { leadUserId: input.leadUserId, version: input.version }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: intakeKeys.allocation }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
      ]),
  });
}
