import { describe, expect, it } from 'vitest';
import { formatNumber, formatNumberPlain, NUMBER_NONE } from './numbers.ts';

describe('formatNumber', () => {
  it('groups thousands with a point and uses a decimal comma, rounding to two digits by default', () => {
    expect(formatNumber(9954)).toBe('9.954');
    expect(formatNumber(1234567.891)).toBe('1.234.567,89');
    expect(formatNumber(32.25)).toBe('32,25');
    expect(formatNumber(-0.5)).toBe('-0,5');
  });

  it('shows a fixed number of digits or fewer when asked', () => {
    expect(formatNumber(34.8, { fixed: true })).toBe('34,80');
    expect(formatNumber(1.25, { decimals: 1 })).toBe('1,3');
    expect(formatNumber(12.6, { decimals: 0 })).toBe('13');
    expect(formatNumber(3, { decimals: 1, fixed: true })).toBe('3,0');
  });

  it('reads a missing number as a dash or the given text', () => {
    expect(formatNumber(null)).toBe(NUMBER_NONE);
    expect(formatNumber(undefined)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(null, { none: 'nicht verfügbar' })).toBe('nicht verfügbar');
  });
});

describe('formatNumberPlain', () => {
  it('writes spreadsheet cells: decimal comma, no grouping, plain hyphen, empty when missing', () => {
    expect(formatNumberPlain(9954)).toBe('9954');
    expect(formatNumberPlain(1234567.891)).toBe('1234567,89');
    expect(formatNumberPlain(34.8, { fixed: true })).toBe('34,80');
    expect(formatNumberPlain(-12.5)).toBe('-12,5');
    expect(formatNumberPlain(null)).toBe('');
  });
});
