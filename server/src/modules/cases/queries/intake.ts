import type { IntakeInput } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Falleingang, Fallführung and access grants: the case row and who may work on it. */

/** Where the household lives, as far as the case needs it: the team responsible and the district. */
export function findHouseholdPlacement(db: Kysely<DB>, tenantId: string, householdId: string) {
  return db
    .selectFrom('household')
    .select(['id', 'team_id', 'district_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
}

/**
 * Takes the next number of the year's case counter (creating the counter at 1). The upsert locks the counter row,
 * so concurrent intakes get consecutive numbers without gaps.
 */
export async function takeCaseNumber(db: Kysely<DB>, tenantId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('case_counter')
    .values({ tenant_id: tenantId, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'year']).doUpdateSet((eb) => ({ last: eb('case_counter.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function insertCaseFile(
  db: Kysely<DB>,
  tenantId: string,
  row: {
    caseNumber: string;
    intake: Omit<IntakeInput, 'householdId'>;
    householdId: string;
    teamId: string | null;
    districtId: string | null;
    leadUserId: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const inserted = await db
    .insertInto('case_file')
    .values({
      tenant_id: tenantId,
      case_number: row.caseNumber,
      household_id: row.householdId,
      opened_on: row.intake.openedOn,
      access_route: row.intake.accessRoute,
      reporter: row.intake.reporter,
      concern: row.intake.concern,
      team_id: row.teamId,
      lead_user_id: row.leadUserId,
      district_id: row.districtId,
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function setCaseLead(db: Kysely<DB>, tenantId: string, caseId: string, leadUserId: string) {
  await db
    .updateTable('case_file')
    .set({ lead_user_id: leadUserId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .execute();
}

/** Keeps a change of Fallführung for the Verlauf, with the Übergabenotiz if one was written. */
export async function insertLeadChange(
  db: Kysely<DB>,
  tenantId: string,
  change: {
    caseId: string;
    fromUserId: string | null;
    toUserId: string;
    note: string | null;
    changedBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('case_lead_change')
    .values({
      tenant_id: tenantId,
      case_id: change.caseId,
      from_user_id: change.fromUserId,
      to_user_id: change.toUserId,
      note: change.note,
      changed_by: change.changedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Gives a user access to a case, until the end of `validUntil` (null: until revoked); granting again keeps who
 * granted it first and when, and sets the new end.
 */
export async function insertAccessGrant(
  db: Kysely<DB>,
  tenantId: string,
  grant: { caseId: string; userId: string; grantedBy: string | null; validUntil?: string | null },
) {
  await db
    .insertInto('case_access_grant')
    .values({
      tenant_id: tenantId,
      case_id: grant.caseId,
      user_id: grant.userId,
      granted_by: grant.grantedBy,
      valid_until: grant.validUntil ?? null,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'case_id', 'user_id']).doUpdateSet({ valid_until: grant.validUntil ?? null }),
    )
    .execute();
}

export async function deleteAccessGrant(db: Kysely<DB>, tenantId: string, caseId: string, userId: string) {
  await db
    .deleteFrom('case_access_grant')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .execute();
}

/** Allocation: the case joins a team with its lead case manager, if it has no team yet; answers whether it did. */
export async function allocateCaseRow(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  to: { teamId: string; leadUserId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('case_file')
    .set({ team_id: to.teamId, lead_user_id: to.leadUserId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .where('team_id', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The allocation list: open cases without a team, oldest first, with only what allocating needs (no names of the
 * family, no concern): number, date, access route, the Stadtteil and street (or no fixed address), who took it.
 */
export function listUnallocatedCases(db: Kysely<DB>, tenantId: string, limit: number) {
  return db
    .selectFrom('case_file as c')
    .innerJoin('household as h', (j) =>
      j.onRef('h.tenant_id', '=', 'c.tenant_id').onRef('h.id', '=', 'c.household_id'),
    )
    .leftJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'h.tenant_id').onRef('d.id', '=', 'h.district_id'),
    )
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.created_by'),
    )
    .select([
      'c.id',
      'c.case_number',
      'c.opened_on',
      'c.access_route',
      'c.version',
      'h.address_kind',
      'h.street_name',
      'h.postal_code',
      'd.name as district_name',
      'u.display_name as taken_by',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.team_id', 'is', null)
    .where('c.status', '=', 'offen')
    .orderBy('c.opened_on')
    .orderBy('c.case_number')
    .limit(limit)
    .execute();
}
