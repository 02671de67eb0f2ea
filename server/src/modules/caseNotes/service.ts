import type { ContentUse } from '@leuchtturm/shared';
import {
  type CaseNote,
  type CaseNoteInput,
  type CaseNotePage,
  type CaseNoteQuery,
  type CaseNoteUpdate,
  z,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { decodeCursor, instantTextSchema, toPage } from '../../shared/pagination.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { caseNoteEditableUntil, caseNoteEditRefusal } from '../access/policy.ts';
import { requireCase, usersWhoMaySeeCase } from '../cases/access.ts';
import { viewerOf } from '../confided/queries/visibility.ts';
import { confidedMarks, markLoaded } from '../confided/service.ts';
import { notify } from '../notifications/service.ts';
import { noteLinkChecks } from './links.ts';
import { presentCaseNote } from './presenter.ts';
import {
  caseNumberOf,
  correctionsOf,
  existingStaffIds,
  findNote,
  insertNote,
  listNotes,
  type NoteFields,
  type NoteRow,
  staffNames,
  updateNote,
} from './queries.ts';

/**
 * Aktenvermerke (docs/domain.md, section 2): the chronology of contacts and notes of a case. Anybody who may work
 * on the case writes them; only the author changes one, within 24 hours (access/policy.ts, caseNoteEditRefusal);
 * after that a correction is a new note pointing at the old one. Notes are never deleted. Every read is audited.
 */

/** A contact is recorded when it happened, not ahead: a few minutes of clock difference are tolerated. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

const noteKeySchema = z.object({ at: instantTextSchema, written: instantTextSchema, id: z.uuid() });

const noteLink = (caseId: string) => `/faelle/${caseId}?bereich=vermerke`;

/** `use`: 'view' on the screen; a document that leaves the office (the § 86c package) asks with its own use (§ 65). */
export async function caseNotes(
  ctx: Ctx,
  caseId: string,
  query: CaseNoteQuery,
  use: ContentUse = 'view',
): Promise<CaseNotePage> {
  const loaded = await requireCase(ctx, caseId, 'read');
  if (query.from && query.to && query.to < query.from)
    throw AppError.validation('to', 'Das Ende des Zeitraums darf nicht vor seinem Beginn liegen.');
  const after = decodeCursor(query.cursor, noteKeySchema);
  const rows = await listNotes(
    ctx.db,
    ctx.actor.tenantId,
    caseId,
    viewerOf(ctx, use),
    query,
    after,
    query.limit,
  );
  const present = await presenterOf(ctx, loaded.status, rows.slice(0, query.limit));
  const page = toPage(
    rows,
    query.limit,
    (r) => ({ at: r.at_key, written: r.written_key, id: r.id }),
    present,
  );
  const filters = (['kind', 'from', 'to', 'q', 'linkType', 'linkId'] as const).filter(
    (f) => query[f] !== undefined,
  );
  await ctx.audit({
    action: 'read',
    entityType: 'case_note_list',
    entityId: caseId,
    details: { count: page.items.length, filters, next: query.cursor !== undefined },
  });
  return page;
}

/** One note as it is now: what the edit dialog compares with after a version conflict. */
export async function caseNote(ctx: Ctx, caseId: string, noteId: string): Promise<CaseNote> {
  const loaded = await requireCase(ctx, caseId, 'read');
  const [row] = await listNotes(
    ctx.db,
    ctx.actor.tenantId,
    caseId,
    viewerOf(ctx, 'view'),
    { id: noteId },
    undefined,
    1,
  );
  if (!row) throw AppError.notFound('Der Vermerk');
  const present = await presenterOf(ctx, loaded.status, [row]);
  await ctx.audit({ action: 'read', entityType: 'case_note', entityId: noteId });
  return present(row);
}

/** Presents notes with the names of the colleagues they name and the notes correcting them. */
async function presenterOf(ctx: Ctx, caseStatus: string, rows: readonly NoteRow[]) {
  const tenantId = ctx.actor.tenantId;
  const ids = rows.map((r) => r.id);
  const [names, corrections, marks] = await Promise.all([
    staffNames(ctx.db, tenantId, [...new Set(rows.flatMap((r) => r.staff_ids))]),
    correctionsOf(ctx.db, tenantId, ids),
    confidedMarks(ctx.db, ctx.actor, viewerOf(ctx, 'view'), 'case_note', ids),
  ]);
  const now = new Date();
  const byNote = new Map<string, typeof corrections>();
  for (const c of corrections)
    byNote.set(c.corrects_id as string, [...(byNote.get(c.corrects_id as string) ?? []), c]);
  const nameOf = new Map(names.map((n) => [n.id, n.display_name]));
  return (row: NoteRow) =>
    presentCaseNote(row, {
      staffNames: nameOf,
      corrections: byNote,
      marks,
      editableUntil: (r) => caseNoteEditableUntil(r.created_at),
      mayEdit: (r) =>
        caseStatus === 'offen' &&
        caseNoteEditRefusal(ctx.actor, { authorId: r.author_id, createdAt: r.created_at }, now) === null,
    });
}

/** Checks what the body names beyond the case: the time, the colleagues, the linked record. */
async function checkFields(ctx: Ctx, caseId: string, fields: NoteFields, now: Date): Promise<void> {
  if (new Date(fields.occurredAt).getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    throw AppError.validation(
      'occurredAt',
      'Ein Vermerk hält fest, was geschehen ist: Der Zeitpunkt liegt in der Zukunft.',
    );
  const known = await existingStaffIds(ctx.db, ctx.actor.tenantId, fields.staffIds);
  const unknown = fields.staffIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw AppError.validation(`staffIds.${unknown}`, 'Diese Fachkraft gibt es nicht.');
  if (
    fields.link &&
    !(await noteLinkChecks[fields.link.type](ctx.db, ctx.actor.tenantId, caseId, fields.link.id))
  )
    throw AppError.validation('link.id', 'Der verknüpfte Eintrag gehört nicht zu diesem Fall.');
}

function fieldsOf(input: CaseNoteInput | CaseNoteUpdate): NoteFields {
  return {
    occurredAt: input.occurredAt,
    kind: input.kind,
    staffIds: [...new Set(input.staffIds)],
    others: input.others,
    text: input.text,
    link: input.link,
  };
}

/**
 * Writes a note, or a correction of an earlier one (`correctsId`, a note of the same case). When someone corrects
 * another person's note, that person is notified (with the case number, no names), if they may still open the case.
 */
export async function addCaseNote(ctx: Ctx, caseId: string, input: CaseNoteInput): Promise<{ id: string }> {
  const loaded = await requireCase(ctx, caseId, 'write');
  const author = ctx.actor.userId;
  if (!author) throw new AppError('forbidden', 'Vermerke schreiben nur angemeldete Fachkräfte.');
  const tenantId = ctx.actor.tenantId;
  const fields = fieldsOf(input);
  await checkFields(ctx, caseId, fields, new Date());
  const corrected = input.correctsId ? await findNote(ctx.db, tenantId, caseId, input.correctsId) : null;
  if (input.correctsId && !corrected)
    throw AppError.validation(
      'correctsId',
      'Der Vermerk, der korrigiert werden soll, gehört nicht zu diesem Fall.',
    );
  const id = await insertNote(ctx.db, tenantId, caseId, author, fields, input.correctsId);
  if (input.confided)
    await markLoaded(ctx, loaded, caseId, {
      itemType: 'case_note',
      itemId: id,
      confidedTo: input.confidedTo ?? null,
    });
  await ctx.audit({
    action: 'create',
    entityType: 'case_note',
    entityId: id,
    details: {
      caseId,
      kind: fields.kind,
      ...(input.correctsId ? { correctsId: input.correctsId } : {}),
      ...(fields.link ? { link: fields.link } : {}),
    },
  });
  const recipients =
    corrected && corrected.author_id !== author
      ? await usersWhoMaySeeCase(ctx.db, tenantId, loaded.subject, [corrected.author_id])
      : [];
  if (recipients.length > 0) {
    const { case_number } = await caseNumberOf(ctx.db, tenantId, caseId);
    await notify(ctx.db, {
      tenantId,
      userIds: recipients,
      kind: 'vermerk_korrigiert',
      title: `Ihr Vermerk im Fall ${case_number} wurde korrigiert.`,
      link: noteLink(caseId),
      dedupeKey: `vermerk-korrigiert:${id}`,
    });
  }
  return { id };
}

/** The author's change within 24 hours, on the version they saw; the fields changed are audited by name. */
export async function editCaseNote(
  ctx: Ctx,
  caseId: string,
  noteId: string,
  input: CaseNoteUpdate,
): Promise<void> {
  await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const note = await findNote(ctx.db, tenantId, caseId, noteId);
  if (!note) throw AppError.notFound('Der Vermerk');
  const now = new Date();
  const refusal = caseNoteEditRefusal(
    ctx.actor,
    { authorId: note.author_id, createdAt: note.created_at },
    now,
  );
  if (refusal === 'not_author')
    throw new AppError(
      'forbidden',
      'Einen Vermerk kann nur ändern, wer ihn geschrieben hat. Bitte schreiben Sie eine Korrektur.',
      {
        audit: {
          action: 'access_denied',
          entityType: 'case_note',
          entityId: noteId,
          details: { caseId, purpose: 'update' },
        },
      },
    );
  if (refusal === 'fixed')
    throw new AppError(
      'conflict',
      'Dieser Vermerk ist älter als 24 Stunden und damit festgeschrieben. Bitte schreiben Sie eine Korrektur; sie verweist auf den ursprünglichen Vermerk.',
    );
  const fields = fieldsOf(input);
  await checkFields(ctx, caseId, fields, now);
  await expectOneUpdated(
    await updateNote(ctx.db, tenantId, caseId, noteId, fields, input.version, now),
    () => findNote(ctx.db, tenantId, caseId, noteId),
    'Der Vermerk',
  );
  const changed = [
    note.occurred_at.getTime() !== new Date(fields.occurredAt).getTime() ? 'occurredAt' : null,
    note.kind !== fields.kind ? 'kind' : null,
    note.staff_ids.join() !== fields.staffIds.join() ? 'staffIds' : null,
    note.others.join('\n') !== fields.others.join('\n') ? 'others' : null,
    note.text !== fields.text ? 'text' : null,
    (note.linked_type ?? '') !== (fields.link?.type ?? '') ||
    (note.linked_id ?? '') !== (fields.link?.id ?? '')
      ? 'link'
      : null,
  ].filter((f) => f !== null);
  await ctx.audit({
    action: 'update',
    entityType: 'case_note',
    entityId: noteId,
    details: { caseId, fields: changed },
  });
}
