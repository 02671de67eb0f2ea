import { formatMoney } from '@leuchtturm/shared';
import { Fraction } from '../../shared/money.ts';
import { flowFromParts, flowMetrics } from './imported.ts';

/**
 * Whether an import file agrees with itself (docs/controlling-imports.md): where it gives a flow for a year or
 * quarter and also all of its parts, the parts must add up to it; where it gives a stock for a year and for that
 * year's 31 Dec, both must be equal. Returns the first disagreement (by line) or null.
 */
export interface ImportRow {
  region: string;
  period: string;
  metric: string;
  value: string;
  line: number;
}

const euro = (v: string) => formatMoney(Fraction.parse(v).toMoney(), { euro: false });

export function firstDisagreement(rows: ImportRow[]): { line: number; message: string } | null {
  const groups = new Map<string, ImportRow[]>();
  for (const r of rows) {
    const key = `${r.region}\u0000${r.metric}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const found: { line: number; message: string }[] = [];
  for (const group of groups.values()) {
    const values = new Map(group.map((r) => [r.period, r.value]));
    for (const r of group) {
      const equal = (other: string) => Fraction.parse(other).sub(Fraction.parse(r.value)).n === 0n;
      if (flowMetrics.has(r.metric)) {
        // The parts alone: the row itself is left out, so a year is compared with what its quarters give.
        const parts = new Map(values);
        parts.delete(r.period);
        const sum = flowFromParts(parts, r.period);
        if (sum !== null && !equal(sum)) {
          const what = r.period.includes('Q') ? 'Monate' : 'Quartale bzw. Monate';
          found.push({
            line: r.line,
            message: `Zeile ${r.line}: ${r.metric} für „${r.region}“ ${r.period} ist ${euro(r.value)}, die ${what} derselben Datei ergeben ${euro(sum)}. Die Datei wurde nicht übernommen.`,
          });
        }
      } else if (/^\d{4}$/.test(r.period)) {
        const day = values.get(`${r.period}-12-31`);
        if (day !== undefined && !equal(day)) {
          found.push({
            line: r.line,
            message: `Zeile ${r.line}: ${r.metric} für „${r.region}“ ${r.period} ist ${euro(r.value)}, am Stichtag ${r.period}-12-31 steht ${euro(day)}. Die Datei wurde nicht übernommen.`,
          });
        }
      }
    }
  }
  found.sort((a, b) => a.line - b.line);
  return found[0] ?? null;
}
