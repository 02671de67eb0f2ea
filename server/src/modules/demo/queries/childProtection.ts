import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * What the demo generator reads back to give its cases § 8a checks, Aktenvermerke and the checks' processes. Lists
 * the random draws depend on are ordered by something unique and stable (case number, position in the household,
 * username), never by the random ids. Each statement reads one table and the caller joins: right after a bulk load
 * the planner's statistics may not know this tenant yet, and a join it takes for one row against one row becomes a
 * nested loop over thousands (a second demo tenant in the same database took tens of seconds).
 */

/** Every case with a lead, in case-number order. */
export function listCasesForChildProtection(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('case_file')
    .select([
      'id',
      'case_number',
      'opened_on',
      'closed_on',
      'status',
      'lead_user_id',
      'team_id',
      'access_route',
      'household_id',
    ])
    .where('tenant_id', '=', tenantId)
    .where('lead_user_id', 'is not', null)
    .orderBy('case_number')
    .$narrowType<{ lead_user_id: string }>()
    .execute();
}

/** A case as the generator uses it: the row, its family name and its intake classification (joined by the caller). */
export type ProtectionCaseRow = Awaited<ReturnType<typeof listCasesForChildProtection>>[number] & {
  family: string;
  intake_on: string | null;
  intake_area: string | null;
};

/** The family name of every household. */
export function listHouseholdNames(db: Kysely<DB>, tenantId: string) {
  return db.selectFrom('household').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
}

/** Every Kurzberatung's case, day and area (the first of a case is the intake classification). */
export function listConsultationAreas(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('risk_consultation')
    .select(['case_id', 'held_on', 'area'])
    .where('tenant_id', '=', tenantId)
    .orderBy('held_on')
    .execute();
}

/** The members of these households in their order, with the persons' ids. */
export async function listHouseholdMembers(
  db: Kysely<DB>,
  tenantId: string,
  householdIds: readonly string[],
) {
  const out: { household_id: string; person_id: string; role: string; position: number }[] = [];
  for (let i = 0; i < householdIds.length; i += 1000) {
    const rows = await db
      .selectFrom('household_member')
      .select(['household_id', 'person_id', 'role', 'position'])
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`household_id = any(${householdIds.slice(i, i + 1000)}::uuid[])`)
      .execute();
    out.push(...rows);
  }
  return out;
}

/** What a check and its statistic need of these persons. */
export async function listPersons(db: Kysely<DB>, tenantId: string, personIds: readonly string[]) {
  const out: {
    id: string;
    first_name: string;
    birth_date: string | null;
    gender: string | null;
    language: string | null;
  }[] = [];
  for (let i = 0; i < personIds.length; i += 1000) {
    const rows = await db
      .selectFrom('person')
      .select(['id', 'first_name', 'birth_date', 'gender', 'language'])
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`id = any(${personIds.slice(i, i + 1000)}::uuid[])`)
      .execute();
    out.push(...rows);
  }
  return out;
}

/** The approved measures of these cases: which services the family used when a check took place. */
export async function listMeasuresOfCases(db: Kysely<DB>, tenantId: string, caseIds: readonly string[]) {
  const out: { case_id: string; begin_on: string; end_on: string | null; category: string }[] = [];
  for (let i = 0; i < caseIds.length; i += 1000) {
    const rows = await db
      .selectFrom('measure')
      .select(['case_id', 'begin_on', 'end_on', 'category'])
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`case_id = any(${caseIds.slice(i, i + 1000)}::uuid[])`)
      .where('status', '=', 'bewilligt')
      .execute();
    out.push(...rows);
  }
  return out;
}
