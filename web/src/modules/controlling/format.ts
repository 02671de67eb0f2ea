import { formatNumber } from '@leuchtturm/shared';

/**
 * The steering figures' display rule on top of the shared formatters (money.ts for money, which arrives as exact
 * decimal strings; numbers.ts for counts and ratios, which arrive as numbers already rounded by the server): a
 * figure that cannot be computed reads "nicht verfügbar" rather than a dash.
 */

export const NOT_AVAILABLE = 'nicht verfügbar';

/** The option of formatMoney for a steering figure: `formatMoney(value, notAvailable)`. */
export const notAvailable = { none: NOT_AVAILABLE };

/** The number of a decimal string, for plotting only (a chart's scale, never a label: see formatPlottedMoney). */
export const toNumber = (value: string | null) => (value === null ? null : Number(value));

/** 32.25 → "32,25", 9954 → "9.954" (fixed: 34.8 → "34,80"); null → "nicht verfügbar". */
export const num = (value: number | null, { fixed = false }: { fixed?: boolean } = {}) =>
  formatNumber(value, { fixed, none: NOT_AVAILABLE });

/** 36.36 → "36,36 %". */
export const percent = (value: number | null) => (value === null ? NOT_AVAILABLE : `${num(value)} %`);

/** "2025-Q4" → "Q4 2025". */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-');
  return `${q} ${year}`;
}
