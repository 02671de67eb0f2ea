import { type CaseNoteKind, type CaseNoteLinkType, CONFIDED_PLACEHOLDER } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { likePattern } from '../../shared/like.ts';
import { type ContentViewer, confidedShownSql, shownOr } from '../confided/queries/visibility.ts';

/** Every statement of the Aktenvermerke (migration 0013). */

export interface NoteFields {
  occurredAt: string;
  kind: CaseNoteKind;
  staffIds: string[];
  others: string[];
  text: string;
  link: { type: CaseNoteLinkType; id: string } | null;
}

export async function insertNote(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  authorId: string,
  fields: NoteFields,
  correctsId: string | null,
): Promise<string> {
  const row = await db
    .insertInto('case_note')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      occurred_at: fields.occurredAt,
      kind: fields.kind,
      staff_ids: fields.staffIds,
      others: fields.others,
      text: fields.text,
      author_id: authorId,
      corrects_id: correctsId,
      linked_type: fields.link?.type ?? null,
      linked_id: fields.link?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The author's change within the 24 hours, on the version the client saw. */
export function updateNote(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  noteId: string,
  fields: NoteFields,
  version: number,
  now: Date,
) {
  return db
    .updateTable('case_note')
    .set((eb) => ({
      occurred_at: fields.occurredAt,
      kind: fields.kind,
      staff_ids: fields.staffIds,
      others: fields.others,
      text: fields.text,
      linked_type: fields.link?.type ?? null,
      linked_id: fields.link?.id ?? null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', noteId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** One note of the case (for the edit rule and to check what a correction points at). */
export function findNote(db: Kysely<DB>, tenantId: string, caseId: string, noteId: string) {
  return db
    .selectFrom('case_note')
    .select([
      'id',
      'author_id',
      'created_at',
      'occurred_at',
      'kind',
      'staff_ids',
      'others',
      'text',
      'linked_type',
      'linked_id',
    ])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', noteId)
    .executeTakeFirst();
}

export function caseNumberOf(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('case_file')
    .select('case_number')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}

/** Which of these ids are staff of the tenant (also former staff: they may have taken part in an old contact). */
export async function existingStaffIds(db: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function staffNames(db: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Whether a record of this table with this id belongs to the case (the records a note can be linked to). */
export async function caseRecordExists(
  db: Kysely<DB>,
  table: 'mandate' | 'risk_consultation' | 'help_plan',
  tenantId: string,
  caseId: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** The list's order and cursor: the contact's time, then the writing time (a correction above what it corrects). */
export interface NoteKey {
  at: string;
  written: string;
  id: string;
}

export interface NoteFilter {
  kind?: CaseNoteKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  linkType?: CaseNoteLinkType | undefined;
  linkId?: string | undefined;
  /** One note (the read of a single note after a version conflict). */
  id?: string | undefined;
}

/**
 * A page of the case's notes, newest contact first (`limit + 1` after the cursor), with the author and the note
 * each one corrects. Days of `from`/`to` are Berlin calendar days. § 65: a confided note's text and other
 * participants (and a corrected note's text) come as the placeholder unless the viewer may see them, and the search
 * does not look into what she may not see.
 */
export function listNotes(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  viewer: ContentViewer,
  filter: NoteFilter,
  after: NoteKey | undefined,
  limit: number,
) {
  const shown = confidedShownSql('case_note', 'n.tenant_id', 'n.id', viewer);
  const correctedShown = confidedShownSql('case_note', 'c.tenant_id', 'c.id', viewer);
  let q = db
    .selectFrom('case_note as n')
    .innerJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 'n.tenant_id').onRef('a.id', '=', 'n.author_id'),
    )
    .leftJoin('case_note as c', (j) =>
      j.onRef('c.tenant_id', '=', 'n.tenant_id').onRef('c.id', '=', 'n.corrects_id'),
    )
    .leftJoin('app_user as ca', (j) =>
      j.onRef('ca.tenant_id', '=', 'c.tenant_id').onRef('ca.id', '=', 'c.author_id'),
    )
    .select([
      'n.id',
      'n.occurred_at',
      'n.kind',
      'n.staff_ids',
      sql<string[]>`case when ${shown} then n.others else '{}'::text[] end`.as('others'),
      shownOr(shown, 'n.text').as('text'),
      shown.as('shown'),
      'n.author_id',
      'a.display_name as author_name',
      'n.created_at',
      'n.updated_at',
      'n.version',
      'n.linked_type',
      'n.linked_id',
      'n.corrects_id',
      'c.occurred_at as corrects_occurred_at',
      'c.kind as corrects_kind',
      sql<string | null>`case when c.id is null then null else ${shownOr(correctedShown, 'c.text')} end`.as(
        'corrects_text',
      ),
      'ca.display_name as corrects_author',
      sql<string>`n.occurred_at::text`.as('at_key'),
      sql<string>`n.created_at::text`.as('written_key'),
    ])
    .where('n.tenant_id', '=', tenantId)
    .where('n.case_id', '=', caseId);
  if (filter.kind) q = q.where('n.kind', '=', filter.kind);
  if (filter.from)
    q = q.where(
      sql<boolean>`n.occurred_at >= (${filter.from}::date)::timestamp at time zone 'Europe/Berlin'`,
    );
  if (filter.to)
    q = q.where(
      sql<boolean>`n.occurred_at < (${filter.to}::date + 1)::timestamp at time zone 'Europe/Berlin'`,
    );
  if (filter.q) {
    const like = likePattern(filter.q);
    q = q.where((eb) =>
      eb.and([
        eb(shown, '=', true),
        eb.or([
          eb(sql`lower(n.text)`, 'like', like),
          eb(sql`lower(array_to_string(n.others, ' '))`, 'like', like),
        ]),
      ]),
    );
  }
  if (filter.linkType) q = q.where('n.linked_type', '=', filter.linkType);
  if (filter.linkId) q = q.where('n.linked_id', '=', filter.linkId);
  if (filter.id) q = q.where('n.id', '=', filter.id);
  if (after)
    q = q.where(
      sql<boolean>`(n.occurred_at, n.created_at, n.id)
        < (${after.at}::timestamptz, ${after.written}::timestamptz, ${after.id}::uuid)`,
    );
  return q
    .orderBy('n.occurred_at', 'desc')
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit + 1)
    .execute();
}
export type NoteRow = Awaited<ReturnType<typeof listNotes>>[number];

/** The corrections written to these notes, oldest first. */
export function correctionsOf(db: Kysely<DB>, tenantId: string, noteIds: readonly string[]) {
  if (noteIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_note as n')
    .innerJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 'n.tenant_id').onRef('a.id', '=', 'n.author_id'),
    )
    .select(['n.id', 'n.corrects_id', 'n.created_at', 'a.display_name as author_name'])
    .where('n.tenant_id', '=', tenantId)
    .where('n.corrects_id', 'in', [...noteIds])
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
}
export type CorrectionRow = Awaited<ReturnType<typeof correctionsOf>>[number];

/**
 * The case's notes as the Verlauf shows them: kind, time, author and the start of the text (§ 65: the placeholder
 * when the viewer may not see it), newest first. A query: the case page reads it inside its own statement
 * (cases/queries/detail.ts).
 */
export function timelineNotes(db: Kysely<DB>, tenantId: string, caseId: string, viewer: ContentViewer) {
  const shown = confidedShownSql('case_note', 'n.tenant_id', 'n.id', viewer);
  return db
    .selectFrom('case_note as n')
    .innerJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 'n.tenant_id').onRef('a.id', '=', 'n.author_id'),
    )
    .select([
      'n.id',
      'n.occurred_at',
      'n.kind',
      'n.corrects_id',
      'a.display_name as author_name',
      sql<string>`case when ${shown} then left(n.text, 301) else ${CONFIDED_PLACEHOLDER} end`.as('excerpt'),
      sql<boolean>`exists (select 1 from confided_mark m
        where m.tenant_id = n.tenant_id and m.item_type = 'case_note' and m.item_id = n.id)`.as('confided'),
      shown.as('shown'),
      sql<boolean>`exists (select 1 from case_note k
        where k.tenant_id = n.tenant_id and k.corrects_id = n.id)`.as('corrected'),
    ])
    .where('n.tenant_id', '=', tenantId)
    .where('n.case_id', '=', caseId)
    .orderBy('n.occurred_at', 'desc')
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc');
}
export type TimelineNoteRow = Awaited<ReturnType<ReturnType<typeof timelineNotes>['execute']>>[number];
