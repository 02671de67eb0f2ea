import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ProtectionMeasureTable } from '../../../db/schema-childProtection.ts';
import {
  type ContentViewer,
  confidedShownSql,
  shownOr,
  shownOrNull,
} from '../../confided/queries/visibility.ts';

/** Consequences of a § 8a check (protection_measure) and the Aufträge/Auflagen a Schutzplan includes. */

/** Which of these mandates belong to the case. */
export async function caseMandateIds(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  mandateIds: string[],
): Promise<string[]> {
  if (mandateIds.length === 0) return [];
  const rows = await db
    .selectFrom('mandate')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', 'in', mandateIds)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertMeasure(
  db: Kysely<DB>,
  values: Insertable<ProtectionMeasureTable>,
): Promise<string> {
  const row = await db
    .insertInto('protection_measure')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets the mandates of a Schutzplan to exactly these. */
export async function replaceMeasureMandates(
  db: Kysely<DB>,
  tenantId: string,
  measureId: string,
  mandateIds: string[],
): Promise<void> {
  await db
    .deleteFrom('protection_measure_mandate')
    .where('tenant_id', '=', tenantId)
    .where('measure_id', '=', measureId)
    .execute();
  if (mandateIds.length === 0) return;
  await db
    .insertInto('protection_measure_mandate')
    .values(
      mandateIds.map((mandateId) => ({ tenant_id: tenantId, measure_id: measureId, mandate_id: mandateId })),
    )
    .execute();
}

/** The consequences of these checks, oldest first; their free text as the viewer may read it (§ 65). */
export function listMeasures(db: Kysely<DB>, tenantId: string, checkIds: string[], viewer: ContentViewer) {
  if (checkIds.length === 0) return Promise.resolve([]);
  const shown = confidedShownSql(
    'protection_measure',
    'protection_measure.tenant_id',
    'protection_measure.id',
    viewer,
  );
  return db
    .selectFrom('protection_measure')
    .selectAll()
    .select([
      shownOrNull(shown, 'protection_measure.description').as('description'),
      shownOrNull(shown, 'protection_measure.place').as('place'),
      shownOrNull(shown, 'protection_measure.carers_informed_how').as('carers_informed_how'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('check_id', 'in', checkIds)
    .orderBy('decided_on')
    .orderBy('created_at')
    .execute();
}
export type MeasureRow = Awaited<ReturnType<typeof listMeasures>>[number];

/** The mandates the Schutzpläne among these consequences include (a § 65 confided text: for whom it is shown). */
export function measureMandates(
  db: Kysely<DB>,
  tenantId: string,
  measureIds: string[],
  viewer: ContentViewer,
) {
  if (measureIds.length === 0) return Promise.resolve([]);
  const shown = confidedShownSql('mandate', 'm.tenant_id', 'm.id', viewer);
  return db
    .selectFrom('protection_measure_mandate as pm')
    .innerJoin('mandate as m', (j) =>
      j.onRef('m.tenant_id', '=', 'pm.tenant_id').onRef('m.id', '=', 'pm.mandate_id'),
    )
    .select(['pm.measure_id', 'm.id', 'm.kind', shownOr(shown, 'm.text').as('text'), 'm.due_on', 'm.result'])
    .where('pm.tenant_id', '=', tenantId)
    .where('pm.measure_id', 'in', measureIds)
    .orderBy('m.due_on')
    .execute();
}
export type MeasureMandateRow = Awaited<ReturnType<typeof measureMandates>>[number];

/** One consequence of the check (with its kind and begin, which a change must keep). */
export function findMeasure(db: Kysely<DB>, tenantId: string, checkId: string, measureId: string) {
  return db
    .selectFrom('protection_measure')
    .select(['id', 'kind', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('check_id', '=', checkId)
    .where('id', '=', measureId)
    .executeTakeFirst();
}

export function updateMeasure(
  db: Kysely<DB>,
  tenantId: string,
  checkId: string,
  measureId: string,
  version: number,
  set: Updateable<ProtectionMeasureTable>,
) {
  return db
    .updateTable('protection_measure')
    .set({ ...set, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('check_id', '=', checkId)
    .where('id', '=', measureId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** How many consequences of the check protect the child (all kinds but the closing). */
export async function protectiveMeasureCount(
  db: Kysely<DB>,
  tenantId: string,
  checkId: string,
): Promise<number> {
  const row = await db
    .selectFrom('protection_measure')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('check_id', '=', checkId)
    .where('kind', '<>', 'abschluss')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
