import { UpdateResult } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { expectOneUpdated } from './versioned.ts';

const updated = (rows: bigint) => new UpdateResult(rows, undefined);

describe('a versioned update', () => {
  it('passes when the row was updated, without asking whether it exists', async () => {
    let asked = false;
    await expectOneUpdated(updated(1n), async () => (asked = true), 'Die Maßnahme');
    expect(asked).toBe(false);
  });

  it('answers 409 when nothing changed but the record exists (someone saved first)', async () => {
    const error = await expectOneUpdated(updated(0n), async () => ({ id: 'x' }), 'Die Maßnahme').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
  });

  it('answers 404 naming the record when nothing changed because it is gone', async () => {
    const error = await expectOneUpdated(updated(0n), async () => undefined, 'Die Maßnahme').catch(
      (e: unknown) => e,
    );
    expect((error as AppError).status).toBe(404);
    expect((error as AppError).message).toBe('Die Maßnahme wurde nicht gefunden.');
  });
});
