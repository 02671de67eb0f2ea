import type { CloseCaseInput, ConsentInput, FamilyConferenceInput } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Familienrat, Schweigepflichtentbindungen and the closing of a case. */

/** The form's fields and who saves them (the author who may mark the record as confided, § 65). */
type FamilyConferenceFields = Omit<FamilyConferenceInput, 'version'> & { updatedBy: string | null };
const familyConferenceColumns = (f: FamilyConferenceFields) => ({
  concern: f.concern,
  coordinator: f.coordinator,
  participants: f.participants,
  place: f.place,
  held_on: f.heldOn,
  phase: f.phase,
  family_plan: f.familyPlan,
  office_decision: f.officeDecision,
  follow_up_on: f.followUpOn,
  updated_by: f.updatedBy,
});

/**
 * The case's first Familienrat record (version 1). Answers false when one exists already: someone saved first,
 * which the primary key (tenant, case) decides even for two saves at the same moment.
 */
export async function insertFamilyConference(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  fields: FamilyConferenceFields,
): Promise<boolean> {
  const row = await db
    .insertInto('family_conference')
    .values({ tenant_id: tenantId, case_id: caseId, ...familyConferenceColumns(fields) })
    .onConflict((oc) => oc.columns(['tenant_id', 'case_id']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Updates the Familienrat record if it is still at the version the client saw (see shared/versioned.ts). */
export function updateFamilyConference(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  fields: FamilyConferenceFields,
  version: number,
) {
  return db
    .updateTable('family_conference')
    .set((eb) => ({ ...familyConferenceColumns(fields), version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function findFamilyConference(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('family_conference')
    .select('case_id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/** Is the person a member of the household? */
export async function isHouseholdMember(
  db: Kysely<DB>,
  tenantId: string,
  householdId: string,
  personId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('household_member')
    .select('person_id')
    .where('tenant_id', '=', tenantId)
    .where('household_id', '=', householdId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertConsent(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  input: ConsentInput,
): Promise<string> {
  const row = await db
    .insertInto('consent')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      person_id: input.personId,
      recipient: input.recipient,
      purpose: input.purpose,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes a consent of the case that is not yet revoked; answers whether it did. */
export async function revokeConsentOn(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  consentId: string,
  on: string,
): Promise<boolean> {
  const result = await db
    .updateTable('consent')
    .set({ revoked_on: on })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', consentId)
    .where('revoked_on', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function closeCaseFile(db: Kysely<DB>, tenantId: string, caseId: string, input: CloseCaseInput) {
  await db
    .updateTable('case_file')
    .set({
      status: 'abgeschlossen',
      closed_on: input.closedOn,
      closing_reason: input.reason,
      closing_outcome: input.outcome,
      closing_tip: input.tip,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .execute();
}

/**
 * Wiederaufnahme: keeps the closing it undoes in the reopening record, then puts the case back to "offen" (the case
 * row's check ties closed_on to the status, so the closing fields are cleared there and live on in the record).
 */
export async function reopenCaseFile(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  reopening: { reopenedOn: string; reason: string; reopenedBy: string | null },
): Promise<string> {
  const row = await db
    .insertInto('case_reopening')
    .columns([
      'tenant_id',
      'case_id',
      'reopened_on',
      'reason',
      'reopened_by',
      'closed_on',
      'closing_reason',
      'closing_outcome',
      'closing_tip',
    ])
    .expression((eb) =>
      eb
        .selectFrom('case_file')
        .select([
          'tenant_id',
          'id',
          // Typed casts: PostgreSQL infers no type for a bare parameter in a select list.
          sql<string>`cast(${reopening.reopenedOn} as date)`.as('reopened_on'),
          sql<string>`cast(${reopening.reason} as text)`.as('reason'),
          sql<string | null>`cast(${reopening.reopenedBy} as uuid)`.as('reopened_by'),
          'closed_on',
          'closing_reason',
          'closing_outcome',
          'closing_tip',
        ])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', caseId)
        .where('status', '=', 'abgeschlossen'),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('case_file')
    .set({ status: 'offen', closed_on: null, closing_reason: null, closing_outcome: null, closing_tip: null })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .execute();
  return row.id;
}

/** The reopenings of a case, oldest first, for its Verlauf: a query the case page reads inside its own statement. */
export function caseReopenings(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('case_reopening')
    .select(['id', 'reopened_on', 'reason', 'reopened_by', 'closed_on'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('reopened_at');
}
