import { type TargetFigure, type TrafficLight, targetFigureInfo } from '@leuchtturm/shared';
import { Fraction } from '../../shared/money.ts';

/**
 * The traffic light of a figure against its target (docs/controlling-rentabilitaet.md). Where lower is better:
 * green up to the target, amber up to the target plus the tolerance (in percent of the target), red above. Where
 * higher is better, mirrored: green from the target, amber down to the target minus the tolerance, red below.
 * Compared exactly (decimal fractions), so a value equal to the target is green.
 */
export function trafficLight(
  figure: TargetFigure,
  value: string,
  target: string,
  tolerancePct: number,
): TrafficLight {
  const v = Fraction.parse(value);
  const t = Fraction.parse(target);
  const band = t.mul(Fraction.parse(tolerancePct.toFixed(2))).div(Fraction.int(100));
  const atMost = (a: Fraction, b: Fraction) => !b.sub(a).isNegative();
  if (targetFigureInfo[figure].better === 'lower') {
    if (atMost(v, t)) return 'gruen';
    return atMost(v, t.add(band)) ? 'gelb' : 'rot';
  }
  if (atMost(t, v)) return 'gruen';
  return atMost(t.sub(band), v) ? 'gelb' : 'rot';
}

/** (value / baseline - 1) × 100, to two decimals; null without both values or with a zero baseline. */
export function growthPct(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || baseline === 0) return null;
  return Math.round((value / baseline - 1) * 10_000) / 100;
}

/** Mean and median of exact amounts, each rounded to the cent once; null for no values. */
export function meanAndMedian(values: readonly Fraction[]): { mean: string | null; median: string | null } {
  if (values.length === 0) return { mean: null, median: null };
  const sorted = [...values].sort((a, b) => (a.sub(b).isNegative() ? -1 : b.sub(a).isNegative() ? 1 : 0));
  const sum = sorted.reduce((s, v) => s.add(v), Fraction.zero);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as Fraction)
      : (sorted[mid - 1] as Fraction).add(sorted[mid] as Fraction).div(Fraction.int(2));
  return { mean: sum.div(Fraction.int(sorted.length)).toMoney(), median: median.toMoney() };
}
