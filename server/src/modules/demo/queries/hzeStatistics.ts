import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** The demo's HzE statistics (demo/hzeStatistics.ts): what it reads and its bulk writes. */

const CHUNK = 2000;

export async function setDemoHzeOffice(db: Kysely<DB>, tenantId: string, office: object): Promise<void> {
  await db
    .updateTable('finance_setting')
    .set({ hze_office: JSON.stringify(office) })
    .where('tenant_id', '=', tenantId)
    .execute();
}

/** The demo's helps counting as HzE, in an order the seed decides (ids are drawn by the database). */
export function listDemoHzeMeasures(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('measure as m')
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
    )
    .select(['m.id', 'h.code', 'm.category', 'm.end_on', 'm.end_reason', 'm.hours_per_week'])
    .where('m.tenant_id', '=', tenantId)
    .where('h.is_hze', '=', true)
    .orderBy('c.case_number')
    .orderBy('m.begin_on')
    .orderBy('p.first_name')
    .orderBy('p.birth_date')
    .orderBy('h.code')
    .execute();
}

export function listDemoCaseIds(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('case_file')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .orderBy('case_number')
    .execute();
}

/** Sets a jsonb column of many rows, one statement per chunk (the same SQL on PGlite and PostgreSQL). */
export async function bulkJson(
  db: Kysely<DB>,
  tenantId: string,
  table: 'measure' | 'case_file',
  column: 'statistics' | 'family_statistics',
  rows: { id: string; json: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = sql.join(rows.slice(i, i + CHUNK).map((r) => sql`(${r.id}, ${r.json})`));
    await sql`update ${sql.table(table)} as t set ${sql.ref(column)} = v.s::jsonb
      from (values ${values}) as v(id, s)
      where t.tenant_id = ${tenantId} and t.id = v.id::uuid`.execute(db);
  }
}
