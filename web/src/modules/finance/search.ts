// Imported by the router, which is part of the first bundle: no zod, no shared schemas at runtime.

export type FinanceTab = 'monatskosten' | 'zahlungen' | 'traeger' | 'statistik' | 'einstellungen';
export const financeTabs: readonly FinanceTab[] = [
  'monatskosten',
  'zahlungen',
  'traeger',
  'statistik',
  'einstellungen',
];

/** The tab and the month of "Monatskosten" as they stand in the address; defaults are left out. */
export interface FinanceSearch {
  tab?: FinanceTab;
  /** YYYY-MM */
  monat?: string;
}

export function validateFinanceSearch(search: Record<string, unknown>): FinanceSearch {
  const tab = financeTabs.find((t) => t === search.tab);
  const month =
    typeof search.monat === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(search.monat)
      ? search.monat
      : undefined;
  return { ...(tab ? { tab } : {}), ...(month ? { monat: month } : {}) };
}
