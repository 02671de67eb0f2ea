import type { Need, NeedSource } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Needs (Bedarfe) of the districts: what cases and district rounds say is missing there. */

type AgeCohort = Need['ageCohort'];

/** Where a page of needs ends: the last need's count, its day and id (the order's three keys, all descending). */
export interface NeedCursor {
  mentions: number;
  createdOn: string;
  id: string;
}

/** The districts' needs, most often named first, then the newest; `limit + 1` of them after `after`. */
export function listNeeds(
  db: Kysely<DB>,
  tenantId: string,
  filter: { districtId?: string | undefined; ageCohort?: AgeCohort | undefined },
  page: { after: NeedCursor | undefined; limit: number },
) {
  let q = db
    .selectFrom('need as n')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'n.tenant_id').onRef('d.id', '=', 'n.district_id'),
    )
    .select([
      'n.id',
      'n.age_cohort',
      'n.text',
      'n.mentions',
      'n.status',
      'n.created_on',
      'n.version',
      'd.id as district_id',
      'd.name as district_name',
    ])
    .where('n.tenant_id', '=', tenantId)
    // A merged need is counted in the need it was merged into.
    .where('n.merged_into_id', 'is', null);
  if (filter.districtId) q = q.where('n.district_id', '=', filter.districtId);
  if (filter.ageCohort) q = q.where('n.age_cohort', '=', filter.ageCohort);
  const after = page.after;
  if (after) {
    q = q.where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('n.mentions', 'n.created_on', 'n.id'),
        '<',
        tuple(after.mentions, after.createdOn, after.id),
      ),
    );
  }
  return q
    .orderBy('n.mentions', 'desc')
    .orderBy('n.created_on', 'desc')
    .orderBy('n.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}
export type NeedRow = Awaited<ReturnType<typeof listNeeds>>[number];

/**
 * The open need of the district and age cohort with this text (compared trimmed and case-insensitively), locked
 * so that two mentions at once count up one after the other.
 */
export function findOpenNeed(
  db: Kysely<DB>,
  tenantId: string,
  need: { districtId: string; ageCohort: AgeCohort; text: string },
) {
  return db
    .selectFrom('need')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('district_id', '=', need.districtId)
    .where('age_cohort', '=', need.ageCohort)
    .where('status', '!=', 'erledigt')
    .where(sql<boolean>`lower(trim(text)) = ${need.text.trim().toLowerCase()}`)
    .forUpdate()
    .executeTakeFirst();
}

/** Adds `delta` mentions to the need and to every need it is (through others) merged into. */
export async function addToMentions(db: Kysely<DB>, tenantId: string, needId: string, delta: number) {
  await sql`
    with recursive chain(id, parent) as (
      select id, merged_into_id from need where tenant_id = ${tenantId} and id = ${needId}
      union all
      select n.id, n.merged_into_id from need n join chain c on n.tenant_id = ${tenantId} and n.id = c.parent
    )
    update need set mentions = mentions + ${delta}, version = version + 1
     where tenant_id = ${tenantId} and id in (select id from chain)`.execute(db);
}

/** One mention of a need, with where and when it was named. */
export async function insertMention(
  db: Kysely<DB>,
  tenantId: string,
  mention: { needId: string; source: NeedSource; mentionedOn: string },
) {
  await db
    .insertInto('need_mention')
    .values({
      tenant_id: tenantId,
      need_id: mention.needId,
      source: mention.source,
      mentioned_on: mention.mentionedOn,
    })
    .execute();
}

export async function insertNeed(
  db: Kysely<DB>,
  tenantId: string,
  need: { districtId: string; ageCohort: AgeCohort; text: string; source: NeedSource; createdOn: string },
): Promise<string> {
  const row = await db
    .insertInto('need')
    .values({
      tenant_id: tenantId,
      district_id: need.districtId,
      age_cohort: need.ageCohort,
      text: need.text,
      source: need.source,
      created_on: need.createdOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function districtExists(db: Kysely<DB>, tenantId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('district')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
