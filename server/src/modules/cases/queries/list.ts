import type { MyCasesQuery } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { type Actor, actorToday } from '../../../shared/actor.ts';
import { likePattern } from '../../../shared/like.ts';
import { caseListFilter } from '../../access/policy.ts';
import { type CaseSearchTerms, caseSearchTerms } from '../search.ts';
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

/** The names beside the case's team, lead and district (each a key of the case, which the foreign keys hold). */
const teamName = sql<string | null>`(select t.name from team t where t.tenant_id = c.tenant_id
  and t.id = c.team_id)`;
const leadName = sql<string | null>`(select u.display_name from app_user u where u.tenant_id = c.tenant_id
  and u.id = c.lead_user_id)`;
const districtName = sql<string | null>`(select d.name from district d where d.tenant_id = c.tenant_id
  and d.id = c.district_id)`;

/**
 * The columns of a case summary (the row of "Meine Fälle" and the head of the case page, whose statement adds its
 * records to it: queries/detail.ts). The names of team, lead and district are subqueries, not joins: with the three
 * joins PostgreSQL spent 2.5-6 ms planning the list, more than running it (it weighs the orders of six tables), with
 * the subqueries about 1 ms (docs/decisions.md, "Meine Fälle reads its names by subquery").
 */
export function caseSummaries(db: Kysely<DB>, tenantId: string, today: string) {
  return db
    .selectFrom('case_file as c')
    .innerJoin('household as h', (j) =>
      j.onRef('h.tenant_id', '=', 'c.tenant_id').onRef('h.id', '=', 'c.household_id'),
    )
    .select([
      'c.id',
      'c.case_number',
      'c.status',
      'c.opened_on',
      'c.closed_on',
      'c.version',
      'h.name as title',
      'c.team_id',
      teamName.as('team_name'),
      'c.lead_user_id as lead_id',
      leadName.as('lead_name'),
      'c.district_id',
      districtName.as('district_name'),
      areaOf.as('area'),
      nextMandate.as('next_mandate'),
      nextReview.as('next_review'),
      sql<number>`(select count(*) from mandate m where m.tenant_id = c.tenant_id and m.case_id = c.id
        and m.result = 'offen' and m.due_on < ${today}::date)`.as('overdue_mandates'),
    ])
    .where('c.tenant_id', '=', tenantId);
}

/**
 * The search's condition on a case `c` and its household `h`: every date of birth is a member's, every word is part
 * of a member's name, of the household's name or street, the house number or part of the case number, as typed or
 * folded (foldForSearch; `search_fold` in SQL). Name, street and the members' names are read from two texts the
 * household stores (migration 0045: generated from its name and street and the member names triggers keep, 0044),
 * so a search calls no function per row. The fields are separated by newlines and the names by spaces, and a word
 * holds no whitespace (caseSearchTerms splits on it), so the joined text finds nothing the fields one by one would not.
 */
function searchCondition(tenantId: string, search: CaseSearchTerms) {
  const word = (w: { lower: string; folded: string }) => {
    const like = likePattern(w.lower);
    return sql<boolean>`(h.search_text like ${like} or h.search_text_folded like ${likePattern(w.folded)}
      or lower(h.house_number) = ${w.lower} or lower(c.case_number) like ${like})`;
  };
  const conditions = [
    // A date of birth is looked up in the persons' index, which serves it better than the scope does.
    ...search.birthDates.map(
      (date) => sql<boolean>`h.id in (select hm.household_id from person p join household_member hm
        on hm.tenant_id = p.tenant_id and hm.person_id = p.id where p.tenant_id = ${tenantId} and p.birth_date = ${date})`,
    ),
    ...search.words.map(word),
  ];
  return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
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
  q = q.where(inScope ? sql<boolean>`c.id in (${inScope})` : sql<boolean>`false`);
  if (search && search.birthDates.length + search.words.length > 0)
    q = q.where(searchCondition(actor.tenantId, search));
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
export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof caseSummaries>['executeTakeFirstOrThrow']>>;
export type CaseListRow = Awaited<ReturnType<typeof listCases>>[number];
