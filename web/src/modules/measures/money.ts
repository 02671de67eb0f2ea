/**
 * Money values travel as decimal strings ("1234.56"). They are never turned into floating-point numbers: display
 * and input are string manipulation, sums are whole cents as BigInt.
 */

function split(amount: string): { sign: string; whole: string; cents: string } {
  const trimmed = amount.trim();
  const sign = trimmed.startsWith('-') ? '-' : '';
  const [whole = '0', fraction = ''] = trimmed.replace(/^[-+]/, '').split('.');
  return { sign, whole: whole.replace(/^0+(?=\d)/, '') || '0', cents: `${fraction}00`.slice(0, 2) };
}

/** "1234.5" → "1.234,50 €" */
export function formatMoney(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '–';
  return `${formatMoneyPlain(amount, true)} €`;
}

/** "1234.5" → "1234,50" (for spreadsheets), or "1.234,50" with thousands separators. */
export function formatMoneyPlain(amount: string, thousands = false): string {
  const { sign, whole, cents } = split(amount);
  const grouped = thousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : whole;
  return `${sign}${grouped},${cents}`;
}

/**
 * What someone typed ("1.234,56", "1234,5", "1234.56 €") → the API's form ("1234.56"). Anything unusual is
 * passed on unchanged, so the shared schema explains what is wrong.
 */
export function moneyInput(text: string): string {
  const compact = text.replace(/[\s€]/g, '');
  if (!compact.includes(',')) return compact;
  return compact.replace(/\./g, '').replace(',', '.');
}

/** A decimal string with at most two decimals → whole cents. */
export function toCents(amount: string): bigint {
  const { sign, whole, cents } = split(amount);
  const value = BigInt(whole) * 100n + BigInt(cents);
  return sign ? -value : value;
}

/** Whole cents → "1234.56". */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** Hours as the API wants them ("2.5") from German input ("2,5"). */
export function decimalInput(text: string): string {
  return text.trim().replace(',', '.');
}
