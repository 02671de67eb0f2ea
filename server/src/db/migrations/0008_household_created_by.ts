import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Who registered a household. Until it has a case, a household is visible only to whoever registered it (and the
 * lead of its team): without this, anyone could open a case on a household and read the family through it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `alter table household add column created_by uuid;
     alter table household add foreign key (tenant_id, created_by) references app_user (tenant_id, id);`,
  );
}
