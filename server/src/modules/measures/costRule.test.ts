import { dayNumber } from '@leuchtturm/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyToCents } from '../../shared/money.ts';
import {
  type CostMeasure,
  costOfPeriod,
  firstFullMonth,
  firstFullMonthCost,
  isActiveOn,
} from './costRule.ts';

const measure = (over: Partial<CostMeasure>): CostMeasure => ({
  begin: '2024-01-01',
  end: null,
  unit: 'day',
  hoursPerWeek: null,
  rates: [{ amount: '100.00', validFrom: '2020-01-01', validTo: null }],
  approved: true,
  ...over,
});

describe('the cost rule, by hand', () => {
  it('day rate across a rate change: the new rate from its first day only', () => {
    // 10 days at 150.00 (1-10 March) and 21 days at 160.50 (11-31 March) = 1500 + 3370.50
    const m = measure({
      unit: 'day',
      rates: [
        { amount: '150.00', validFrom: '2023-01-01', validTo: '2024-03-10' },
        { amount: '160.50', validFrom: '2024-03-11', validTo: null },
      ],
    });
    expect(costOfPeriod(m, '2024-03-01', '2024-03-31')).toBe('4870.50');
  });

  it('hour rate with 5 h/week across a month boundary', () => {
    // 25 Jan - 3 Feb = 10 days; 70.00 × 5 / 7 per day = 50.00 per day
    const m = measure({
      unit: 'hour',
      hoursPerWeek: '5',
      rates: [{ amount: '70.00', validFrom: '2024-01-01', validTo: null }],
    });
    expect(costOfPeriod(m, '2024-01-25', '2024-02-03')).toBe('500.00');
    // 3 h/week at 65.00: 27.857142.. per day × 10 days = 278.571428.. → 278.57 (rounded once, not per day)
    expect(
      costOfPeriod(
        { ...m, hoursPerWeek: '3', rates: [{ amount: '65.00', validFrom: '2024-01-01', validTo: null }] },
        '2024-01-25',
        '2024-02-03',
      ),
    ).toBe('278.57');
  });

  it('month rate in February of a leap year: each day is a 29th', () => {
    const m = measure({
      unit: 'month',
      rates: [{ amount: '2900.00', validFrom: '2020-01-01', validTo: null }],
    });
    expect(costOfPeriod(m, '2024-02-01', '2024-02-29')).toBe('2900.00');
    expect(costOfPeriod(m, '2024-02-01', '2024-02-10')).toBe('1000.00');
    // 2023 is not a leap year: 10 of 28 days
    expect(costOfPeriod({ ...m, begin: '2023-01-01' }, '2023-02-01', '2023-02-10')).toBe('1035.71');
  });

  it('a measure ending on the first day of a period costs exactly that one day', () => {
    const m = measure({
      begin: '2024-01-15',
      end: '2024-04-01',
      rates: [{ amount: '123.45', validFrom: '2020-01-01', validTo: null }],
    });
    expect(costOfPeriod(m, '2024-04-01', '2024-06-30')).toBe('123.45');
    expect(costOfPeriod(m, '2024-04-02', '2024-06-30')).toBe('0.00');
  });

  it('a recorded payment replaces the computed amount of its month', () => {
    const m = measure({ payments: new Map([['2024-02', '2500.00']]) });
    // January computed (31 × 100), February paid, March computed (31 × 100)
    expect(costOfPeriod(m, '2024-01-01', '2024-03-31')).toBe('8700.00');
    // Half of February's active days: half of the payment
    expect(costOfPeriod(m, '2024-02-01', '2024-02-14')).toBe('1206.90');
  });

  it('rounds half a cent up, once per measure and period', () => {
    // 0.125 per hour-day: rate 0.35 × 2.5 h / 7 = 0.125 per day; 1 day = 0.125 → 0.13; 2 days = 0.25
    const m = measure({
      unit: 'hour',
      hoursPerWeek: '2.5',
      rates: [{ amount: '0.35', validFrom: '2020-01-01', validTo: null }],
    });
    expect(costOfPeriod(m, '2024-01-01', '2024-01-01')).toBe('0.13');
    expect(costOfPeriod(m, '2024-01-01', '2024-01-02')).toBe('0.25');
  });

  it('an unapproved measure costs nothing and is not active', () => {
    const m = measure({ approved: false });
    expect(costOfPeriod(m, '2024-01-01', '2024-12-31')).toBe('0.00');
    expect(isActiveOn(m, '2024-06-01')).toBe(false);
    expect(isActiveOn({ ...m, approved: true }, '2024-06-01')).toBe(true);
    expect(isActiveOn({ ...m, approved: true, end: '2024-06-01' }, '2024-06-01')).toBe(true);
    expect(isActiveOn({ ...m, approved: true, end: '2024-05-31' }, '2024-06-01')).toBe(false);
  });
});

describe('the monthly figure for the approval threshold', () => {
  const spfh = measure({
    unit: 'hour',
    hoursPerWeek: '5',
    rates: [{ amount: '70.00', validFrom: '2020-01-01', validTo: null }],
  });

  it('is the first full calendar month: the begin month from the 1st, else the month after', () => {
    expect(firstFullMonth('2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(firstFullMonth('2026-01-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(firstFullMonth('2026-12-02')).toEqual({ from: '2027-01-01', to: '2027-01-31' });
  });

  it('counts the days of that calendar month, not 30: 50.00 a day is 1550.00 in March, 1400.00 in February', () => {
    // 70.00 × 5 h / 7 = 50.00 a day; a 30-day month would make every month 1500.00
    expect(firstFullMonthCost({ ...spfh, begin: '2026-03-01' })).toBe('1550.00');
    expect(firstFullMonthCost({ ...spfh, begin: '2026-01-15' })).toBe('1400.00');
    expect(firstFullMonthCost({ ...spfh, begin: '2026-04-01' })).toBe('1500.00');
    // A monthly flat rate is the rate, whatever the month's length
    expect(
      firstFullMonthCost({
        ...spfh,
        unit: 'month',
        begin: '2026-02-10',
        rates: [{ amount: '2900.00', validFrom: '2020-01-01', validTo: null }],
      }),
    ).toBe('2900.00');
  });

  it('uses the rates valid in that month, also when one changes within it', () => {
    // Begins 20 Feb: the first full month is March; 10 days at 150.00 and 21 at 160.00 = 1500 + 3360
    const m = measure({
      begin: '2026-02-20',
      rates: [
        { amount: '150.00', validFrom: '2020-01-01', validTo: '2026-03-10' },
        { amount: '160.00', validFrom: '2026-03-11', validTo: null },
      ],
    });
    expect(firstFullMonthCost(m)).toBe('4860.00');
  });
});

describe('the cost rule, as properties', () => {
  const day = fc.integer({ min: dayNumber('2022-01-01'), max: dayNumber('2026-12-31') });
  const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  const amount = fc
    .integer({ min: 0, max: 50_000_00 })
    .map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
  const arbMeasure = fc
    .record({
      begin: day,
      length: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
      unit: fc.constantFrom('day', 'hour', 'month') as fc.Arbitrary<'day' | 'hour' | 'month'>,
      hours: fc.integer({ min: 1, max: 400 }).map((h) => (h / 10).toFixed(1)),
      rates: fc.array(fc.tuple(day, amount), { minLength: 1, maxLength: 4 }),
      paid: fc.array(
        fc.tuple(fc.integer({ min: 2022, max: 2026 }), fc.integer({ min: 1, max: 12 }), amount),
        { maxLength: 4 },
      ),
    })
    .map(({ begin, length, unit, hours, rates, paid }): CostMeasure => {
      const starts = [...new Set(rates.map(([d]) => d))].sort((a, b) => a - b);
      const firstStart = Math.min(starts[0] ?? begin, begin);
      const periods = starts.map((s, i) => ({
        amount: rates.find(([d]) => d === s)?.[1] ?? '1.00',
        validFrom: iso(i === 0 ? firstStart : s),
        validTo: i + 1 < starts.length ? iso((starts[i + 1] as number) - 1) : null,
      }));
      return {
        begin: iso(begin),
        end: length === null ? null : iso(begin + length),
        unit,
        hoursPerWeek: hours,
        rates: periods,
        approved: true,
        payments: new Map(paid.map(([y, m, a]) => [`${y}-${String(m).padStart(2, '0')}`, a])),
      };
    });

  it('a year costs the sum of its months, within a cent per month, and never less than zero', () => {
    fc.assert(
      fc.property(arbMeasure, fc.integer({ min: 2022, max: 2026 }), (m, year) => {
        const whole = moneyToCents(costOfPeriod(m, `${year}-01-01`, `${year}-12-31`));
        let months = 0n;
        for (let mo = 1; mo <= 12; mo++) {
          const last = new Date(Date.UTC(year, mo, 0)).getUTCDate();
          const cents = moneyToCents(
            costOfPeriod(
              m,
              `${year}-${String(mo).padStart(2, '0')}-01`,
              `${year}-${String(mo).padStart(2, '0')}-${last}`,
            ),
          );
          expect(cents >= 0n).toBe(true);
          months += cents;
        }
        expect(whole >= 0n).toBe(true);
        const diff = whole > months ? whole - months : months - whole;
        expect(diff <= 12n).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
