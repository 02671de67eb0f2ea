import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Agenda items of a conference with the case, need and project they touch; the closing tips of the period. */

export function conferenceItems(db: Kysely<DB>, tenantId: string, conferenceId: string) {
  return db
    .selectFrom('conference_item as i')
    .leftJoin('case_file as cf', (j) =>
      j.onRef('cf.tenant_id', '=', 'i.tenant_id').onRef('cf.id', '=', 'i.case_id'),
    )
    .leftJoin('need as n', (j) => j.onRef('n.tenant_id', '=', 'i.tenant_id').onRef('n.id', '=', 'i.need_id'))
    .leftJoin('micro_project as p', (j) =>
      j.onRef('p.tenant_id', '=', 'i.tenant_id').onRef('p.id', '=', 'i.micro_project_id'),
    )
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'i.tenant_id').onRef('u.id', '=', 'i.created_by'),
    )
    .select([
      'i.id',
      'i.rubric',
      'i.title',
      'i.body',
      'i.case_id',
      'cf.case_number',
      'i.need_id',
      'n.text as need_text',
      'i.micro_project_id',
      'p.name as project_name',
      'u.display_name as created_by',
    ])
    .where('i.tenant_id', '=', tenantId)
    .where('i.conference_id', '=', conferenceId)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof conferenceItems>>[number];

export async function insertItem(
  db: Kysely<DB>,
  tenantId: string,
  item: {
    conferenceId: string;
    rubric: string;
    title: string;
    body: string;
    caseId: string | null;
    needId: string | null;
    microProjectId: string | null;
    createdBy: string | null;
  },
) {
  const row = await db
    .insertInto('conference_item')
    .values({
      tenant_id: tenantId,
      conference_id: item.conferenceId,
      rubric: item.rubric,
      title: item.title,
      body: item.body,
      case_id: item.caseId,
      need_id: item.needId,
      micro_project_id: item.microProjectId,
      created_by: item.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function projectExists(db: Kysely<DB>, tenantId: string, id: string) {
  const row = await db
    .selectFrom('micro_project')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The closings of the team's cases after `after` up to and including `until`: the cases closed now, and the
 * closings a reopening undid since (kept in case_reopening, so a reopened case's tip is not lost).
 */
export async function closingsBetween(
  db: Kysely<DB>,
  tenantId: string,
  teamId: string,
  after: string,
  until: string,
) {
  const closed = await db
    .selectFrom('case_file')
    .select(['id', 'case_number', 'closed_on', 'closing_tip'])
    .where('tenant_id', '=', tenantId)
    .where('team_id', '=', teamId)
    .where('status', '=', 'abgeschlossen')
    .where('closed_on', '>', after)
    .where('closed_on', '<=', until)
    .execute();
  const reopened = await db
    .selectFrom('case_reopening as r')
    .innerJoin('case_file as cf', (j) =>
      j.onRef('cf.tenant_id', '=', 'r.tenant_id').onRef('cf.id', '=', 'r.case_id'),
    )
    .select(['cf.id', 'cf.case_number', 'r.closed_on', 'r.closing_tip'])
    .where('r.tenant_id', '=', tenantId)
    .where('cf.team_id', '=', teamId)
    .where('r.closed_on', '>', after)
    .where('r.closed_on', '<=', until)
    .execute();
  return [
    ...closed.map((r) => ({ ...r, closed_on: r.closed_on as string, reopened: false })),
    ...reopened.map((r) => ({ ...r, reopened: true })),
  ].sort((a, b) => a.closed_on.localeCompare(b.closed_on) || a.case_number.localeCompare(b.case_number));
}
