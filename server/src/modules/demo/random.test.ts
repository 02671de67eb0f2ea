import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';

describe('Random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new Random('x');
    const b = new Random('x');
    const c = new Random('y');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays within bounds', () => {
    const r = new Random('bounds');
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
  });

  it('picks by weight: an item of weight 0 never, a heavier item more often', () => {
    const r = new Random('weights');
    const seen = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 2000; i++)
      seen[
        r.weighted([
          ['a', 3],
          ['b', 1],
          ['c', 0],
        ] as const)
      ]++;
    expect(seen.c).toBe(0);
    expect(seen.a).toBeGreaterThan(seen.b * 2);
  });
});
