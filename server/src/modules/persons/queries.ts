import { childRoles } from '@leuchtturm/shared';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { HouseholdMemberTable, HouseholdTable, PersonTable } from '../../db/schema-cases.ts';

/** All SQL of persons and households (Familie/Haushalt). */

export function existingPersonIds(db: Kysely<DB>, tenantId: string, personIds: string[]) {
  return db
    .selectFrom('person')
    .select(['id', 'birth_date'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', personIds)
    .execute();
}

/** Whether the person is a child (childRoles) in any household: then the date of birth may not become unknown. */
export async function isChildMember(db: Kysely<DB>, tenantId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('household_member')
    .select('person_id')
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .where('role', 'in', [...childRoles])
    .executeTakeFirst();
  return row !== undefined;
}

/** Which households each of these persons belongs to. */
export function householdsOfPersons(db: Kysely<DB>, tenantId: string, personIds: string[]) {
  return db
    .selectFrom('household_member')
    .select(['person_id', 'household_id'])
    .where('tenant_id', '=', tenantId)
    .where('person_id', 'in', personIds)
    .execute();
}

export function insertPersonRow(db: Kysely<DB>, row: Insertable<PersonTable>) {
  return db.insertInto('person').values(row).returning('id').executeTakeFirstOrThrow();
}

export function insertHouseholdRow(db: Kysely<DB>, row: Insertable<HouseholdTable>) {
  return db.insertInto('household').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertHouseholdMember(db: Kysely<DB>, row: Insertable<HouseholdMemberTable>) {
  await db.insertInto('household_member').values(row).execute();
}

/**
 * The duplicate search's candidates: persons born on the day, and persons whose date of birth is unknown (or was
 * not given) with the same Kölner Phonetik of the last name. Their names are compared in code (matchNames).
 */
export function duplicateCandidates(
  db: Kysely<DB>,
  tenantId: string,
  birthDate: string | null,
  phoneticLast: string,
) {
  return db
    .selectFrom('person')
    .select(['id', 'first_name', 'last_name', 'birth_date'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => {
      const sameName = eb('phonetic_last', '=', phoneticLast);
      if (birthDate === null) return sameName;
      return eb.or([eb('birth_date', '=', birthDate), eb.and([eb('birth_date', 'is', null), sameName])]);
    })
    .limit(500)
    .execute();
}

/**
 * The duplicate search's one query after the candidates: each household of these persons with what the household
 * rule needs (its team and creator; each case's team, lead and current grants: the rows of householdAccessRows in
 * cases/queries/access.ts) and, per case, its status and the team and lead to ask.
 */
export function householdsWithCasesOfPersons(
  db: Kysely<DB>,
  tenantId: string,
  personIds: string[],
  today: string,
) {
  return db
    .selectFrom('household_member as hm')
    .innerJoin('household as h', (j) =>
      j.onRef('h.tenant_id', '=', 'hm.tenant_id').onRef('h.id', '=', 'hm.household_id'),
    )
    .select([
      'hm.person_id',
      'h.id as household_id',
      'h.team_id',
      'h.created_by',
      sql<
        {
          status: string;
          team_id: string | null;
          lead_user_id: string | null;
          granted: string[];
          team_name: string | null;
          lead_name: string | null;
        }[]
      >`coalesce((
        select json_agg(json_build_object('status', c.status, 'team_id', c.team_id, 'lead_user_id', c.lead_user_id,
          'team_name', t.name, 'lead_name', u.display_name, 'granted',
          coalesce((select array_agg(g.user_id) from case_access_grant g
            where g.tenant_id = c.tenant_id and g.case_id = c.id and (g.valid_until is null or g.valid_until >= ${today}::date)), '{}')))
        from case_file c
        left join team t on t.tenant_id = c.tenant_id and t.id = c.team_id
        left join app_user u on u.tenant_id = c.tenant_id and u.id = c.lead_user_id
        where c.tenant_id = h.tenant_id and c.household_id = h.id), '[]')`.as('cases'),
    ])
    .where('hm.tenant_id', '=', tenantId)
    .where('hm.person_id', 'in', personIds)
    .execute();
}

/** Conditional update on the version the client saw; answers whether a row changed. */
export function updatePersonRow(
  db: Kysely<DB>,
  tenantId: string,
  personId: string,
  version: number,
  values: Omit<Insertable<PersonTable>, 'tenant_id' | 'id' | 'created_at' | 'version'>,
) {
  return db
    .updateTable('person')
    .set({ ...values, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function findPerson(db: Kysely<DB>, tenantId: string, personId: string) {
  return db
    .selectFrom('person')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** Locks the user's account row so that parallel duplicate lookups of one user are counted one after the other. */
export async function lockUserRow(db: Kysely<DB>, tenantId: string, userId: string) {
  await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .forNoKeyUpdate()
    .execute();
}

/** The user's audited lookups of one purpose since an instant: how many, and the oldest. */
export function recentLookups(
  db: Kysely<DB>,
  tenantId: string,
  userId: string,
  purpose: string,
  since: Date,
) {
  return db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('at').as('oldest')])
    .where('tenant_id', '=', tenantId)
    .where('actor_id', '=', userId)
    .where('at', '>', since)
    .where('action', '=', 'search')
    .where('entity_type', '=', 'person')
    .where(sql<string>`details->>'purpose'`, '=', purpose)
    .executeTakeFirstOrThrow();
}
