import { describe, expect, it } from 'vitest';
import { addressInputSchema, formatAddress } from './persons.ts';

describe('the intake address', () => {
  it('reads as one line, or as its kind without a fixed address', () => {
    expect(formatAddress({ kind: 'fest', street: 'Ankerweg', houseNumber: '7a', postalCode: '28195' })).toBe(
      'Ankerweg 7a, 28195',
    );
    expect(formatAddress({ kind: 'wohnungslos', street: null, houseNumber: null, postalCode: null })).toBe(
      'Wohnungslos',
    );
    expect(
      formatAddress({ kind: 'unbekannt_verzogen', street: null, houseNumber: null, postalCode: null }),
    ).toBe('Unbekannt verzogen');
  });

  it('needs a chosen street and a number for a fixed address only', () => {
    const fixed = addressInputSchema.safeParse({ kind: 'fest', streetId: null, houseNumber: null });
    expect(fixed.success ? [] : fixed.error.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'houseNumber',
      'streetId',
    ]);
    expect(
      addressInputSchema.safeParse({ kind: 'wohnungslos', streetId: null, houseNumber: null }).success,
    ).toBe(true);
  });
});
