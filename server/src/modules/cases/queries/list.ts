import type { MyCasesQuery } from '@leuchtturm/shared';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { type Actor, actorToday } from '../../../shared/actor.ts';
import { likePattern } from '../../../shared/like.ts';
import { caseListFilter } from '../../access/policy.ts';
import { type CaseSearchTerms, caseSearchTerms, FOLD_FROM, FOLD_TO } from '../search.ts';
import { caseIdsInScope } from './scope.ts';

/**
 * "Meine Fälle": the cases the actor leads, stands in for, was granted, or (scope team, for team leads) the team's.
 * Current area, next due date and overdue count come from the records in the same query.
 */
const areaOf = sql<string | null>`(select rc.area from risk_consultation rc where rc.tenant_id = c.tenant_id
  and rc.case_id = c.id order by rc.held_on desc, rc.created_at desc limit 1)`;
const nextMandate = sql<string | null>`(select min(m.due_on) from mandate m where m.tenant_id = c.tenant_id
  and m.case_id = c.id and m.result = 'offen')`;
const nextReview = sql<string | null>`(select hp.review_on from help_plan hp where hp.tenant_id = c.tenant_id
  and hp.case_id = c.id order by hp.version_no desc limit 1)`;

/** The columns of a case summary (the row of "Meine Fälle" and the head of the case page). */
function caseSummaries(db: Kysely<DB>, tenantId: string, today: string) {
  return db
    .selectFrom('case_file as c')
    .innerJoin('household as h', (j) =>
      j.onRef('h.tenant_id', '=', 'c.tenant_id').onRef('h.id', '=', 'c.household_id'),
    )
    .leftJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.team_id'))
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
    )
    .leftJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.id', '=', 'c.district_id'),
    )
    .select([
      'c.id',
      'c.case_number',
      'c.status',
      'c.opened_on',
      'c.closed_on',
      'c.version',
      'h.name as title',
      't.id as team_id',
      't.name as team_name',
      'u.id as lead_id',
      'u.display_name as lead_name',
      'd.id as district_id',
      'd.name as district_name',
      areaOf.as('area'),
      nextMandate.as('next_mandate'),
      nextReview.as('next_review'),
      sql<number>`(select count(*) from mandate m where m.tenant_id = c.tenant_id and m.case_id = c.id
        and m.result = 'offen' and m.due_on < ${today}::date)`.as('overdue_mandates'),
    ])
    .where('c.tenant_id', '=', tenantId);
}

/** The summary of one case, for the head of its page (access is checked by the caller). */
export function caseSummary(db: Kysely<DB>, tenantId: string, caseId: string, today: string) {
  return caseSummaries(db, tenantId, today).where('c.id', '=', caseId).executeTakeFirst();
}

type SearchColumn = 'p.first_name' | 'p.last_name' | 'h.name' | 'h.street_name';

/** foldForSearch (cases/search.ts) in SQL: the same steps in the same order. */
const folded = (column: SearchColumn) =>
  sql<string>`replace(replace(replace(replace(lower(translate(${sql.ref(column)}, ${FOLD_FROM}, ${FOLD_TO})),
    'ae', 'a'), 'oe', 'o'), 'ue', 'u'), 'ß', 'ss')`;

/**
 * The cases in scope that match every search term. It starts from the cases the access rule admits (a case manager's
 * few hundred, a team lead's two thousand with the closed ones) and reads each one's members once, through the
 * household's key (a lateral subquery), as one text of names: so a search costs a few index lookups per case in
 * scope, whatever the tenant's size. Written as `exists` per word, the planner could (and under load did) turn the
 * members' lookup into one pass that folds the names of every person of the tenant (0.3-2.4 s at city scale).
 * A word holds no whitespace (caseSearchTerms splits on it), so joining the names with spaces finds nothing that
 * the names one by one would not.
 */
function searchHits(tenantId: string, inScope: RawBuilder<{ id: string }>, search: CaseSearchTerms) {
  const names = (fold: (column: 'p.first_name' | 'p.last_name') => RawBuilder<string>) =>
    sql<string>`string_agg(${fold('p.first_name')} || ' ' || ${fold('p.last_name')}, ' ')`;
  const lower = (column: SearchColumn) => sql<string>`lower(${sql.ref(column)})`;
  const wordMatches = (word: { lower: string; folded: string }) => {
    const like = likePattern(word.lower);
    const likeFolded = likePattern(word.folded);
    return sql<boolean>`(m.names_lower like ${like} or m.names_folded like ${likeFolded}
      or lower(h.name) like ${like} or ${folded('h.name')} like ${likeFolded}
      or lower(h.street_name) like ${like} or ${folded('h.street_name')} like ${likeFolded}
      or lower(h.house_number) = ${word.lower} or lower(s.case_number) like ${like})`;
  };
  const conditions = [
    ...search.birthDates.map((date) => sql<boolean>`${date}::date = any(m.birth_dates)`),
    ...search.words.map(wordMatches),
  ];
  return sql<string>`select s.id from case_file s
    join household h on h.tenant_id = s.tenant_id and h.id = s.household_id
    cross join lateral (
      select ${names(lower)} as names_lower, ${names(folded)} as names_folded, array_agg(p.birth_date) as birth_dates
      from household_member hm join person p on p.tenant_id = hm.tenant_id and p.id = hm.person_id
      where hm.tenant_id = s.tenant_id and hm.household_id = s.household_id
    ) m
    where s.tenant_id = ${tenantId} and s.id in (${inScope}) and ${sql.join(conditions, sql` and `)}`;
}

/** Where a page of "Meine Fälle" ends: the last row's sort key (null: no due date) and case number (unique). */
export interface CaseListCursor {
  key: string | null;
  caseNumber: string;
}

/** The due date "Meine Fälle" sorts by: the earliest open Auftrag/Auflage or the next help plan review. */
const dueOn = sql<string | null>`least(${nextMandate}, ${nextReview})`;

/**
 * One page of "Meine Fälle" after `after` (keyset: the sort key, then the case number, which is unique in the
 * tenant), `limit + 1` rows so that the caller knows whether there is more.
 */
export function listCases(
  db: Kysely<DB>,
  actor: Actor,
  query: MyCasesQuery,
  today: string,
  page: { after: CaseListCursor | undefined; limit: number },
) {
  let q = caseSummaries(db, actor.tenantId, today).select(dueOn.as('due_on'));
  const search = query.q ? caseSearchTerms(query.q) : null;
  // The access rule's list form (access/policy.ts): the same rule as the single-case check.
  const inScope = caseIdsInScope(
    actor.tenantId,
    caseListFilter(actor, query.scope),
    actorToday(actor),
    query.status === 'alle' ? null : query.status,
  );
  const searching = search !== null && search.birthDates.length + search.words.length > 0;
  // A search's hits are drawn from the cases in scope already (searchHits), so the scope is not applied twice.
  if (inScope === null) q = q.where(sql<boolean>`false`);
  else if (searching) q = q.where(sql<boolean>`c.id in (${searchHits(actor.tenantId, inScope, search)})`);
  else q = q.where(sql<boolean>`c.id in (${inScope})`);
  if (query.status !== 'alle') q = q.where('c.status', '=', query.status);
  if (query.area) q = q.where(areaOf, '=', query.area);
  const after = page.after;
  if (query.sort === 'eingang') {
    if (after) {
      const opened = after.key ?? '';
      q = q.where((eb) =>
        eb.or([
          eb('c.opened_on', '<', opened),
          eb.and([eb('c.opened_on', '=', opened), eb('c.case_number', '>', after.caseNumber)]),
        ]),
      );
    }
    q = q.orderBy('c.opened_on', 'desc');
  } else if (query.sort === 'name') {
    if (after) {
      const name = after.key ?? '';
      q = q.where((eb) =>
        eb.or([
          eb('h.name', '>', name),
          eb.and([eb('h.name', '=', name), eb('c.case_number', '>', after.caseNumber)]),
        ]),
      );
    }
    q = q.orderBy('h.name');
  } else {
    // Ascending, cases without a due date last.
    if (after?.key === null) q = q.where(dueOn, 'is', null).where('c.case_number', '>', after.caseNumber);
    else if (after) {
      const due = after.key;
      q = q.where((eb) =>
        eb.or([
          eb(dueOn, '>', due),
          eb.and([eb(dueOn, '=', due), eb('c.case_number', '>', after.caseNumber)]),
          eb(dueOn, 'is', null),
        ]),
      );
    }
    q = q.orderBy(sql`${dueOn} asc nulls last`);
  }
  return q
    .orderBy('c.case_number')
    .limit(page.limit + 1)
    .execute();
}
export type CaseSummaryRow = NonNullable<Awaited<ReturnType<typeof caseSummary>>>;
export type CaseListRow = Awaited<ReturnType<typeof listCases>>[number];
