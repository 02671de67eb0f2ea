import { describe, expect, it } from 'vitest';
import { likePattern } from './like.ts';

describe('LIKE patterns', () => {
  it('finds the term anywhere, lowercased, with the wildcards and the escape taken literally', () => {
    expect(likePattern('Kita')).toBe('%kita%');
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
