// Imported by the router, which is part of the first bundle: no runtime imports here.

/** The areas (tabs) of the steering page; the key stands in the address (?ansicht=). */
export const controllingViews = [
  'uebersicht',
  'karte',
  'staedtevergleich',
  'rentabilitaet',
  'personal',
  'import',
  'jugendeinwohner',
] as const;
export type ControllingView = (typeof controllingViews)[number];

/** The figures the district map can colour by (?karte=). */
export const mapFigures = ['dichte', 'kosten'] as const;
export type MapFigure = (typeof mapFigures)[number];

/** The choices of the steering page as they stand in the address; defaults are left out. */
export interface ControllingSearch {
  ansicht?: Exclude<ControllingView, 'uebersicht'>;
  region?: string;
  von?: number;
  bis?: number;
  jahr?: number;
  karte?: Exclude<MapFigure, 'dichte'>;
}

/** The years to choose from: the system's data and imported history reach back at most this far. */
export const FIRST_YEAR = 2000;

/** The current year; figures default to the last complete one. */
export const thisYear = () => new Date().getFullYear();

/** The period the server proposes (GET /controlling/defaults): it knows the first year with data. */
export interface ServerPeriod {
  from: number;
  to: number;
  year: number;
}

/**
 * Defaults: the whole city, key figures of the last complete year, and a window of at most ten years ending there
 * that starts with the first year with data (the server's answer; until it arrives, the last ten complete years).
 */
export function controllingDefaults(server?: ServerPeriod) {
  const last = thisYear() - 1;
  return {
    region: 'stadt',
    von: server?.from ?? last - 9,
    bis: server?.to ?? last,
    jahr: server?.year ?? last,
  };
}

function year(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= FIRST_YEAR && n <= thisYear() ? n : undefined;
}

export function validateControllingSearch(search: Record<string, unknown>): ControllingSearch {
  const ansicht = controllingViews.find((v) => v === search.ansicht);
  const region = typeof search.region === 'string' ? search.region.trim().slice(0, 100) : '';
  const von = year(search.von);
  const bis = year(search.bis);
  const jahr = year(search.jahr);
  return {
    ...(ansicht && ansicht !== 'uebersicht' ? { ansicht } : {}),
    ...(region ? { region } : {}),
    ...(von !== undefined ? { von } : {}),
    ...(bis !== undefined ? { bis } : {}),
    ...(jahr !== undefined ? { jahr } : {}),
    ...(search.karte === 'kosten' ? { karte: 'kosten' as const } : {}),
  };
}
