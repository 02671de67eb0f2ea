import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Moves of a case to another team, its handover to another Jugendamt and its transmissions (migration 0030). */

type Placement = {
  address_kind: 'fest' | 'wohnungslos' | 'unbekannt_verzogen';
  street_id: string | null;
  street_name: string | null;
  house_number: string | null;
  postal_code: string | null;
  district_id: string | null;
  team_id: string | null;
};

/** The family moved: the household's new address, district and team. */
export async function moveHousehold(db: Kysely<DB>, tenantId: string, householdId: string, place: Placement) {
  await db
    .updateTable('household')
    .set((eb) => ({ ...place, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', householdId)
    .execute();
}

/** The case changes team: the new team lead allocates its Fallführung; the district follows the address. */
export async function setCaseTeam(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  teamId: string,
  districtId: string | null | undefined,
) {
  await db
    .updateTable('case_file')
    .set({
      team_id: teamId,
      lead_user_id: null,
      ...(districtId !== undefined ? { district_id: districtId } : {}),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .execute();
}

/** Every grant of the case ends with a move: the former team lead gave them. Answers how many there were. */
export async function deleteCaseGrants(db: Kysely<DB>, tenantId: string, caseId: string): Promise<number> {
  const result = await db
    .deleteFrom('case_access_grant')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function findTeam(db: Kysely<DB>, tenantId: string, teamId: string) {
  return db
    .selectFrom('team')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', teamId)
    .executeTakeFirst();
}

export async function insertTeamChange(
  db: Kysely<DB>,
  tenantId: string,
  change: {
    caseId: string;
    fromTeamId: string | null;
    toTeamId: string;
    fromLeadUserId: string | null;
    addressChanged: boolean;
    reason: string;
    grantUserId: string | null;
    grantValidUntil: string | null;
    movedBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('case_team_change')
    .values({
      tenant_id: tenantId,
      case_id: change.caseId,
      from_team_id: change.fromTeamId,
      to_team_id: change.toTeamId,
      from_lead_user_id: change.fromLeadUserId,
      address_changed: change.addressChanged,
      reason: change.reason,
      grant_user_id: change.grantUserId,
      grant_valid_until: change.grantValidUntil,
      moved_by: change.movedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertTransfer(
  db: Kysely<DB>,
  tenantId: string,
  transfer: {
    caseId: string;
    receivingOffice: string;
    transferredOn: string;
    reason: string;
    transferredBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('case_transfer')
    .values({
      tenant_id: tenantId,
      case_id: transfer.caseId,
      receiving_office: transfer.receivingOffice,
      transferred_on: transfer.transferredOn,
      reason: transfer.reason,
      transferred_by: transfer.transferredBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The moves of a case to other teams for its Verlauf, oldest first: a query the case page reads inside its own
 * statement.
 */
export function caseTeamChanges(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('case_team_change as c')
    .innerJoin('team as t', (j) =>
      j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.to_team_id'),
    )
    .leftJoin('team as f', (j) =>
      j.onRef('f.tenant_id', '=', 'c.tenant_id').onRef('f.id', '=', 'c.from_team_id'),
    )
    .select([
      'c.id',
      'c.moved_at',
      'c.reason',
      'c.address_changed',
      't.name as to_team',
      'f.name as from_team',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .orderBy('c.moved_at');
}

/** The transfers of a case (§ 86c) to other offices, oldest first, as a query (the case page embeds it). */
export function caseTransfers(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('case_transfer')
    .select(['id', 'receiving_office', 'transferred_on', 'reason'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('created_at');
}

/** The transfers of a case (§ 86c), oldest first; the last one is the one that closed it, if it is closed. */
export function latestTransfers(db: Kysely<DB>, tenantId: string, caseId: string) {
  return caseTransfers(db, tenantId, caseId).execute();
}

export async function insertTransmission(
  db: Kysely<DB>,
  tenantId: string,
  t: {
    caseId: string;
    documentKind: string;
    recipientKind: string;
    recipient: string;
    consentId: string | null;
    legalBasis: string | null;
    transmittedBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('case_transmission')
    .values({
      tenant_id: tenantId,
      case_id: t.caseId,
      document_kind: t.documentKind,
      recipient_kind: t.recipientKind,
      recipient: t.recipient,
      consent_id: t.consentId,
      legal_basis: t.legalBasis,
      transmitted_by: t.transmittedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A consent of this case with its person's name (none if it belongs to another case). */
export function findCaseConsent(db: Kysely<DB>, tenantId: string, caseId: string, consentId: string) {
  return db
    .selectFrom('consent as c')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.person_id'),
    )
    .select([
      'c.id',
      'c.recipient',
      'c.valid_from',
      'c.valid_until',
      'c.revoked_on',
      'p.first_name',
      'p.last_name',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .where('c.id', '=', consentId)
    .executeTakeFirst();
}

/** The transmissions of a case, newest first, with the consent and the person who sent it. */
export function caseTransmissions(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('case_transmission as t')
    .leftJoin('consent as c', (j) =>
      j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.id', '=', 't.consent_id'),
    )
    .leftJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.person_id'),
    )
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 't.tenant_id').onRef('u.id', '=', 't.transmitted_by'),
    )
    .select([
      't.id',
      't.document_kind',
      't.recipient_kind',
      't.recipient',
      't.consent_id',
      't.legal_basis',
      't.transmitted_at',
      'c.recipient as consent_recipient',
      'p.first_name',
      'p.last_name',
      'u.id as user_id',
      'u.display_name',
    ])
    .where('t.tenant_id', '=', tenantId)
    .where('t.case_id', '=', caseId)
    .orderBy('t.transmitted_at', 'desc')
    .orderBy('t.id')
    .execute();
}
