import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

/** The answers of /controlling/* (server/src/modules/controlling). Money as decimal strings, null = not available. */
export type RegionKind = 'city' | 'centre' | 'team' | 'district' | 'external';
export type Source = 'computed' | 'imported' | 'none';

export interface RegionEntry {
  key: string;
  name: string;
  kind: RegionKind;
}

export interface QuarterPoint {
  quarter: string;
  date: string;
  densityPer1000: number | null;
  cityDensityPer1000: number | null;
  ambulant: number;
  stationaer: number;
  sonstige: number;
  casesKosten: number;
  casesBeratung: number;
  casesNeu: number;
}

export interface CostYear {
  year: number;
  /** 'none': neither records nor imported figures for the year. */
  source: 'computed' | 'imported' | 'none';
  jew: number | null;
  ambulant: string | null;
  stationaer: string | null;
  sonstige: string | null;
  total: string | null;
  perJewAmbulant: string | null;
  perJewStationaer: string | null;
  perJewSonstige: string | null;
  perJewTotal: string | null;
}

export interface Dashboard {
  region: RegionEntry;
  fromYear: number;
  toYear: number;
  quarters: QuarterPoint[];
  years: CostYear[];
}

export interface Kpis {
  region: RegionEntry;
  year: number;
  jew: number | null;
  costs: { total: string | null };
  perJew: { total: string | null };
  cases: { active: number | null; kosten: number | null; beratung: number | null; neu: number | null };
  shareBeratung: number | null;
  density: { per1000: number | null; per10000: number | null } | null;
  ambulantStationaerRatio: number | null;
  medianDurationDays: number | null;
  staffing: { sollVze: number | null; istVze: number | null; casesPerVze: number | null };
  sources: { costs: Source; jew: Source; cases: Source };
}

export interface DistrictFigure {
  code: string;
  name: string;
  jew: number;
  activeHze: number;
  densityPer1000: number | null;
  costs: string;
  perJewTotal: string | null;
}

export interface DistrictOutlines {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { code: string; name: string };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  }[];
}

export interface Comparison {
  year: number;
  cities: {
    region: string;
    own: boolean;
    source: Source;
    perJewTotal: string;
    densityPer10000: number | null;
  }[];
  medianPerJewTotal: string | null;
}

export interface ImportReport {
  accepted: number;
  rejected: { line: number; reason: string }[];
  written: boolean;
  regions: string[];
}

const keep = { placeholderData: keepPreviousData } as const;

export const useRegions = () =>
  useQuery({
    queryKey: ['controlling', 'regions'],
    queryFn: () => api.get<RegionEntry[]>('/controlling/regions'),
    staleTime: 5 * 60_000,
  });

export const useDashboard = (region: string, from: number, to: number, enabled: boolean) =>
  useQuery({
    queryKey: ['controlling', 'dashboard', region, from, to],
    queryFn: () => api.get<Dashboard>('/controlling/dashboard', { region, from, to }),
    enabled,
    ...keep,
  });

export const useKpis = (region: string, year: number) =>
  useQuery({
    queryKey: ['controlling', 'kpis', region, year],
    queryFn: () => api.get<Kpis>('/controlling/kpis', { region, year }),
    ...keep,
  });

export const useDistricts = (year: number) =>
  useQuery({
    queryKey: ['controlling', 'districts', year],
    queryFn: () => api.get<DistrictFigure[]>('/controlling/districts', { year }),
    ...keep,
  });

export const useOutlines = () =>
  useQuery({
    queryKey: ['controlling', 'outlines'],
    queryFn: () => api.get<DistrictOutlines>('/controlling/district-outlines'),
    staleTime: 30 * 60_000,
  });

export const useComparison = (year: number) =>
  useQuery({
    queryKey: ['controlling', 'comparison', year],
    queryFn: () => api.get<Comparison>('/controlling/comparison', { year }),
    ...keep,
  });

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
