import { type Insertable, type Kysely, sql, type UpdateResult } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { MeasureTable } from '../../../db/schema-measures.ts';
import { type ContentViewer, confidedShownSql, shownOrNull } from '../../confided/queries/visibility.ts';

/** Measures on cases: what planning, approving and ending a measure read and write. */

/** The young person of a new measure, if one of the household: their birth date (a help cannot begin before it). */
export function findHouseholdMember(db: Kysely<DB>, tenantId: string, householdId: string, personId: string) {
  return db
    .selectFrom('household_member as hm')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'hm.tenant_id').onRef('p.id', '=', 'hm.person_id'),
    )
    .select('p.birth_date')
    .where('hm.tenant_id', '=', tenantId)
    .where('hm.household_id', '=', householdId)
    .where('hm.person_id', '=', personId)
    .executeTakeFirst();
}

/**
 * Locks the young person's row until the transaction ends: two plans for the same person (the stationary overlap
 * check, then the insert) run one after the other, also on PostgreSQL with concurrent requests.
 */
export async function lockPerson(db: Kysely<DB>, tenantId: string, personId: string): Promise<void> {
  await db
    .selectFrom('person')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', personId)
    .forUpdate()
    .execute();
}

/**
 * A stationary measure (planned or approved, not withdrawn) of the person that has a day in [begin, end]; `end`
 * null is open-ended. A measure without an end runs on: its planned end does not end it.
 */
export function findStationaryOverlap(
  db: Kysely<DB>,
  tenantId: string,
  personId: string,
  begin: string,
  end: string | null,
) {
  let q = db
    .selectFrom('measure')
    .select(['id', 'begin_on', 'end_on'])
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .where('category', '=', 'stationaer')
    .where('status', '<>', 'zurueckgezogen')
    .where((eb) => eb.or([eb('end_on', 'is', null), eb('end_on', '>=', begin)]));
  if (end !== null) q = q.where('begin_on', '<=', end);
  return q.orderBy('begin_on').limit(1).executeTakeFirst();
}

/**
 * The measures a closing on `closedOn` must decide on: planned ones, and approved ones that have not ended by then.
 */
export function listMeasuresToDecide(db: Kysely<DB>, tenantId: string, caseId: string, closedOn: string) {
  return db
    .selectFrom('measure')
    .select(['id', 'status', 'begin_on', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'geplant'),
        eb.and([
          eb('status', '=', 'bewilligt'),
          eb.or([eb('end_on', 'is', null), eb('end_on', '>', closedOn)]),
        ]),
      ]),
    )
    .orderBy('begin_on')
    .orderBy('id')
    .execute();
}

export async function isHelpPlanOfCase(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  helpPlanId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('help_plan')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', helpPlanId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The monthly amount above which the team lead approves (the tenant's setting; 0 when none is stored). */
export async function findApprovalThreshold(db: Kysely<DB>, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom('finance_setting')
    .select('approval_threshold')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.approval_threshold ?? '0.00';
}

export function insertMeasure(db: Kysely<DB>, values: Insertable<MeasureTable>) {
  return db.insertInto('measure').values(values).returning(['id', 'status']).executeTakeFirstOrThrow();
}

/** What approving or ending needs of a measure: its case (for the access check first) and its state. */
export function findMeasureState(db: Kysely<DB>, tenantId: string, measureId: string) {
  return db
    .selectFrom('measure as m')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
    )
    .select(['m.case_id', 'm.status', 'm.version', 'm.begin_on', 'c.closed_on'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.id', '=', measureId)
    .executeTakeFirst();
}

export function approveMeasureRow(
  db: Kysely<DB>,
  tenantId: string,
  measureId: string,
  version: number,
  userId: string | null,
): Promise<UpdateResult> {
  return db
    .updateTable('measure')
    .set({ status: 'bewilligt', approved_by: userId, approved_at: new Date(), version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', measureId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function endMeasureRow(
  db: Kysely<DB>,
  tenantId: string,
  measureId: string,
  input: { endOn: string; endReason: string; version: number },
): Promise<UpdateResult> {
  return db
    .updateTable('measure')
    .set({ end_on: input.endOn, end_reason: input.endReason, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', measureId)
    .where('version', '=', input.version)
    .executeTakeFirst();
}

/** Withdraws a planned measure with its reason (the caller has checked that it is planned). */
export function withdrawMeasureRow(
  db: Kysely<DB>,
  tenantId: string,
  measureId: string,
  input: { reason: string; version: number },
): Promise<UpdateResult> {
  const version = input.version;
  return db
    .updateTable('measure')
    .set({ status: 'zurueckgezogen', withdraw_reason: input.reason, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', measureId)
    .where('version', '=', version)
    .where('status', '=', 'geplant')
    .executeTakeFirst();
}

/** Measures with what a list shows; their free text as the viewer may read it (§ 65). */
function measureList(db: Kysely<DB>, tenantId: string, viewer: ContentViewer) {
  const shown = confidedShownSql('measure', 'm.tenant_id', 'm.id', viewer);
  return db
    .selectFrom('measure as m')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
    )
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .leftJoin('service_offer as o', (j) =>
      j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.offer_id'),
    )
    .leftJoin('provider as pr', (j) =>
      j.onRef('pr.tenant_id', '=', 'o.tenant_id').onRef('pr.id', '=', 'o.provider_id'),
    )
    .leftJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 'm.tenant_id').onRef('a.id', '=', 'm.approved_by'),
    )
    .select([
      'm.id',
      'm.case_id',
      'c.case_number',
      'm.person_id',
      'p.first_name',
      'p.last_name',
      'h.id as help_type_id',
      'h.name as help_type_name',
      'h.paragraph',
      'pr.name as provider_name',
      'm.offer_id',
      'o.name as offer_name',
      'o.unit as offer_unit',
      'm.individual_amount',
      'm.individual_unit',
      'm.category',
      'm.begin_on',
      'm.planned_end_on',
      'm.end_on',
      'm.end_reason',
      'm.hours_per_week',
      shownOrNull(shown, 'm.begin_reason').as('begin_reason'),
      shownOrNull(shown, 'm.withdraw_reason').as('withdraw_reason'),
      shown.as('shown'),
      // Whether there is free text to withhold (the Auskunft lists a withheld one by kind).
      sql<boolean>`m.begin_reason is not null or m.withdraw_reason is not null`.as('has_text'),
      'm.created_by',
      'c.lead_user_id as case_lead_id',
      'm.status',
      'm.approved_at',
      'a.display_name as approved_by_name',
      'm.version',
    ])
    .where('m.tenant_id', '=', tenantId);
}

/**
 * The measures of these cases, by begin (a case has few; the caller has checked access to the cases): the case's
 * Hilfen tab and the Auskunft read them here.
 */
export function measuresOfCases(
  db: Kysely<DB>,
  tenantId: string,
  caseIds: readonly string[],
  viewer: ContentViewer,
) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return measureList(db, tenantId, viewer)
    .where('m.case_id', 'in', [...caseIds])
    .orderBy('m.begin_on')
    .orderBy('m.id')
    .execute();
}
export type MeasureRow = Awaited<ReturnType<typeof measuresOfCases>>[number];

/** The measures of one case, by begin. */
export function listCaseMeasureRows(db: Kysely<DB>, tenantId: string, caseId: string, viewer: ContentViewer) {
  return measuresOfCases(db, tenantId, [caseId], viewer);
}

/** Where a page of approvals ends: the last measure's creation instant (to the microsecond) and id. */
export interface ApprovalCursor {
  createdAt: string;
  id: string;
}

/**
 * Measures awaiting approval in one team, oldest first: `limit + 1` after `after`. The instant is read as UTC text
 * with microseconds, since a JavaScript Date would round it to milliseconds and so misplace the next page. The
 * caller has checked that the actor approves for the team.
 */
export function listPendingApprovalRows(
  db: Kysely<DB>,
  tenantId: string,
  teamId: string,
  page: { after: ApprovalCursor | undefined; limit: number },
  viewer: ContentViewer,
) {
  let q = measureList(db, tenantId, viewer)
    .select(
      sql<string>`to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'created_key',
      ),
    )
    .where('m.status', '=', 'geplant')
    // A closed case's planned measure is withdrawn, never approved (measures/closing.ts).
    .where('c.status', '=', 'offen')
    .where('c.team_id', '=', teamId);
  const after = page.after;
  if (after)
    q = q.where(sql<boolean>`(m.created_at, m.id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`);
  return q
    .orderBy('m.created_at')
    .orderBy('m.id')
    .limit(page.limit + 1)
    .execute();
}
