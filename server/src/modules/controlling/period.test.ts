import { describe, expect, it } from 'vitest';
import { defaultBaseline, defaultWindow } from './period.ts';

const year = (y: number, source: 'computed' | 'imported' | 'none') => ({ year: y, source });

describe('defaultBaseline', () => {
  it('skips the ramp-up year (the first with records) and years without data', () => {
    const years = [year(2014, 'none'), year(2015, 'none'), year(2016, 'computed'), year(2017, 'computed')];
    expect(defaultBaseline([...years, year(2025, 'computed')], 2016, 2025)).toBe(2017);
  });

  it('takes an imported year before the system started', () => {
    const years = [year(2011, 'imported'), year(2016, 'computed'), year(2017, 'computed')];
    expect(defaultBaseline(years, 2016, 2017)).toBe(2011);
  });

  it('answers null when only the ramp-up year or the last year itself has data', () => {
    expect(defaultBaseline([year(2016, 'computed'), year(2017, 'computed')], 2016, 2017)).toBeNull();
    expect(defaultBaseline([year(2025, 'computed')], 2016, 2025)).toBeNull();
    expect(defaultBaseline([], null, 2025)).toBeNull();
  });
});

describe('defaultWindow', () => {
  it('ends with the last full year and reaches ten years back when the data do', () => {
    expect(defaultWindow('2026-11-20', 2016, null)).toEqual({
      from: 2016,
      to: 2025,
      year: 2025,
      firstRecordYear: 2016,
      firstDataYear: 2016,
    });
    expect(defaultWindow('2026-01-01', 2005, null)).toMatchObject({ from: 2016, to: 2025 });
  });

  it('starts with the first year with data, records or imported, when that is later', () => {
    expect(defaultWindow('2026-03-01', 2022, null)).toMatchObject({ from: 2022, to: 2025 });
    expect(defaultWindow('2026-03-01', 2022, 2019)).toMatchObject({ from: 2019, firstDataYear: 2019 });
  });

  it('shows the last ten years without any data, and the last year when data start only this year', () => {
    expect(defaultWindow('2026-03-01', null, null)).toMatchObject({
      from: 2016,
      to: 2025,
      firstDataYear: null,
    });
    expect(defaultWindow('2026-03-01', 2026, null)).toMatchObject({ from: 2025, to: 2025 });
  });
});
