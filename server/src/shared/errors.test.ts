import { describe, expect, it } from 'vitest';
import { fromDatabaseError } from './errors.ts';

describe('database errors as problems', () => {
  it('answers values PostgreSQL refuses (NUL, number or date out of range) as invalid input, not as 500', () => {
    for (const code of ['22021', '22003', '22008', '22007', '22001', '22P02', '22P05']) {
      expect(fromDatabaseError({ code })?.code, code).toBe('validation');
    }
  });

  it('names the field of a check violation from the constraint, or of a required column from the column', () => {
    const check = fromDatabaseError({ code: '23514', table: 'help_type', constraint: 'help_type_check' });
    expect(check?.code).toBe('validation');
    expect(check?.fieldErrors?.map((f) => f.field)).toEqual(['validTo']);
    const own = fromDatabaseError({
      code: '23514',
      table: 'network_tie',
      constraint: 'network_tie_angle_check',
    });
    expect(own?.fieldErrors?.map((f) => f.field)).toEqual(['angle']);
    const required = fromDatabaseError({ code: '23502', table: 'person', column: 'first_name' });
    expect(required?.fieldErrors?.map((f) => f.field)).toEqual(['firstName']);
  });

  it('still refuses a check violation it cannot name as invalid input, without a field', () => {
    const unknown = fromDatabaseError({ code: '23514', table: 'x', constraint: 'x_rule' });
    expect(unknown?.code).toBe('validation');
    expect(unknown?.fieldErrors).toBeUndefined();
  });

  it('leaves other database failures unexpected', () => {
    expect(fromDatabaseError({ code: '40001' })).toBeUndefined();
    expect(fromDatabaseError(new Error('connection lost'))).toBeUndefined();
  });
});
