import { describe, expect, it } from 'vitest';
import { Fraction } from '../../shared/money.ts';
import { growthPct, meanAndMedian, trafficLight } from './lights.ts';

describe('traffic light against a target', () => {
  it('is green up to a cost target, amber within the tolerance, red beyond (lower is better)', () => {
    expect(trafficLight('per_jew_total', '800.00', '800', 5)).toBe('gruen');
    expect(trafficLight('per_jew_total', '799.99', '800', 5)).toBe('gruen');
    expect(trafficLight('per_jew_total', '840.00', '800', 5)).toBe('gelb');
    expect(trafficLight('per_jew_total', '840.01', '800', 5)).toBe('rot');
  });

  it('mirrors the bands where higher is better (share of counselling cases)', () => {
    expect(trafficLight('share_beratung', '40', '40', 10)).toBe('gruen');
    expect(trafficLight('share_beratung', '36', '40', 10)).toBe('gelb');
    expect(trafficLight('share_beratung', '35.99', '40', 10)).toBe('rot');
  });

  it('has no amber band with a tolerance of zero', () => {
    expect(trafficLight('density_per1000', '20.01', '20', 0)).toBe('rot');
  });
});

describe('growth against a baseline', () => {
  it('is (value / baseline - 1) × 100 with two decimals', () => {
    expect(growthPct(110, 100)).toBe(10);
    expect(growthPct(94.96, 100)).toBe(-5.04);
    expect(growthPct(1, 3)).toBe(-66.67);
  });
  it('is not available without a baseline value or with a zero baseline', () => {
    expect(growthPct(5, null)).toBeNull();
    expect(growthPct(5, 0)).toBeNull();
  });
});

describe('mean and median', () => {
  const f = (v: string) => Fraction.parse(v);
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(meanAndMedian([f('3'), f('1'), f('2')])).toEqual({ mean: '2.00', median: '2.00' });
    expect(meanAndMedian([f('700'), f('1000'), f('800'), f('900.01')])).toEqual({
      mean: '850.00',
      median: '850.01',
    });
  });
  it('is null for no values', () => {
    expect(meanAndMedian([])).toEqual({ mean: null, median: null });
  });
});
