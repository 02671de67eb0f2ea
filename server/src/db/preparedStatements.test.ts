import { describe, expect, it } from 'vitest';
import { PREPARE_FROM_LENGTH, PREPARED_PER_CONNECTION, preparedName } from './preparedStatements.ts';

const long = (n: number) => `select ${n} as n -- ${'x'.repeat(PREPARE_FROM_LENGTH)}`;

describe('which statements are prepared', () => {
  it('names a long statement by its text, the same text alike, and leaves a short one unnamed', () => {
    const none = new Set<string>();
    expect(preparedName('select 1', none)).toBeNull();
    expect(preparedName('x'.repeat(PREPARE_FROM_LENGTH - 1), none)).toBeNull();
    expect(preparedName(long(1), none)).toMatch(/^lt_[0-9a-f]{24}$/);
    expect(preparedName(long(1), none)).toBe(preparedName(long(1), none));
    expect(preparedName(long(1), none)).not.toBe(preparedName(long(2), none));
  });

  it('prepares no new statement once a connection holds its limit, but keeps using those it holds', () => {
    const held = new Set<string>();
    for (let i = 0; held.size < PREPARED_PER_CONNECTION; i++) held.add(preparedName(long(i), held) as string);
    expect(preparedName(long(PREPARED_PER_CONNECTION + 1), held)).toBeNull();
    expect(preparedName(long(0), held)).toBe([...held][0]);
  });
});
