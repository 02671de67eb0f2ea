import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { per } from './presenter.ts';
import {
  type PublicationQuarter,
  publicationCsv,
  publishedQuarter,
  suppressSmall,
  totalBesideParts,
} from './publication.ts';

const countColumns = ['ambulant', 'stationaer', 'casesKosten', 'casesBeratung', 'casesNeu'] as const;
type CountColumn = (typeof countColumns)[number];

/** The public knowledge beside the CSV: the young inhabitants (population statistics) and the HzE help in neither column. */
interface Known {
  jew: number;
  otherHze: number;
}

/**
 * What an attacker can work out from one published row: every assignment of the suppressed counts ("<5": 1 to 4)
 * that agrees with the published density, taking the HzE count to be exactly ambulant + stationary + the help
 * known to be in neither (the strongest assumption). Returns each suppressed column's possible values.
 */
function possibleValues(row: string[], known: Known): Map<CountColumn, Set<number>> {
  const [density, ...counts] = row.slice(2);
  const options = countColumns.map((_, i) => {
    const shown = counts[i] as string;
    return shown === '<5' ? [1, 2, 3, 4] : [Number(shown)];
  });
  const possible = new Map<CountColumn, Set<number>>();
  const assign = (i: number, chosen: number[]) => {
    if (i === countColumns.length) {
      const [ambulant = 0, stationaer = 0] = chosen;
      if (density !== 'gesperrt') {
        const implied = per(ambulant + stationaer + known.otherHze, known.jew, 1000);
        if (String(implied).replace('.', ',') !== density) return;
      }
      chosen.forEach((value, c) => {
        if (counts[c] !== '<5') return;
        const column = countColumns[c] as CountColumn;
        possible.set(column, (possible.get(column) ?? new Set()).add(value));
      });
      return;
    }
    for (const value of options[i] ?? []) assign(i + 1, [...chosen, value]);
  };
  assign(0, []);
  return possible;
}

const rowOf = (q: PublicationQuarter) => ['Nordhafen', q.quarter, ...publishedQuarter(q)];

const smallish = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 400 }));
const quarterArb = fc
  .record({
    jew: fc.integer({ min: 50, max: 150_000 }),
    otherHze: fc.integer({ min: 0, max: 3 }),
    ambulant: smallish,
    stationaer: smallish,
    casesKosten: smallish,
    casesBeratung: smallish,
    casesNeu: smallish,
  })
  .map(({ jew, otherHze, ...counts }) => {
    const hze = counts.ambulant + counts.stationaer + otherHze;
    const q: PublicationQuarter = {
      quarter: '2025-Q4',
      densityPer1000: per(hze, jew, 1000),
      hze,
      ...counts,
    };
    return { q, known: { jew, otherHze } };
  });

describe('small-count suppression for publication', () => {
  it('shows 1 to 4 as "<5", keeps 0 and 5+', () => {
    expect([0, 1, 4, 5, 123].map((n) => suppressSmall(n))).toEqual(['0', '<5', '<5', '5', '123']);
    expect(suppressSmall(null)).toBe('nicht verfügbar');
  });

  it('applies it to every count of the quarterly CSV and withholds the density beside a suppressed part', () => {
    const csv = publicationCsv({
      region: { name: 'Nordhafen' },
      quarters: [
        {
          quarter: '2025-Q4',
          densityPer1000: 1.5,
          hze: 7,
          ambulant: 1,
          stationaer: 6,
          casesKosten: 7,
          casesBeratung: 2,
          casesNeu: 3,
        },
        {
          quarter: '2026-Q1',
          densityPer1000: 2.25,
          hze: 9,
          ambulant: 0,
          stationaer: 9,
          casesKosten: 9,
          casesBeratung: 12,
          casesNeu: 0,
        },
      ],
    });
    const [, first, second] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(first).toBe('Nordhafen;2025-Q4;gesperrt;<5;6;7;<5;<5');
    expect(second).toBe('Nordhafen;2026-Q1;2,25;0;9;9;12;0');
  });

  it('lets the attacker of the property below recompute a count when the density is published beside it', () => {
    // The rule before: density always published. 3 ambulant + 10 stationary of 1,000 young inhabitants = 13,0.
    const naive = ['Nordhafen', '2025-Q4', '13', '<5', '10', '20', '20', '20'];
    expect(possibleValues(naive, { jew: 1000, otherHze: 0 }).get('ambulant')).toEqual(new Set([3]));
  });

  it('publishes no suppressed count that can be recomputed from the CSV, the population and the rules', () => {
    fc.assert(
      fc.property(quarterArb, ({ q, known }) => {
        const row = rowOf(q);
        // What is published is true: every shown count is the count.
        countColumns.forEach((column, i) => {
          const shown = row[3 + i];
          if (shown !== '<5') expect(Number(shown)).toBe(q[column]);
        });
        const possible = possibleValues(row, known);
        countColumns.forEach((column, i) => {
          if (row[3 + i] !== '<5') return;
          const values = possible.get(column) ?? new Set();
          // The true count is among the possibilities, and it is never the only one.
          expect(values.has(q[column])).toBe(true);
          expect(values.size).toBeGreaterThan(1);
        });
        // The density is withheld exactly when its HzE count would give a small number away.
        const small = (n: number) => n > 0 && n < 5;
        expect(row[2] === 'gesperrt').toBe(small(q.hze) || small(q.ambulant) || small(q.stationaer));
      }),
      { numRuns: 2000 },
    );
  });

  it('withholds a total beside a suppressed part, so that no part can be recomputed from it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 3 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const shownTotal = totalBesideParts(total, parts);
        const shownParts = parts.map((p) => suppressSmall(p));
        // Every assignment of the "<5" parts (1 to 4) that agrees with what the total shows.
        const options = shownParts.map((shown) => (shown === '<5' ? [1, 2, 3, 4] : [Number(shown)]));
        let fits: number[][] = [[]];
        for (const values of options) fits = fits.flatMap((f) => values.map((v) => [...f, v]));
        fits = fits.filter((f) => {
          const sum = f.reduce((a, b) => a + b, 0);
          if (shownTotal === 'gesperrt') return true;
          if (shownTotal === '<5') return sum > 0 && sum < 5;
          return String(sum) === shownTotal;
        });
        shownParts.forEach((shown, i) => {
          if (shown !== '<5') return;
          const possible = new Set(fits.map((f) => f[i]));
          expect(possible.has(parts[i])).toBe(true);
          expect(possible.size).toBeGreaterThan(1);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
