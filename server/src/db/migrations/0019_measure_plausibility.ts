import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Plausible measures (docs/domain.md, "Plausible records"): why a help begins before its case was opened, and why a
 * planned help was withdrawn (also when its case is closed). The rules themselves (no begin before birth, no two
 * stationary helps of one young person on a day, closing decides every running or planned help) are checked by
 * measures/service.ts and cases/closing.ts, which lock the young person's row so that two plans cannot race.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `alter table measure add column begin_reason text;
     alter table measure add column withdraw_reason text;`,
  );
}
