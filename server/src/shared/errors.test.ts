import { describe, expect, it } from 'vitest';
import { fromDatabaseError } from './errors.ts';

describe('database errors as problems', () => {
  it('answers values PostgreSQL refuses (NUL, number or date out of range) as invalid input, not as 500', () => {
    for (const code of ['22021', '22003', '22008', '22007', '22001', '22P02', '22P05']) {
      expect(fromDatabaseError({ code })?.code, code).toBe('validation');
    }
  });

  it('leaves other database failures unexpected', () => {
    expect(fromDatabaseError({ code: '40001' })).toBeUndefined();
    expect(fromDatabaseError(new Error('connection lost'))).toBeUndefined();
  });
});
