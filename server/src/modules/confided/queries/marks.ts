import type { ConfidedItemType, ReleaseBasis } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../../db/schema.ts';

/** All SQL of the § 65 marks and their shares (migration 0031). */

/** Item ids by item type: the items whose marks are read together. */
export type MarkedItems = Partial<Record<ConfidedItemType, readonly string[]>>;

/** Marks with the confidant's name and the shares that are not revoked (with the names, oldest first). */
function markRows(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('confided_mark as m')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.confided_to'),
    )
    .select((eb) => [
      'm.id',
      'm.item_type',
      'm.item_id',
      'm.confided_by',
      'm.confided_to',
      'u.display_name as confided_to_name',
      'm.release_basis',
      jsonArrayFrom(
        eb
          .selectFrom('confided_share as s')
          .innerJoin('app_user as su', (j) =>
            j.onRef('su.tenant_id', '=', 's.tenant_id').onRef('su.id', '=', 's.user_id'),
          )
          .select(['s.user_id', 'su.display_name as name'])
          .whereRef('s.tenant_id', '=', 'm.tenant_id')
          .whereRef('s.mark_id', '=', 'm.id')
          .where('s.revoked_at', 'is', null)
          .orderBy('s.shared_at'),
      ).as('shares'),
    ])
    .where('m.tenant_id', '=', tenantId);
}

/** The marks of these items: one statement for any number of item types, since a page shows items of many. */
export function marksOf(db: Kysely<DB>, tenantId: string, items: MarkedItems) {
  const wanted = Object.entries(items).filter(([, ids]) => ids !== undefined && ids.length > 0) as [
    ConfidedItemType,
    readonly string[],
  ][];
  if (wanted.length === 0) return Promise.resolve([]);
  return markRows(db, tenantId)
    .where((eb) =>
      eb.or(
        wanted.map(([type, ids]) => eb.and([eb('m.item_type', '=', type), eb('m.item_id', 'in', [...ids])])),
      ),
    )
    .execute();
}

/**
 * The marks of a case's items of these types, as a query: the case page reads them inside its own statement
 * (cases/queries/detail.ts). A mark names the case of its item (markLoaded checks that the item is the case's), and
 * a mark of an item no longer there (a Handlungsziel's outlives it) is simply not asked for.
 */
export function caseMarkRows(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  itemTypes: readonly ConfidedItemType[],
) {
  return markRows(db, tenantId)
    .where('m.case_id', '=', caseId)
    .where('m.item_type', 'in', [...itemTypes]);
}
export type MarkRow = Awaited<ReturnType<typeof marksOf>>[number];

/**
 * The authors of an item of the case (none: not an item of this case): the note's author, whoever uploaded the
 * file, the staff who took part in the Kurzberatung; the records' authors below.
 */
export async function itemAuthors(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  itemType: ConfidedItemType,
  itemId: string,
): Promise<{ authorIds: string[] } | undefined> {
  if (itemType === 'case_note') {
    const row = await db
      .selectFrom('case_note')
      .select('author_id')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('id', '=', itemId)
      .executeTakeFirst();
    return row && { authorIds: [row.author_id] };
  }
  if (itemType === 'risk_consultation') {
    const row = await db
      .selectFrom('risk_consultation')
      .select('participant_ids')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('id', '=', itemId)
      .executeTakeFirst();
    return row && { authorIds: row.participant_ids };
  }
  if (itemType === 'will_and_goals' || itemType === 'mandate' || itemType === 'family_conference')
    return recordAuthors(db, tenantId, caseId, itemType, itemId);
  if (itemType === 'measure' || itemType === 'child_protection_check' || itemType === 'protection_measure')
    return protectionAuthors(db, tenantId, caseId, itemType, itemId);
  if (
    itemType === 'help_plan' ||
    itemType === 'goal' ||
    itemType === 'resource' ||
    itemType === 'network_tie'
  )
    return planAuthors(db, tenantId, caseId, itemType, itemId);
  const row = await db
    .selectFrom('case_document')
    .select('uploaded_by')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return row && { authorIds: row.uploaded_by ? [row.uploaded_by] : [] };
}

/**
 * The author of Wille und Ziele or the Familienrat (who saved it last; their id is the case's) or of an Auftrag (who
 * recorded it). Saved before migrations 0036/0039 recorded authors: the case's lead.
 */
async function recordAuthors(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  itemType: 'will_and_goals' | 'mandate' | 'family_conference',
  itemId: string,
): Promise<{ authorIds: string[] } | undefined> {
  const author =
    itemType === 'mandate'
      ? db
          .selectFrom('mandate')
          .select('created_by as author')
          .where('tenant_id', '=', tenantId)
          .where('case_id', '=', caseId)
          .where('id', '=', itemId)
      : db
          .selectFrom(itemType)
          .select('updated_by as author')
          .where('tenant_id', '=', tenantId)
          .where('case_id', '=', caseId)
          .where('case_id', '=', itemId);
  const [row, lead] = await Promise.all([author.executeTakeFirst(), leadOf(db, tenantId, caseId)]);
  if (!row) return undefined;
  const authorId = row.author ?? lead?.lead_user_id ?? null;
  return { authorIds: authorId ? [authorId] : [] };
}

/**
 * The authors of a Hilfe (who planned it), a § 8a check (who took the report and who recorded it) or a
 * Schutzmaßnahme (who recorded it; its check names the case). Rows without a recorded author: the case's lead.
 */
async function protectionAuthors(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  itemType: 'measure' | 'child_protection_check' | 'protection_measure',
  itemId: string,
): Promise<{ authorIds: string[] } | undefined> {
  const authors =
    itemType === 'measure'
      ? db
          .selectFrom('measure')
          .select(['created_by as author', sql<string | null>`null`.as('other')])
          .where('tenant_id', '=', tenantId)
          .where('case_id', '=', caseId)
          .where('id', '=', itemId)
      : itemType === 'child_protection_check'
        ? db
            .selectFrom('child_protection_check')
            .select(['created_by as author', 'taken_by as other'])
            .where('tenant_id', '=', tenantId)
            .where('case_id', '=', caseId)
            .where('id', '=', itemId)
        : db
            .selectFrom('protection_measure as pm')
            .innerJoin('child_protection_check as c', (j) =>
              j.onRef('c.tenant_id', '=', 'pm.tenant_id').onRef('c.id', '=', 'pm.check_id'),
            )
            .select(['pm.created_by as author', sql<string | null>`null`.as('other')])
            .where('pm.tenant_id', '=', tenantId)
            .where('c.case_id', '=', caseId)
            .where('pm.id', '=', itemId);
  const [row, lead] = await Promise.all([
    authors.executeTakeFirst(),
    db
      .selectFrom('case_file')
      .select('lead_user_id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', caseId)
      .executeTakeFirst(),
  ]);
  if (!row) return undefined;
  const ids = [row.author ?? lead?.lead_user_id ?? null, row.other].filter((a): a is string => a !== null);
  return { authorIds: [...new Set(ids)] };
}

/**
 * The author of a Hilfeplan version, a resource or a network entry (who recorded it) or of a Handlungsziel (who
 * saved the Wille-und-Ziele sheet last: every save rewrites every goal). Recorded before authors were kept: the
 * case's lead.
 */
async function planAuthors(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  itemType: 'help_plan' | 'goal' | 'resource' | 'network_tie',
  itemId: string,
): Promise<{ authorIds: string[] } | undefined> {
  const author =
    itemType === 'goal'
      ? db
          .selectFrom('goal as g')
          .leftJoin('will_and_goals as w', (j) =>
            j.onRef('w.tenant_id', '=', 'g.tenant_id').onRef('w.case_id', '=', 'g.case_id'),
          )
          .select('w.updated_by as author')
          .where('g.tenant_id', '=', tenantId)
          .where('g.case_id', '=', caseId)
          .where('g.id', '=', itemId)
      : db
          .selectFrom(itemType)
          .select(`${itemType}.created_by as author`)
          .where(`${itemType}.tenant_id`, '=', tenantId)
          .where(`${itemType}.case_id`, '=', caseId)
          .where(`${itemType}.id`, '=', itemId);
  const [row, lead] = await Promise.all([author.executeTakeFirst(), leadOf(db, tenantId, caseId)]);
  if (!row) return undefined;
  const authorId = row.author ?? lead?.lead_user_id ?? null;
  return { authorIds: authorId ? [authorId] : [] };
}

function leadOf(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('case_file')
    .select('lead_user_id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export function findMarkOfItem(db: Kysely<DB>, tenantId: string, itemType: ConfidedItemType, itemId: string) {
  return db
    .selectFrom('confided_mark')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('item_type', '=', itemType)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
}

export function findMark(db: Kysely<DB>, tenantId: string, caseId: string, markId: string) {
  return db
    .selectFrom('confided_mark')
    .select(['id', 'item_type', 'item_id', 'confided_by', 'confided_to', 'release_basis'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', markId)
    .executeTakeFirst();
}

export async function insertMark(
  db: Kysely<DB>,
  values: {
    tenantId: string;
    caseId: string;
    itemType: ConfidedItemType;
    itemId: string;
    confidedBy: string;
    confidedTo: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('confided_mark')
    .values({
      tenant_id: values.tenantId,
      case_id: values.caseId,
      item_type: values.itemType,
      item_id: values.itemId,
      confided_by: values.confidedBy,
      confided_to: values.confidedTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Removes a mark; its shares go with it (on delete cascade). */
export async function deleteMark(db: Kysely<DB>, tenantId: string, markId: string) {
  await db.deleteFrom('confided_mark').where('tenant_id', '=', tenantId).where('id', '=', markId).execute();
}

export async function hasActiveShare(db: Kysely<DB>, tenantId: string, markId: string, userId: string) {
  const row = await db
    .selectFrom('confided_share')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('mark_id', '=', markId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertShare(db: Kysely<DB>, tenantId: string, markId: string, userId: string, by: string) {
  return db
    .insertInto('confided_share')
    .values({ tenant_id: tenantId, mark_id: markId, user_id: userId, shared_by: by })
    .execute();
}

export function revokeShares(db: Kysely<DB>, tenantId: string, markId: string, userId: string, by: string) {
  return db
    .updateTable('confided_share')
    .set({ revoked_at: new Date(), revoked_by: by })
    .where('tenant_id', '=', tenantId)
    .where('mark_id', '=', markId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function setRelease(
  db: Kysely<DB>,
  tenantId: string,
  markId: string,
  release: { basis: ReleaseBasis; note: string; by: string },
) {
  return db
    .updateTable('confided_mark')
    .set({
      release_basis: release.basis,
      release_note: release.note,
      released_by: release.by,
      released_at: new Date(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', markId)
    .execute();
}
