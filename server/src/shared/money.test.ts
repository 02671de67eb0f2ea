import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fraction, sumMoney } from './money.ts';

describe('Fraction', () => {
  it('keeps thirds and sevenths exact until the one rounding', () => {
    const third = Fraction.parse('100').div(Fraction.int(3));
    expect(third.add(third).add(third).toMoney()).toBe('100.00');
    expect(Fraction.parse('10').div(Fraction.int(7)).toMoney()).toBe('1.43');
  });

  it('rounds half a cent up (away from zero)', () => {
    expect(Fraction.parse('0.005').toMoney()).toBe('0.01');
    expect(Fraction.parse('0.004999').toMoney()).toBe('0.00');
    expect(Fraction.parse('2.675').toMoney()).toBe('2.68');
    expect(Fraction.parse('-2.675').toMoney()).toBe('-2.68');
  });

  it('does what floating point cannot: 0.1 + 0.2 = 0.3', () => {
    expect(Fraction.parse('0.1').add(Fraction.parse('0.2')).toMoney()).toBe('0.30');
    expect(sumMoney(['0.10', '0.20', '1000000000000.01'])).toBe('1000000000000.31');
  });

  it('refuses what is not a decimal', () => {
    expect(() => Fraction.parse('1,5')).toThrow();
    expect(() => Fraction.parse('1e3')).toThrow();
  });

  it('adds exactly: cents of a sum are the sum of cents for two-place amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 })), (cents) => {
        const amounts = cents.map((c) => (c / 100).toFixed(2));
        const expected = cents.reduce((a, b) => a + b, 0);
        expect(sumMoney(amounts)).toBe((expected / 100).toFixed(2).replace(/^-0\.00$/, '0.00'));
      }),
    );
  });
});
