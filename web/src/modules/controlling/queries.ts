import type {
  AggregateImportReport,
  Comparison,
  ControllingDefaults,
  Dashboard,
  DistrictFigure,
  DistrictOutlines,
  Kpis,
  RegionEntry,
  Staffing,
  TableExport,
} from '@leuchtturm/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/**
 * The answers of /controlling/* with their shared schemas (packages/shared/src/controlling.ts): money as exact
 * decimal strings, counts and ratios as numbers, null = not available. Every key starts with 'controlling'.
 */
export type {
  AggregateImportReport,
  Comparison,
  CostYear,
  Dashboard,
  DistrictFigure,
  DistrictOutlines,
  FigureSource,
  Kpis,
  QuarterPoint,
  RegionEntry,
  RegionKind,
  Staffing,
  StaffingRow,
} from '@leuchtturm/shared';

const keep = { placeholderData: keepPreviousData } as const;

export const controllingKeys = {
  all: ['controlling'] as const,
  regions: () => ['controlling', 'regions'] as const,
  defaults: () => ['controlling', 'defaults'] as const,
  dashboard: (region: string, from: number, to: number) =>
    ['controlling', 'dashboard', region, from, to] as const,
  kpis: (region: string, year: number) => ['controlling', 'kpis', region, year] as const,
  districts: (year: number) => ['controlling', 'districts', year] as const,
  outlines: () => ['controlling', 'outlines'] as const,
  comparison: (year: number) => ['controlling', 'comparison', year] as const,
  staffing: (year: number, totalSoll: number | null) => ['controlling', 'staffing', year, totalSoll] as const,
};

export const useRegions = () =>
  useQuery({
    queryKey: controllingKeys.regions(),
    queryFn: () => api.get<RegionEntry[]>('/controlling/regions'),
    staleTime: 5 * 60_000,
  });

/** The period the page opens with: the last full year, at most ten years back, starting with real data. */
export const useControllingDefaults = () =>
  useQuery({
    queryKey: controllingKeys.defaults(),
    queryFn: () => api.get<ControllingDefaults>('/controlling/defaults'),
    staleTime: 5 * 60_000,
  });

export const useDashboard = (region: string, from: number, to: number, enabled: boolean) =>
  useQuery({
    queryKey: controllingKeys.dashboard(region, from, to),
    queryFn: () => api.get<Dashboard>('/controlling/dashboard', { region, from, to }),
    enabled,
    ...keep,
  });

export const useKpis = (region: string, year: number) =>
  useQuery({
    queryKey: controllingKeys.kpis(region, year),
    queryFn: () => api.get<Kpis>('/controlling/kpis', { region, year }),
    ...keep,
  });

export const useDistricts = (year: number) =>
  useQuery({
    queryKey: controllingKeys.districts(year),
    queryFn: () => api.get<DistrictFigure[]>('/controlling/districts', { year }),
    ...keep,
  });

export const useOutlines = () =>
  useQuery({
    queryKey: controllingKeys.outlines(),
    queryFn: () => api.get<DistrictOutlines>('/controlling/district-outlines'),
    staleTime: 30 * 60_000,
  });

export const useComparison = (year: number) =>
  useQuery({
    queryKey: controllingKeys.comparison(year),
    queryFn: () => api.get<Comparison>('/controlling/comparison', { year }),
    ...keep,
  });

/** The staff reference; without a total Soll the server takes the imported Soll, else the Ist. */
export const useStaffing = (year: number, totalSoll: number | null) =>
  useQuery({
    queryKey: controllingKeys.staffing(year, totalSoll),
    queryFn: () => api.get<Staffing>('/controlling/staffing', { year, totalSoll }),
  });

/** Checks a file of aggregates without writing anything. */
export const useCheckAggregates = () =>
  useMutation({
    mutationFn: async (file: File) => {
      const csv = await file.text();
      const report = await api.post<AggregateImportReport>('/controlling/aggregates?dryRun=true', { csv });
      return { file, csv, report };
    },
  });

/** Imports a checked file (all or nothing); every figure may change. */
export function useImportAggregates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      api.post<AggregateImportReport>('/controlling/aggregates?dryRun=false', { csv }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: controllingKeys.all }),
  });
}

/** Records a table download in the audit trail; the file is written only after the server has recorded it. */
export const useRecordExport = () =>
  useMutation({ mutationFn: (e: TableExport) => api.post('/controlling/exports', e) });

/** The value to send for a region: its key, or its name where another region has the same key (the server
 * resolves districts first, so a Sozialzentrum sharing a district's code is reached by its name). */
export function regionValue(region: RegionEntry, all: readonly RegionEntry[]): string {
  if (region.kind === 'district' || region.kind === 'city') return region.key;
  const key = region.key.toLowerCase();
  const clash = all.some(
    (other) =>
      other !== region &&
      (other.key.toLowerCase() === key || (other.kind === 'district' && other.name.toLowerCase() === key)),
  );
  return clash ? region.name : region.key;
}
