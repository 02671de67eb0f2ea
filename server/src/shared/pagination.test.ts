import { z } from '@leuchtturm/shared';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { decodeCursor, encodeCursor, toPage } from './pagination.ts';

const key = z.object({ seq: z.int() });

describe('pagination', () => {
  it('sends limit rows and a cursor naming the last one when there are more', () => {
    const page = toPage(
      [1, 2, 3, 4],
      3,
      (n) => ({ seq: n }),
      (n) => n * 10,
    );
    expect(page.items).toEqual([10, 20, 30]);
    expect(decodeCursor(page.nextCursor ?? undefined, key)).toEqual({ seq: 3 });
  });

  it('ends with a null cursor', () => {
    expect(
      toPage(
        [1, 2],
        3,
        (n) => ({ seq: n }),
        (n) => n,
      ).nextCursor,
    ).toBeNull();
  });

  it('refuses a forged or garbled cursor as bad input on the field cursor', () => {
    for (const bad of ['not-base64-json', encodeCursor({ seq: 'x' }), encodeCursor([1])]) {
      try {
        decodeCursor(bad, key);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).fieldErrors?.[0]?.field).toBe('cursor');
      }
    }
  });
});
