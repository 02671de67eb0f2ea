import type {
  ControllingSettings,
  CostPlanInput,
  ExtraCostInput,
  Iko,
  RentabSeries,
  Steering,
  Target,
  TargetInput,
} from '@leuchtturm/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/**
 * The steering answers (packages/shared/src/steering.ts and targets.ts): the Rentabilitätsbetrachtung series and its
 * inputs, targets with traffic lights, growth against a baseline, the IKO comparison. Keys start with 'controlling',
 * so an import of aggregates (which invalidates 'controlling') refreshes them too.
 */
const keep = { placeholderData: keepPreviousData } as const;

export const steeringKeys = {
  settings: () => ['controlling', 'settings'] as const,
  series: (site: string, reference: string, from: number, to: number) =>
    ['controlling', 'rentab', site, reference, from, to] as const,
  extra: (region: string) => ['controlling', 'extra', region] as const,
  plan: (region: string) => ['controlling', 'plan', region] as const,
  steering: (region: string, year: number, baseline: number | null) =>
    ['controlling', 'steering', region, year, baseline] as const,
  targets: (year: number) => ['controlling', 'targets', year] as const,
  iko: (from: number, to: number) => ['controlling', 'iko', from, to] as const,
};

export const useSettings = () =>
  useQuery({
    queryKey: steeringKeys.settings(),
    queryFn: () => api.get<ControllingSettings>('/controlling/settings'),
  });

export const useRentabSeries = (
  site: string,
  reference: string,
  from: number,
  to: number,
  enabled: boolean,
) =>
  useQuery({
    queryKey: steeringKeys.series(site, reference, from, to),
    queryFn: () => api.get<RentabSeries>('/controlling/rentabilitaet/series', { site, reference, from, to }),
    enabled,
    retry: false,
    ...keep,
  });

export const useExtraCosts = (region: string) =>
  useQuery({
    queryKey: steeringKeys.extra(region),
    queryFn: () =>
      api.get<{ region: string; year: number; staff: string; training: string; other: string }[]>(
        '/controlling/extra-costs',
        { region },
      ),
  });

export const useCostPlan = (region: string) =>
  useQuery({
    queryKey: steeringKeys.plan(region),
    queryFn: () =>
      api.get<{ region: string; year: number; cost: string }[]>('/controlling/cost-plan', { region }),
  });

export const useSteering = (region: string, year: number, baseline: number | null) =>
  useQuery({
    queryKey: steeringKeys.steering(region, year, baseline),
    queryFn: () =>
      api.get<Steering>('/controlling/steering', {
        region,
        year,
        ...(baseline === null ? {} : { baseline }),
      }),
    retry: false,
    ...keep,
  });

export const useIko = (from: number, to: number, enabled: boolean) =>
  useQuery({
    queryKey: steeringKeys.iko(from, to),
    queryFn: () => api.get<Iko>('/controlling/iko', { from, to }),
    enabled,
    ...keep,
  });

/** A change of a steering input: every figure built on it is asked again. */
function useSteeringChange<I>(send: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['controlling'] }),
  });
}

export const useSaveSettings = () =>
  useSteeringChange((input: ControllingSettings) =>
    api.put<ControllingSettings>('/controlling/settings', input),
  );
export const useSaveExtraCost = () =>
  useSteeringChange((input: ExtraCostInput) => api.put('/controlling/extra-costs', input));
export const useSaveCostPlan = () =>
  useSteeringChange((input: CostPlanInput) => api.put('/controlling/cost-plan', input));
export const useSaveTarget = () =>
  useSteeringChange((input: TargetInput) => api.put<Target>('/controlling/targets', input));
export const useDeleteTarget = () =>
  useSteeringChange((key: { figure: string; region: string; year: number }) =>
    api.delete(`/controlling/targets?${new URLSearchParams({ ...key, year: String(key.year) })}`),
  );
