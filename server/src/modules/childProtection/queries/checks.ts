import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ChildProtectionCheckTable } from '../../../db/schema-childProtection.ts';
import {
  type ContentViewer,
  confidedShownSql,
  shownOr,
  shownOrNull,
} from '../../confided/queries/visibility.ts';

/**
 * The § 8a checks of a case (child_protection_check). Access to the case is checked by the service before any
 * of these run; every statement names the case, so a check id of another case is simply not found.
 */

/** A member of the household (with what the child rule needs), or undefined for anyone else. */
export function householdMember(db: Kysely<DB>, tenantId: string, householdId: string, personId: string) {
  return db
    .selectFrom('household_member as hm')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'hm.tenant_id').onRef('p.id', '=', 'hm.person_id'),
    )
    .select(['p.id', 'p.birth_date'])
    .where('hm.tenant_id', '=', tenantId)
    .where('hm.household_id', '=', householdId)
    .where('hm.person_id', '=', personId)
    .executeTakeFirst();
}

export async function insertCheck(
  db: Kysely<DB>,
  values: Insertable<ChildProtectionCheckTable>,
): Promise<string> {
  const row = await db
    .insertInto('child_protection_check')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const childName = sql<string>`p.first_name || ' ' || p.last_name`;

/** The case's checks with their child's name, newest report first. */
export function listChecks(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('child_protection_check as c')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.child_id'),
    )
    .selectAll('c')
    .select(childName.as('child_name'))
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .orderBy('c.received_at', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
}
export type CheckRow = Awaited<ReturnType<typeof listChecks>>[number];

export function findCheck(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  checkId: string,
): Promise<CheckRow | undefined> {
  return db
    .selectFrom('child_protection_check as c')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.child_id'),
    )
    .selectAll('c')
    .select(childName.as('child_name'))
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .where('c.id', '=', checkId)
    .executeTakeFirst();
}

/**
 * The check's free text as the viewer may read it (§ 65 SGB VIII): the placeholder in place of what a mark withholds,
 * empty fields left empty. Dates, urgency, status and the coded results are never part of it.
 */
export function checkTexts(db: Kysely<DB>, tenantId: string, checkId: string, viewer: ContentViewer) {
  const shown = confidedShownSql('child_protection_check', 'c.tenant_id', 'c.id', viewer);
  return db
    .selectFrom('child_protection_check as c')
    .select([
      shownOr(shown, 'c.report_text').as('report_text'),
      ...checkTextColumns.map((column) => shownOrNull(shown, `c.${column}`).as(column)),
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', checkId)
    .executeTakeFirstOrThrow();
}
const checkTextColumns = [
  'reporter_name',
  'urgency_reason',
  'assessment_facts',
  'risk_factors',
  'protective_factors',
  'visit_findings',
  'visit_reason',
  'result_note',
] as const;

/** Saves a step if the check is still open and at the version the client saw (see shared/versioned.ts). */
export function updateCheck(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  checkId: string,
  version: number,
  set: Updateable<ChildProtectionCheckTable>,
) {
  return db
    .updateTable('child_protection_check')
    .set({ ...set, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', checkId)
    .where('status', '=', 'offen')
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Closes an open check; answers whether it was still open. */
export async function closeCheck(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  checkId: string,
  closedBy: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('child_protection_check')
    .set({ status: 'abgeschlossen', closed_at: sql`now()`, closed_by: closedBy, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', checkId)
    .where('status', '=', 'offen')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Results of the case's other open checks (siblings, earlier reports): they keep the case's area from dropping. */
export async function otherOpenResults(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  checkId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('child_protection_check')
    .select('result')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '<>', checkId)
    .where('status', '=', 'offen')
    .where('result', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.result ? [r.result] : []));
}

/** The area and date of a Kurzberatung (the one a result wrote). */
export function consultationsById(db: Kysely<DB>, tenantId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('risk_consultation')
    .select(['id', 'area'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

/** Display names of staff named in checks and consequences (taken by, assessors, decided by, ...). */
export function staffNames(db: Kysely<DB>, tenantId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}
