import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { describeJobError, JobRegistry, retryDelayMs } from './registry.ts';

describe('job registry and retry rules', () => {
  it('waits 30 s after the first failure, doubles each time, and never more than an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it('keeps the class and code of an error, never its message', () => {
    const pgError = Object.assign(new Error('Schlüssel (name)=(Familie Beispiel) existiert bereits'), {
      code: '23505',
    });
    expect(describeJobError(pgError)).toBe('Error (23505)');
    expect(describeJobError(new AppError('conflict', 'Familie Beispiel'))).toBe('AppError (conflict)');
    expect(describeJobError(new TypeError('x of Familie Beispiel'))).toBe('TypeError');
    expect(describeJobError('Familie Beispiel')).toBe('string');
    // A "code" that is text of its own is not kept either.
    expect(describeJobError(Object.assign(new Error('x'), { code: 'Familie Beispiel' }))).toBe('Error');
  });

  it('refuses a kind registered twice and a sweep more often than every second', () => {
    const registry = new JobRegistry().on('a', async () => {});
    expect(() => registry.every('a', 60_000, async () => {})).toThrow(/twice/);
    expect(() => registry.every('b', 10, async () => {})).toThrow(RangeError);
    expect(registry.kinds).toEqual(['a']);
  });

  it('lists the periodic kinds apart from the one-off kinds', () => {
    const registry = new JobRegistry().on('once', async () => {}).every('sweep', 60_000, async () => {});
    expect(registry.periodic.map((d) => d.kind)).toEqual(['sweep']);
    expect(registry.get('once')).toMatchObject({ everyMs: null, maxAttempts: 5 });
  });
});
