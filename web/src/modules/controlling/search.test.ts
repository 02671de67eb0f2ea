import { describe, expect, it } from 'vitest';
import { controllingDefaults, thisYear } from './search.ts';

describe('controllingDefaults', () => {
  it("takes the server's period, which starts with the first year with data", () => {
    expect(controllingDefaults({ from: 2016, to: 2025, year: 2025 })).toEqual({
      region: 'stadt',
      von: 2016,
      bis: 2025,
      jahr: 2025,
    });
    expect(controllingDefaults({ from: 2022, to: 2025, year: 2025 }).von).toBe(2022);
  });

  it('falls back to the last ten complete years until the server has answered', () => {
    const last = thisYear() - 1;
    expect(controllingDefaults()).toEqual({ region: 'stadt', von: last - 9, bis: last, jahr: last });
  });
});
