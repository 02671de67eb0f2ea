import type { MyCasesQuery } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { type Actor, actorToday } from '../../../shared/actor.ts';
import { likePattern } from '../../../shared/like.ts';
import { caseListFilter } from '../../access/policy.ts';
import { caseSearchTerms, FOLD_FROM, FOLD_TO } from '../search.ts';
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

/**
 * The columns of a case summary (the row of "Meine Fälle" and the head of the case page, whose statement adds its
 * records to it: queries/detail.ts).
 */
export function caseSummaries(db: Kysely<DB>, tenantId: string, today: string) {
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

type SearchColumn = 'p.first_name' | 'p.last_name' | 'h.name' | 'h.street_name';

/** foldForSearch (cases/search.ts) in SQL: the same steps in the same order. */
const folded = (column: SearchColumn) =>
  sql<string>`replace(replace(replace(replace(lower(translate(${sql.ref(column)}, ${FOLD_FROM}, ${FOLD_TO})),
    'ae', 'a'), 'oe', 'o'), 'ue', 'u'), 'ß', 'ss')`;

/** A LIKE pattern for a word anywhere in the text, its wildcards taken literally. */
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
  if (query.status !== 'alle') q = q.where('c.status', '=', query.status);
  if (query.area) q = q.where(areaOf, '=', query.area);
  if (search) {
    // Every word must match the case; the household's members are reached through the primary key of
    // household_member, so the search costs little beyond the access filter above.
    q = q.where((eb) => {
      const members = () =>
        eb
          .selectFrom('household_member as hm')
          .innerJoin('person as p', (j) =>
            j.onRef('p.tenant_id', '=', 'hm.tenant_id').onRef('p.id', '=', 'hm.person_id'),
          )
          .select('hm.person_id')
          .whereRef('hm.tenant_id', '=', 'c.tenant_id')
          .whereRef('hm.household_id', '=', 'c.household_id');
      const text = (column: SearchColumn, word: { lower: string; folded: string }) =>
        eb.or([
          eb(sql`lower(${sql.ref(column)})`, 'like', likePattern(word.lower)),
          eb(folded(column), 'like', likePattern(word.folded)),
        ]);
      return eb.and([
        ...search.birthDates.map((date) => eb.exists(members().where('p.birth_date', '=', date))),
        ...search.words.map((word) =>
          eb.or([
            eb.exists(members().where((m) => m.or([text('p.first_name', word), text('p.last_name', word)]))),
            text('h.name', word),
            text('h.street_name', word),
            eb(sql`lower(h.house_number)`, '=', word.lower),
            eb(sql`lower(c.case_number)`, 'like', likePattern(word.lower)),
          ]),
        ),
      ]);
    });
  }
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
