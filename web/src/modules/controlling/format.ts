/**
 * German number formats for the steering figures. Money arrives as decimal strings ("11690318.09") and is formatted
 * digit by digit, never through floating point; counts and ratios arrive as numbers, already rounded by the server.
 */

export const NOT_AVAILABLE = 'nicht verfügbar';

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "11690318.09" → "11690318,09" (for CSV: decimal comma, no grouping); null → "". */
export function moneyPlain(value: string | null): string {
  if (value === null) return '';
  const [whole = '0', cents = ''] = value.split('.');
  return `${whole},${cents.padEnd(2, '0').slice(0, 2)}`;
}

/** "11690318.09" → "11.690.318,09 €"; null → "nicht verfügbar". */
export function money(value: string | null, { euro = true }: { euro?: boolean } = {}): string {
  if (value === null) return NOT_AVAILABLE;
  const negative = value.startsWith('-');
  const [whole = '0', cents = ''] = (negative ? value.slice(1) : value).split('.');
  const text = `${negative ? '−' : ''}${group(whole)},${cents.padEnd(2, '0').slice(0, 2)}`;
  return euro ? `${text} €` : text;
}

/** The number of a decimal string, for plotting only. */
export const toNumber = (value: string | null) => (value === null ? null : Number(value));

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const decimalFixed = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 32.25 → "32,25", 9954 → "9.954"; null → "nicht verfügbar". */
export function num(value: number | null, { fixed = false }: { fixed?: boolean } = {}): string {
  if (value === null) return NOT_AVAILABLE;
  return (fixed ? decimalFixed : decimal).format(value);
}

/** For CSV: 32.25 → "32,25", 9954 → "9954" (fixed: 34.8 → "34,80"); null → "". */
export function numPlain(value: number | null, { fixed = false }: { fixed?: boolean } = {}): string {
  if (value === null) return '';
  return (fixed ? value.toFixed(2) : String(value)).replace('.', ',');
}

/** 36.36 → "36,36 %". */
export const percent = (value: number | null) => (value === null ? NOT_AVAILABLE : `${num(value)} %`);

/** "2025-Q4" → "Q4 2025". */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-');
  return `${q} ${year}`;
}
