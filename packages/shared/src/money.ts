import { formatNumber } from './numbers.ts';

/**
 * Money as people type and read it in Germany ("1.234,56 €") and as the API carries it: an exact decimal string
 * with a point ("1234.56"). Everything here is string and BigInt work; a money value never becomes a
 * floating-point number, so 0,10 € + 0,20 € is 0,30 € and not 0,30000000000000004 €.
 */

/** What a missing amount reads as, everywhere in the web app. */
export const MONEY_NONE = '–';

/** The result of reading a typed amount: the API's decimal string, or why it cannot be read (German). */
export type MoneyParse = { value: string; error: null } | { value: null; error: string };

const EXAMPLE = 'z. B. 1.234,56';
const fail = (error: string): MoneyParse => ({ value: null, error });

/**
 * Reads German input: "1234", "1234,5", "1.234,56", "-12,00", "1.234,56 €". The result always has two decimals
 * ("1234.50"). Thousands points must group by three; a decimal point ("12.50") is refused rather than guessed,
 * because "1.250" means one thousand two hundred and fifty in German.
 */
export function parseMoney(text: string): MoneyParse {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  if (compact === '') return fail('Bitte einen Betrag angeben.');
  const m = /^([-\u2212]?)([\d.]+)(?:,(\d*))?$/.exec(compact);
  if (!m) return fail(`Bitte einen Betrag in Euro angeben, ${EXAMPLE}.`);
  const [, sign = '', whole = '', fraction] = m;
  if (fraction !== undefined && fraction.length > 2) {
    return fail(`Höchstens zwei Nachkommastellen, ${EXAMPLE}.`);
  }
  if (!/^\d+$/.test(whole) && !/^\d{1,3}(\.\d{3})+$/.test(whole)) {
    return fail(
      fraction === undefined && /^\d+\.\d{1,2}$/.test(whole)
        ? 'Bitte das Komma als Dezimaltrennzeichen verwenden, z. B. 12,50.'
        : `Bitte einen Betrag in Euro angeben, ${EXAMPLE}.`,
    );
  }
  const cents = BigInt(whole.replaceAll('.', '')) * 100n + BigInt((fraction ?? '').padEnd(2, '0'));
  return { value: centsToMoney(sign ? -cents : cents), error: null };
}

/** A decimal string of the API ("1234.5", "-0.07") in whole cents, rounded half away from zero. */
export function moneyToCents(amount: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  const [, sign, whole = '0', fraction = ''] = m;
  let cents = BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  if ((fraction[2] ?? '0') >= '5') cents += 1n;
  return sign ? -cents : cents;
}

/** Whole cents → the API's decimal string ("1234.56"). */
export function centsToMoney(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The exact sum of decimal strings. */
export function sumMoney(amounts: readonly string[]): string {
  return centsToMoney(amounts.reduce((sum, a) => sum + moneyToCents(a), 0n));
}

/** For sorting: negative, zero or positive, exactly. */
export function compareMoney(a: string, b: string): number {
  const d = moneyToCents(a) - moneyToCents(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function parts(amount: string): { negative: boolean; whole: string; cents: string } | null {
  let cents: bigint;
  try {
    cents = moneyToCents(amount);
  } catch {
    return null;
  }
  const abs = cents < 0n ? -cents : cents;
  return { negative: cents < 0n, whole: String(abs / 100n), cents: String(abs % 100n).padStart(2, '0') };
}

/**
 * "1234.5" → "1.234,50 €" (with `euro: false` "1.234,50"); a missing amount → "–" (or `none`, e.g. "nicht
 * verfügbar" for a figure that cannot be computed). A negative amount has a real minus sign. Anything that is not
 * a decimal string is shown as it came rather than breaking the page.
 */
export function formatMoney(
  amount: string | null | undefined,
  { euro = true, none = MONEY_NONE }: { euro?: boolean; none?: string } = {},
): string {
  if (amount === null || amount === undefined || amount === '') return none;
  const p = parts(amount);
  if (!p) return amount;
  const grouped = p.whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = `${p.negative ? '\u2212' : ''}${grouped},${p.cents}`;
  return euro ? `${text}\u00a0€` : text;
}

/**
 * "1234.5" → "1234,50": no grouping, no euro sign, a plain hyphen for negatives. For spreadsheet cells (CSV) and
 * for putting an amount back into an input field. A missing amount → "".
 */
export function formatMoneyPlain(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const p = parts(amount);
  if (!p) return amount;
  return `${p.negative ? '-' : ''}${p.whole},${p.cents}`;
}

/**
 * An amount a chart has drawn (charts work with numbers, so the value is no longer exact): rounded to whole euros,
 * or with `cents` to cents, "1.234.568 €". Only for axes and tooltips; a figure people read as exact is a decimal
 * string and goes through formatMoney.
 */
export function formatPlottedMoney(value: number, { cents = false }: { cents?: boolean } = {}): string {
  if (!Number.isFinite(value)) return MONEY_NONE;
  return `${formatNumber(value, { decimals: cents ? 2 : 0, fixed: cents })}\u00a0€`.replace('-', '\u2212');
}
