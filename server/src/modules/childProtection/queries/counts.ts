import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Counts of § 8a checks for controlling: numbers only, never a row of a person or a case. */

/** Assessments completed in the year, by result (the official statistic's unit and period). */
export function completedByResult(db: Kysely<DB>, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('child_protection_check')
    .select(['result', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('result', 'is not', null)
    .where('completed_on', '>=', from)
    .where('completed_on', '<=', to)
    .groupBy('result')
    .execute();
}

/** Checks received in [from, to) (instants) that have no result yet. */
export async function openReceived(db: Kysely<DB>, tenantId: string, from: Date, to: Date): Promise<number> {
  const row = await db
    .selectFrom('child_protection_check')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('result', 'is', null)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inobhutnahmen out of § 8a checks begun in [from, to). */
export async function careBegun(db: Kysely<DB>, tenantId: string, from: Date, to: Date): Promise<number> {
  const row = await db
    .selectFrom('protection_measure')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'inobhutnahme')
    .where('begin_at', '>=', from)
    .where('begin_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
