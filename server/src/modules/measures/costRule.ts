import { addMonths, dateOfDay, dayNumber, daysInMonth, monthBounds } from '@leuchtturm/shared';
import { Fraction } from '../../shared/money.ts';

/**
 * The cost rule of docs/domain.md, section 3: the one function finance screens, controlling, exports and demo
 * checks use.
 *
 * For a measure and a period [p0, p1] (dates, both inclusive) the active days are [max(begin, p0), min(end, p1)].
 * With the rate valid on each day: unit `day` adds the rate, `hour` adds rate × hours_per_week / 7, `month` adds
 * rate / days_in_that_month. Exact fractions throughout; the result is rounded half-up to the cent once.
 * A recorded payment for a month replaces that month's computed amount (prorated when the period covers only part
 * of the month's active days). A measure that is not approved costs nothing.
 */
export type RateUnit = 'day' | 'hour' | 'month';

export interface RatePeriod {
  amount: string;
  validFrom: string;
  validTo: string | null;
}

export interface CostMeasure {
  begin: string;
  end: string | null;
  unit: RateUnit;
  hoursPerWeek: string | null;
  rates: readonly RatePeriod[];
  approved: boolean;
  /** Actual payments by month ('YYYY-MM'). */
  payments?: ReadonlyMap<string, string>;
}

/** The computed (unpaid) cost of the measure's active days in [from, to], as an exact fraction. */
function computed(m: CostMeasure, from: number, to: number): Fraction {
  let total = Fraction.zero;
  const seven = Fraction.int(7);
  const hours = m.unit === 'hour' ? Fraction.parse(m.hoursPerWeek ?? '0') : null;
  for (const rate of m.rates) {
    const a = Math.max(from, dayNumber(rate.validFrom));
    const b = Math.min(to, rate.validTo ? dayNumber(rate.validTo) : Number.POSITIVE_INFINITY);
    if (a > b) continue;
    const amount = Fraction.parse(rate.amount);
    if (m.unit === 'day') total = total.add(amount.mul(Fraction.int(b - a + 1)));
    else if (m.unit === 'hour' && hours)
      total = total.add(
        amount
          .mul(hours)
          .mul(Fraction.int(b - a + 1))
          .div(seven),
      );
    else if (m.unit === 'month') {
      // Walk month by month: each day is worth rate / days of its month.
      for (let day = a; day <= b; ) {
        const date = dateOfDay(day);
        const length = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
        const last = Math.min(b, day - Number(date.slice(8, 10)) + length);
        total = total.add(amount.mul(Fraction.int(last - day + 1)).div(Fraction.int(length)));
        day = last + 1;
      }
    }
  }
  return total;
}

/** The exact cost of a measure in [p0, p1]; `costOfPeriod` rounds it. */
export function exactCost(m: CostMeasure, p0: string, p1: string): Fraction {
  if (!m.approved) return Fraction.zero;
  const start = Math.max(dayNumber(m.begin), dayNumber(p0));
  const measureEnd = m.end ? dayNumber(m.end) : Number.POSITIVE_INFINITY;
  const stop = Math.min(measureEnd, dayNumber(p1));
  const payments = m.payments ?? new Map<string, string>();
  // Without payments the months need no separate treatment: one pass over the rates.
  if (payments.size === 0) return start <= stop ? computed(m, start, stop) : Fraction.zero;
  let total = Fraction.zero;
  // Month by month over the period: a month with a payment takes the payment, others the computed amount.
  for (let day = dayNumber(p0); day <= dayNumber(p1); ) {
    const date = dateOfDay(day);
    const length = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
    const monthStart = day - Number(date.slice(8, 10)) + 1;
    const monthEnd = monthStart + length - 1;
    const from = Math.max(day, start);
    const to = Math.min(monthEnd, dayNumber(p1), stop);
    const paid = payments.get(date.slice(0, 7));
    if (paid !== undefined) {
      const activeInMonth = Math.min(monthEnd, measureEnd) - Math.max(monthStart, dayNumber(m.begin)) + 1;
      const periodInMonth = Math.min(monthEnd, dayNumber(p1)) - day + 1;
      const share =
        activeInMonth > 0
          ? new Fraction(BigInt(Math.max(0, to - from + 1)), BigInt(activeInMonth))
          : new Fraction(BigInt(periodInMonth), BigInt(length));
      total = total.add(Fraction.parse(paid).mul(share));
    } else if (from <= to) {
      total = total.add(computed(m, from, to));
    }
    day = monthEnd + 1;
  }
  return total;
}

export function costOfPeriod(m: CostMeasure, p0: string, p1: string): string {
  return exactCost(m, p0, p1).toMoney();
}

/**
 * Is the measure active on the date (docs/domain.md, section 6: begin ≤ D and (no end or end ≥ D)), counting
 * only approved ones.
 */
export function isActiveOn(m: Pick<CostMeasure, 'begin' | 'end' | 'approved'>, date: string): boolean {
  return m.approved && m.begin <= date && (m.end === null || m.end >= date);
}

/**
 * The calendar month a measure first runs through in full: its begin month when it begins on the 1st, else the
 * month after.
 */
export function firstFullMonth(begin: string): { from: string; to: string } {
  const start = begin.endsWith('-01') ? begin : addMonths(monthBounds(begin).from, 1);
  return monthBounds(start);
}

/**
 * What a month of a measure costs, for the approval threshold ("above a monthly amount the team lead approves")
 * and the monthly figure shown with a measure: this cost rule applied to the measure's first full calendar month,
 * with the rates valid in it, as if approved and running through that month (a short measure is judged by its
 * monthly level, not by how few days it has). Payments are not used: the figure is decided before any exist.
 */
export function firstFullMonthCost(
  m: Pick<CostMeasure, 'begin' | 'unit' | 'hoursPerWeek' | 'rates'>,
): string {
  const month = firstFullMonth(m.begin);
  return costOfPeriod({ ...m, end: null, approved: true }, month.from, month.to);
}
