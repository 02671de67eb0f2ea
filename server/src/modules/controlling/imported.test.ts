import { describe, expect, it } from 'vitest';
import { firstDisagreement } from './consistency.ts';
import { resolveImported, stichtagOf } from './imported.ts';

const values = (entries: [string, string][]) => new Map(entries);

describe('the reader of imported values', () => {
  it('adds a year up from quarters, and quarters from months, as derived', () => {
    const v = values([
      ['2024-Q1', '1.00'],
      ['2024-Q2', '2.00'],
      ['2024-07', '1.00'],
      ['2024-08', '1.00'],
      ['2024-09', '1.50'],
      ['2024-Q4', '4.00'],
    ]);
    expect(resolveImported('costs_ambulant', v, '2024-Q3')).toEqual({ value: '3.50', source: 'derived' });
    expect(resolveImported('costs_ambulant', v, '2024')).toEqual({ value: '10.50', source: 'derived' });
  });

  it('gives no year when a quarter is missing, and prefers a period of its own', () => {
    const v = values([
      ['2024-Q1', '1.00'],
      ['2024-Q2', '2.00'],
      ['2024-Q3', '3.00'],
    ]);
    expect(resolveImported('cases_neu', v, '2024')).toBeNull();
    v.set('2024', '9');
    expect(resolveImported('cases_neu', v, '2024')).toEqual({ value: '9', source: 'imported' });
  });

  it('reads a stock on its Stichtag: a year on its 31 Dec and a 31 Dec from its year, never another day', () => {
    expect(resolveImported('measures_active', values([['2023-12-31', '25']]), '2023')?.value).toBe('25');
    expect(resolveImported('measures_active', values([['2023', '25']]), '2023-12-31')?.value).toBe('25');
    expect(resolveImported('measures_active', values([['2023-06-30', '25']]), '2023-Q2')?.value).toBe('25');
    expect(resolveImported('measures_active', values([['2023-06-30', '25']]), '2023')).toBeNull();
    expect(resolveImported('measures_active', values([['2023-03', '5']]), '2023-Q1')).toBeNull();
    expect(stichtagOf('2024-02')).toBe('2024-02-29');
  });
});

describe('a file that must agree with itself', () => {
  const row = (line: number, period: string, value: string, metric = 'costs_ambulant') => ({
    region: 'R',
    period,
    metric,
    value,
    line,
  });

  it('finds a year that its quarters do not add up to, naming the year line', () => {
    const rows = [row(2, '2024', '10.00'), ...[1, 2, 3, 4].map((q) => row(2 + q, `2024-Q${q}`, '2.50'))];
    expect(firstDisagreement(rows)).toBeNull();
    rows[4] = row(6, '2024-Q4', '2.51');
    expect(firstDisagreement(rows)?.line).toBe(2);
  });

  it('leaves a year beside only some of its quarters alone, and compares a stock year with its 31 Dec', () => {
    expect(firstDisagreement([row(2, '2024', '10.00'), row(3, '2024-Q1', '9.00')])).toBeNull();
    const stock = [row(2, '2024-12-31', '3', 'cases_kosten'), row(3, '2024', '4', 'cases_kosten')];
    expect(firstDisagreement(stock)?.line).toBe(3);
  });
});
