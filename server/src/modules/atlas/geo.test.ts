import { describe, expect, it } from 'vitest';
import { containsPoint, validOutline } from './geo.ts';

const square = (x: number, y: number, size: number) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ] as [number, number][],
];

describe('atlas geometry', () => {
  it('finds a point inside a polygon and not outside it', () => {
    const outline = { type: 'Polygon' as const, coordinates: square(8, 53, 1) };
    expect(containsPoint(outline, 8.5, 53.5)).toBe(true);
    expect(containsPoint(outline, 9.5, 53.5)).toBe(false);
  });

  it('treats a hole as outside and finds points in any part of a multipolygon', () => {
    const holed = { type: 'Polygon' as const, coordinates: [...square(0, 0, 10), ...square(4, 4, 2)] };
    expect(containsPoint(holed, 5, 5)).toBe(false);
    expect(containsPoint(holed, 1, 1)).toBe(true);
    const multi = { type: 'MultiPolygon' as const, coordinates: [square(0, 0, 1), square(5, 5, 1)] };
    expect(containsPoint(multi, 5.5, 5.5)).toBe(true);
    expect(containsPoint(multi, 3, 3)).toBe(false);
  });

  it('refuses open rings, too few corners and positions off the globe', () => {
    expect(validOutline({ type: 'Polygon', coordinates: square(8, 53, 1) })).not.toBeNull();
    expect(
      validOutline({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      }),
    ).toBeNull();
    expect(
      validOutline({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      }),
    ).toBeNull();
    expect(validOutline({ type: 'Polygon', coordinates: square(200, 0, 1) })).toBeNull();
    expect(validOutline({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });
});
