import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Retention (docs/retention.md): the tenant's rules, and the facts a closed file's retention end is computed from. */

export function loadRetentionSetting(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('retention_setting')
    .select(['rules', 'version'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
}

/** Saves the rules when `version` is still the stored one (0: none stored yet); answers whether it did. */
export async function saveRetentionSetting(
  db: Kysely<DB>,
  tenantId: string,
  rules: { recordClass: string; years: number }[],
  version: number,
): Promise<boolean> {
  const json = JSON.stringify(rules);
  if (version === 0) {
    const inserted = await db
      .insertInto('retention_setting')
      .values({ tenant_id: tenantId, rules: json })
      .onConflict((oc) => oc.column('tenant_id').doNothing())
      .returning('tenant_id')
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const updated = await db
    .updateTable('retention_setting')
    .set((eb) => ({ rules: json, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('version', '=', version)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export interface RetentionScope {
  /** Cases led by this user (null: none). */
  leadUserId: string | null;
  /** Every case of this team (the team lead's; null: none). */
  teamId: string | null;
}

/**
 * Closed case files with what their retention depends on: the latest birth date among the young people of help
 * that § 9b SGB VIII keeps long (help for education, Eingliederungshilfe, stationary help; withdrawn help does not
 * count), whether such a birth date is unknown, and whether the file holds a § 8a check. Either for the given cases or
 * for a scope (the due list).
 */
export function retentionFacts(
  db: Kysely<DB>,
  tenantId: string,
  select: { caseIds: readonly string[] } | { scope: RetentionScope } | { allClosed: true },
) {
  let query = db
    .selectFrom('case_file as c')
    .leftJoin('case_retention as r', (j) =>
      j.onRef('r.tenant_id', '=', 'c.tenant_id').onRef('r.case_id', '=', 'c.id'),
    )
    .leftJoin('app_user as p', (j) =>
      j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.id', '=', 'r.proposed_by'),
    )
    .select([
      'c.id',
      'c.case_number',
      'c.status',
      'c.closed_on',
      'c.team_id',
      'c.lead_user_id',
      'r.state',
      'r.proposed_by',
      'p.display_name as proposed_by_name',
      'r.proposed_at',
      'r.restriction_reason',
      'r.erased_at',
      sql<number>`coalesce(r.version, 0)`.as('retention_version'),
      sql<string | null>`(select max(pe.birth_date)::text from measure m
        join help_type h on h.tenant_id = m.tenant_id and h.id = m.help_type_id
        join person pe on pe.tenant_id = m.tenant_id and pe.id = m.person_id
        where m.tenant_id = c.tenant_id and m.case_id = c.id and m.status <> 'zurueckgezogen'
          and (h.is_hze or m.category = 'stationaer'))`.as('long_birth_date'),
      sql<boolean>`exists (select 1 from measure m
        join help_type h on h.tenant_id = m.tenant_id and h.id = m.help_type_id
        where m.tenant_id = c.tenant_id and m.case_id = c.id and m.status <> 'zurueckgezogen'
          and (h.is_hze or m.category = 'stationaer'))`.as('has_long_help'),
      sql<boolean>`exists (select 1 from measure m
        join help_type h on h.tenant_id = m.tenant_id and h.id = m.help_type_id
        join person pe on pe.tenant_id = m.tenant_id and pe.id = m.person_id
        where m.tenant_id = c.tenant_id and m.case_id = c.id and m.status <> 'zurueckgezogen'
          and (h.is_hze or m.category = 'stationaer') and pe.birth_date is null)`.as('long_birth_unknown'),
      sql<boolean>`exists (select 1 from child_protection_check k
        where k.tenant_id = c.tenant_id and k.case_id = c.id)`.as('has_protection'),
    ])
    .where('c.tenant_id', '=', tenantId);
  if ('caseIds' in select) {
    if (select.caseIds.length === 0) return Promise.resolve([]);
    query = query.where('c.id', 'in', select.caseIds);
  } else if ('allClosed' in select) {
    query = query.where('c.status', '=', 'abgeschlossen');
  } else {
    const { leadUserId, teamId } = select.scope;
    query = query
      .where('c.status', '=', 'abgeschlossen')
      .where((eb) =>
        eb.or([
          ...(leadUserId ? [eb('c.lead_user_id', '=', leadUserId)] : []),
          ...(teamId ? [eb('c.team_id', '=', teamId)] : []),
          eb.val(false),
        ]),
      );
  }
  return query.orderBy('c.closed_on').orderBy('c.case_number').execute();
}
export type RetentionFactsRow = Awaited<ReturnType<typeof retentionFacts>>[number];

export function tenantIds(db: Kysely<DB>) {
  return db.selectFrom('tenant').select('id').execute();
}

/** The tenant's active team leads, with their team (the sweep's recipients, read once for all files). */
export function activeTeamLeads(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'team_id'])
    .where('tenant_id', '=', tenantId)
    .where('team_id', 'is not', null)
    .where('active', '=', true)
    .where(sql<boolean>`'team_lead' = any(roles)`)
    .execute();
}

export function insertProposal(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  row: { proposedBy: string | null; reason: string; at: Date },
) {
  return db
    .insertInto('case_retention')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      state: 'vorgeschlagen',
      proposed_by: row.proposedBy,
      proposed_at: row.at,
      proposal_reason: row.reason,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'case_id']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
}

export function insertRestriction(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  row: { restrictedBy: string | null; reason: string; at: Date },
) {
  return db
    .insertInto('case_retention')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      state: 'gesperrt',
      restricted_by: row.restrictedBy,
      restricted_at: row.at,
      restriction_reason: row.reason,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'case_id']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
}

/** Removes the proposal or restriction at `version`; answers whether it did. */
export async function deleteRetentionRow(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  state: 'vorgeschlagen' | 'gesperrt',
  version: number,
) {
  const result = await db
    .deleteFrom('case_retention')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('state', '=', state)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Marks the proposal at `version` as carried out; the proposal's reason goes with the rest of the file's text. */
export async function markErased(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  row: { confirmedBy: string | null; at: Date; version: number },
) {
  const result = await db
    .updateTable('case_retention')
    .set((eb) => ({
      state: 'geloescht',
      confirmed_by: row.confirmedBy,
      erased_at: row.at,
      proposal_reason: null,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('state', '=', 'vorgeschlagen')
    .where('version', '=', row.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
