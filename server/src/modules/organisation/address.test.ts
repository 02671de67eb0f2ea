import { describe, expect, it } from 'vitest';
import { normaliseStreetName } from './address.ts';

describe('normaliseStreetName', () => {
  it.each([
    ['Waller Heerstraße', 'waller heerstraße'],
    ['Waller  Heerstr.', 'waller heerstraße'],
    ['waller heerstr', 'waller heerstraße'],
    ['WALLER HEERSTRASSE', 'waller heerstraße'],
    ['Am Deich', 'am deich'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseStreetName(input)).toBe(expected);
  });
});
