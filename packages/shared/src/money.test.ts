import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsToMoney,
  compareMoney,
  formatMoney,
  formatMoneyPlain,
  formatPlottedMoney,
  MONEY_NONE,
  moneyToCents,
  parseMoney,
  sumMoney,
} from './money.ts';

const NBSP = '\u00a0';
/** Any amount up to a billion euros either way, as whole cents. */
const anyCents = fc.bigInt({ min: -100_000_000_000n, max: 100_000_000_000n });

describe('parseMoney', () => {
  it('reads German input into the exact decimal string of the API', () => {
    expect(parseMoney('1.234,56')).toEqual({ value: '1234.56', error: null });
    expect(parseMoney('1234,5').value).toBe('1234.50');
    expect(parseMoney(' 62,50 € ').value).toBe('62.50');
    expect(parseMoney('1.000.000').value).toBe('1000000.00');
    expect(parseMoney('0012').value).toBe('12.00');
    expect(parseMoney('-12,00').value).toBe('-12.00');
    expect(parseMoney(`\u22121.234,56${NBSP}€`).value).toBe('-1234.56');
  });

  it('refuses what it cannot read exactly, with a German message', () => {
    expect(parseMoney('').error).toBe('Bitte einen Betrag angeben.');
    expect(parseMoney('12,345').error).toMatch(/^Höchstens zwei Nachkommastellen/);
    expect(parseMoney('12.50').error).toMatch(/Komma als Dezimaltrennzeichen/);
    for (const text of ['zwölf', '1.23,45', '12.3456', '1e3', ',50', '1,2,3', '12 Euro']) {
      const result = parseMoney(text);
      expect(result.value, text).toBeNull();
      expect(result.error, text).toMatch(/^Bitte einen Betrag in Euro angeben, z\. B\. 1\.234,56\.$/);
    }
  });

  it('gives back what formatMoney and formatMoneyPlain show, for any amount', () => {
    fc.assert(
      fc.property(anyCents, (cents) => {
        const amount = centsToMoney(cents);
        expect(parseMoney(formatMoney(amount)).value).toBe(amount);
        expect(parseMoney(formatMoneyPlain(amount)).value).toBe(amount);
      }),
    );
  });

  it('round-trips typed German amounts: format(parse(x)) shows x as it is written in a correct form', () => {
    const typed = fc
      .tuple(fc.bigInt({ min: 0n, max: 999_999_999n }), fc.integer({ min: 0, max: 99 }), fc.boolean())
      .map(([euros, cents, negative]) => {
        const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        return `${negative && (euros > 0n || cents > 0) ? '\u2212' : ''}${grouped},${String(cents).padStart(2, '0')}`;
      });
    fc.assert(
      fc.property(typed, (text) => {
        const parsed = parseMoney(text);
        expect(parsed.error).toBeNull();
        expect(formatMoney(parsed.value, { euro: false })).toBe(text);
      }),
    );
  });
});

describe('formatMoney', () => {
  it('groups thousands, always shows cents and keeps the euro sign on the line', () => {
    expect(formatMoney('1234.5')).toBe(`1.234,50${NBSP}€`);
    expect(formatMoney('11690318.09')).toBe(`11.690.318,09${NBSP}€`);
    expect(formatMoney('0')).toBe(`0,00${NBSP}€`);
    expect(formatMoney('-1234.56', { euro: false })).toBe('\u22121.234,56');
  });

  it('shows one text for a missing amount', () => {
    expect(formatMoney(null)).toBe(MONEY_NONE);
    expect(formatMoney(undefined)).toBe('–');
    expect(formatMoney('')).toBe('–');
    expect(formatMoney(null, { none: 'nicht verfügbar' })).toBe('nicht verfügbar');
    expect(formatMoney('12.5', { none: 'nicht verfügbar' })).toBe(`12,50${NBSP}€`);
  });

  it('rounds a third decimal half away from zero instead of cutting it off', () => {
    expect(formatMoney('2.675', { euro: false })).toBe('2,68');
    expect(formatMoney('-2.675', { euro: false })).toBe('\u22122,68');
    expect(formatMoney('2.674', { euro: false })).toBe('2,67');
  });

  it('shows an unreadable value as it came instead of breaking the page', () => {
    expect(formatMoney('n/a')).toBe('n/a');
  });

  it('writes spreadsheet cells without grouping and with a plain hyphen', () => {
    expect(formatMoneyPlain('1234.5')).toBe('1234,50');
    expect(formatMoneyPlain('-0.07')).toBe('-0,07');
    expect(formatMoneyPlain(null)).toBe('');
  });
});

describe('exact sums', () => {
  it('has no floating-point drift: 0,10 + 0,20 − 0,30 is exactly nothing', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['0.1', '0.2', '-0.3'])).toBe('0.00');
    expect(formatMoney(sumMoney(['0.1', '0.2']))).toBe(`0,30${NBSP}€`);
    expect(sumMoney(['9007199254740993.01', '0.01'])).toBe('9007199254740993.02');
  });

  it('adds any amounts exactly: the sum of the amounts is the sum of their cents', () => {
    fc.assert(
      fc.property(fc.array(anyCents, { maxLength: 50 }), (cents) => {
        const expected = cents.reduce((a, b) => a + b, 0n);
        expect(moneyToCents(sumMoney(cents.map(centsToMoney)))).toBe(expected);
      }),
    );
  });

  it('compares amounts exactly, also where floats cannot tell them apart', () => {
    expect(compareMoney('9007199254740993.00', '9007199254740992.00')).toBe(1);
    expect(compareMoney('0.30', '0.3')).toBe(0);
    expect(compareMoney('-1.00', '0.99')).toBe(-1);
  });
});

describe('formatPlottedMoney', () => {
  it('labels a drawn amount in whole euros, or in cents when asked, with a real minus sign', () => {
    expect(formatPlottedMoney(1234567.6)).toBe(`1.234.568${NBSP}€`);
    expect(formatPlottedMoney(1234.5, { cents: true })).toBe(`1.234,50${NBSP}€`);
    expect(formatPlottedMoney(-12)).toBe(`\u221212${NBSP}€`);
    expect(formatPlottedMoney(Number.NaN)).toBe(MONEY_NONE);
  });
});
