import { describe, expect, it } from 'vitest';
import { commitmentInputSchema } from './district.ts';

const valid = {
  year: 2026,
  districtId: '00000000-0000-4000-8000-000000000001',
  committed: '1000',
  spent: '200.50',
};

describe('a project budget (commitmentInputSchema)', () => {
  it('refuses spending beyond the committed sum, on the field spent', () => {
    const result = commitmentInputSchema.safeParse({ ...valid, spent: '1000.01' });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['spent']);
  });

  it('refuses text that is no amount on its field instead of throwing (a 500 the security fuzzing found)', () => {
    for (const committed of ['a', '1e9', '', '12,50']) {
      const result = commitmentInputSchema.safeParse({ ...valid, committed });
      expect(result.success, committed).toBe(false);
      expect(
        result.error?.issues.map((i) => i.path.join('.')),
        committed,
      ).toEqual(['committed']);
    }
  });
});
