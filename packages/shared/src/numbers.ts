/**
 * Numbers that are not money (counts, ratios, percentages, sizes) as people read them in Germany: "9.954",
 * "32,25". Money never comes here: it is an exact decimal string and has its own formatters (money.ts).
 */

/** What a missing number reads as (the same as a missing amount). */
export const NUMBER_NONE = '–';

export interface NumberFormatOptions {
  /** The most digits after the comma (default 2); the value is rounded to them. */
  decimals?: number;
  /** Always show `decimals` digits after the comma: 34.8 → "34,80". */
  fixed?: boolean;
  /** What a missing number reads as (default "–"). */
  none?: string;
}

const formats = new Map<string, Intl.NumberFormat>();
function formatter(decimals: number, fixed: boolean, grouping: boolean): Intl.NumberFormat {
  const key = `${decimals}:${fixed}:${grouping}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('de-DE', {
      maximumFractionDigits: decimals,
      minimumFractionDigits: fixed ? decimals : 0,
      useGrouping: grouping,
    });
    formats.set(key, format);
  }
  return format;
}

/** 9954 → "9.954", 32.25 → "32,25", 0.5 with `{ fixed: true }` → "0,50"; null → "–" (or `none`). */
export function formatNumber(
  value: number | null | undefined,
  { decimals = 2, fixed = false, none = NUMBER_NONE }: NumberFormatOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return none;
  return formatter(decimals, fixed, true).format(value);
}

/**
 * For spreadsheet cells (CSV): a decimal comma, no grouping, a plain hyphen for negatives: 9954 → "9954",
 * 32.25 → "32,25", 34.8 with `{ fixed: true }` → "34,80"; a missing number → "".
 */
export function formatNumberPlain(
  value: number | null | undefined,
  { decimals = 2, fixed = false }: Omit<NumberFormatOptions, 'none'> = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return formatter(decimals, fixed, false).format(value).replace('\u2212', '-');
}
