import { childRoles } from '@leuchtturm/shared';
import { expressionBuilder, type Insertable, type Kysely, sql } from 'kysely';
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

/** A case of a household as the duplicate search needs it: the household rule's rows and whom to ask. */
export interface DuplicateCase {
  status: string;
  team_id: string | null;
  lead_user_id: string | null;
  granted: string[];
  team_name: string | null;
  lead_name: string | null;
}

/** One household of a person found, with what the household rule needs (its team and creator) and its cases. */
export interface DuplicateHousehold {
  person_id: string;
  household_id: string;
  team_id: string | null;
  created_by: string | null;
  cases: DuplicateCase[];
}

/**
 * The cases of the household `h` in scope, as a JSON array: each case's team, lead and current grants (the rows of
 * householdAccessRows in cases/queries/access.ts), its status and the team and lead to ask.
 */
function casesOfHousehold(today: string) {
  return sql<DuplicateCase[]>`coalesce((
    select json_agg(json_build_object('status', c.status, 'team_id', c.team_id, 'lead_user_id', c.lead_user_id,
      'team_name', t.name, 'lead_name', u.display_name, 'granted',
      coalesce((select array_agg(g.user_id) from case_access_grant g
        where g.tenant_id = c.tenant_id and g.case_id = c.id and (g.valid_until is null or g.valid_until >= ${today}::date)), '{}')))
    from case_file c
    left join team t on t.tenant_id = c.tenant_id and t.id = c.team_id
    left join app_user u on u.tenant_id = c.tenant_id and u.id = c.lead_user_id
    where c.tenant_id = h.tenant_id and c.household_id = h.id), '[]')`;
}

/** What one duplicate search reads, after the user's row is locked (lockUserRow). */
export interface DuplicateSearch {
  /** Whose lookups are counted (null: nobody's, none are). */
  userId: string | null;
  purpose: string;
  /** The rate limit's window starts here. */
  since: Date;
  birthDate: string | null;
  phoneticLast: string;
  /** The actor's day: which grants are current. */
  today: string;
}

export interface DuplicateCandidateRow {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  /** Loaded with the candidate when born on the day searched for; null otherwise (householdsWithCasesOfPersons). */
  households: DuplicateHousehold[] | null;
}

/**
 * The duplicate search in one statement: the user's lookups in the window (how many, the oldest) and the candidates,
 * persons born on the day, and persons whose date of birth is unknown (or was not given) with the same Kölner
 * Phonetik of the last name (index person_phonetic_idx, migration 0040). Their names are compared in code
 * (matchNames). Those born on the day are a handful (7 a day on average in the city data) and most often the
 * match, so their households and cases come along; the name-only candidates can be hundreds for a common name,
 * so theirs are read afterwards for the matches only.
 * The count must be read by a statement after the lock: a statement that locked and counted at once would count
 * on the snapshot it took before waiting for the lock, missing the lookup of the transaction it waited for.
 */
export async function duplicateSearch(db: Kysely<DB>, tenantId: string, search: DuplicateSearch) {
  const { birthDate, phoneticLast, today } = search;
  // The parts are built apart from `db`: a builder of `db` placed inside another query passes the database's
  // plugins once more, as if it were a statement of its own (the bench counts statements so).
  const eb = expressionBuilder<DB>();
  const candidates = eb
    .selectFrom('person as p')
    .select([
      'p.id',
      'p.first_name',
      'p.last_name',
      'p.birth_date',
      (birthDate === null
        ? sql<null>`null`
        : sql<DuplicateHousehold[] | null>`case when p.birth_date = ${birthDate} then coalesce((
            select json_agg(json_build_object('person_id', hm.person_id, 'household_id', h.id, 'team_id', h.team_id,
              'created_by', h.created_by, 'cases', ${casesOfHousehold(today)}))
            from household_member hm
            join household h on h.tenant_id = hm.tenant_id and h.id = hm.household_id
            where hm.tenant_id = p.tenant_id and hm.person_id = p.id), '[]') end`
      ).as('households'),
    ])
    .where('p.tenant_id', '=', tenantId)
    .where((w) => {
      const sameName = w('p.phonetic_last', '=', phoneticLast);
      if (birthDate === null) return sameName;
      return w.or([w('p.birth_date', '=', birthDate), w.and([w('p.birth_date', 'is', null), sameName])]);
    })
    .limit(500);
  const lookups = eb
    .selectFrom('audit_log')
    .select((s) => [s.fn.countAll<string>().as('count'), s.fn.min('at').as('oldest')])
    .where('tenant_id', '=', tenantId)
    .where((w) => (search.userId === null ? w.val(false) : w('actor_id', '=', search.userId)))
    .where('at', '>', search.since)
    .where('action', '=', 'search')
    .where('entity_type', '=', 'person')
    .where(sql<string>`details->>'purpose'`, '=', search.purpose);
  return db
    .selectFrom(lookups.as('l'))
    .select([
      'l.count',
      'l.oldest',
      sql<DuplicateCandidateRow[]>`(select coalesce(json_agg(c), '[]') from (${candidates}) c)`.as(
        'candidates',
      ),
    ])
    .executeTakeFirstOrThrow();
}

/**
 * Each household of these persons with what the household rule needs and its cases (as duplicateSearch reads them
 * for the candidates born on the day): for the name-only matches of a duplicate search.
 */
export function householdsWithCasesOfPersons(
  db: Kysely<DB>,
  tenantId: string,
  personIds: string[],
  today: string,
): Promise<DuplicateHousehold[]> {
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
      casesOfHousehold(today).as('cases'),
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
