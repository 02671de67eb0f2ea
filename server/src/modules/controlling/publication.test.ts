import { describe, expect, it } from 'vitest';
import { publicationCsv, suppressSmall } from './publication.ts';

describe('small-count suppression for publication', () => {
  it('shows 1 to 4 as "<5", keeps 0 and 5+', () => {
    expect([0, 1, 4, 5, 123].map((n) => suppressSmall(n))).toEqual(['0', '<5', '<5', '5', '123']);
    expect(suppressSmall(null)).toBe('nicht verfügbar');
  });

  it('applies it to every count of the quarterly CSV, not to the density', () => {
    const csv = publicationCsv({
      region: { name: 'Nordhafen' },
      quarters: [
        {
          quarter: '2025-Q4',
          densityPer1000: 1.5,
          ambulant: 1,
          stationaer: 0,
          casesKosten: 7,
          casesBeratung: 2,
          casesNeu: 3,
        },
      ],
    });
    const [, row] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(row).toBe('Nordhafen;2025-Q4;1,5;<5;0;7;<5;<5');
  });
});
