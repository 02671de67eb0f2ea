import type { UpdateResult } from 'kysely';
import { AppError } from './errors.ts';

/**
 * Optimistic concurrency: updates carry `where version = <what the client saw>` and bump the version. When no row
 * changed, either the record is gone or someone saved first; the second save is refused, never merged silently.
 */
export async function expectOneUpdated(
  result: UpdateResult,
  stillExists: () => Promise<unknown>,
  what: string,
): Promise<void> {
  if (result.numUpdatedRows > 0n) return;
  if (await stillExists()) throw AppError.versionConflict();
  throw AppError.notFound(what);
}
