import {
  type ConfidedItemType,
  type ConfidedMark,
  type ConfidedMarkInput,
  type ConfidedReleaseInput,
  confidedItemTypes,
} from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { confidedContentShown, mayManageConfided, mayMarkConfided } from '../access/policy.ts';
import { type LoadedCase, requireCase, usersWhoMaySeeCase } from '../cases/access.ts';
import {
  deleteMark,
  findMark,
  findMarkOfItem,
  hasActiveShare,
  insertMark,
  insertShare,
  itemAuthors,
  type MarkedItems,
  type MarkRow,
  marksOf,
  revokeShares,
  setRelease,
} from './queries/marks.ts';
import type { ContentViewer } from './queries/visibility.ts';

/**
 * § 65 SGB VIII anvertraute Daten (docs/data-protection.md): marking an item of the case file as confided, sharing it
 * with a colleague and revoking that, and recording the consent or legal exception under which it may leave the
 * office. Every change is audited (ids only); every refusal too.
 */

/** The marks of these items as the viewer sees them (who manages one also sees whom it is shared with). */
export async function confidedMarks(
  db: Kysely<DB>,
  actor: Actor,
  viewer: ContentViewer,
  itemType: ConfidedItemType,
  itemIds: readonly string[],
): Promise<Map<string, ConfidedMark>> {
  return (await confidedMarksOf(db, actor, viewer, { [itemType]: itemIds })).of(itemType);
}

/** The same for items of several types, read in one statement; `of(type)` gives one type's marks by item id. */
export async function confidedMarksOf(
  db: Kysely<DB>,
  actor: Actor,
  viewer: ContentViewer,
  items: MarkedItems,
) {
  return presentMarks(await marksOf(db, actor.tenantId, items), actor, viewer);
}

/** Marks read already (the case page reads its own with its records), as the viewer sees them, by type and item. */
export function presentMarks(rows: readonly MarkRow[], actor: Actor, viewer: ContentViewer) {
  const byType = new Map<ConfidedItemType, Map<string, ConfidedMark>>();
  for (const m of rows) {
    const type = m.item_type as ConfidedItemType;
    const marks = byType.get(type) ?? new Map<string, ConfidedMark>();
    marks.set(m.item_id, presentMark(m, actor, viewer));
    byType.set(type, marks);
  }
  return { of: (type: ConfidedItemType) => byType.get(type) ?? new Map<string, ConfidedMark>() };
}

const subjectOf = (m: MarkRow) => ({
  confidedBy: m.confided_by,
  confidedTo: m.confided_to,
  sharedWith: m.shares.map((s) => s.user_id),
  released: m.release_basis !== null,
});

function presentMark(m: MarkRow, actor: Actor, viewer: ContentViewer): ConfidedMark {
  const subject = subjectOf(m);
  const mayManage = mayManageConfided(actor, subject);
  return {
    id: m.id,
    confidedTo: { id: m.confided_to, name: m.confided_to_name },
    withheld: !confidedContentShown(actor, subject, viewer.use),
    releaseBasis: m.release_basis,
    mayManage,
    sharedWith: mayManage ? m.shares.map((s) => ({ id: s.user_id, name: s.name })) : [],
  };
}

const refusal = (caseId: string, entityId: string, purpose: string) =>
  new AppError('forbidden', 'Das darf nur, wer die Angabe geschrieben hat oder wem sie anvertraut wurde.', {
    audit: { action: 'access_denied', entityType: 'confided_mark', entityId, details: { caseId, purpose } },
  });

/** Checks that the user may be given the content: staff who may open the case. */
async function requireCaseReader(ctx: Ctx, loaded: LoadedCase, userId: string, field: string) {
  const [ok] = await usersWhoMaySeeCase(ctx.db, ctx.actor.tenantId, loaded.subject, [userId]);
  if (!ok) throw AppError.validation(field, 'Diese Person hat keinen Zugriff auf den Fall.');
}

/** Marks a note or document of the case as confided; only its author, once per item. */
export async function markConfided(
  ctx: Ctx,
  caseId: string,
  input: ConfidedMarkInput,
): Promise<{ id: string }> {
  const loaded = await requireCase(ctx, caseId, 'write', { evenIfClosed: true });
  return markLoaded(ctx, loaded, caseId, input);
}

/** The same, for a service that has checked the case already (a note written as confided). */
export async function markLoaded(
  ctx: Ctx,
  loaded: LoadedCase,
  caseId: string,
  input: ConfidedMarkInput,
): Promise<{ id: string }> {
  const tenantId = ctx.actor.tenantId;
  const item = await itemAuthors(ctx.db, tenantId, caseId, input.itemType, input.itemId);
  if (!item) throw AppError.validation('itemId', 'Diesen Eintrag gibt es in diesem Fall nicht.');
  if (!mayMarkConfided(ctx.actor, item) || ctx.actor.userId === null)
    throw refusal(caseId, input.itemId, 'mark');
  if (await findMarkOfItem(ctx.db, tenantId, input.itemType, input.itemId))
    throw new AppError('conflict', 'Dieser Eintrag ist bereits als anvertraut gekennzeichnet.');
  const confidedTo = input.confidedTo ?? ctx.actor.userId;
  if (confidedTo !== ctx.actor.userId) await requireCaseReader(ctx, loaded, confidedTo, 'confidedTo');
  const id = await insertMark(ctx.db, {
    tenantId,
    caseId,
    itemType: input.itemType,
    itemId: input.itemId,
    confidedBy: ctx.actor.userId,
    confidedTo,
  });
  await ctx.audit({
    action: 'create',
    entityType: 'confided_mark',
    entityId: id,
    details: { caseId, itemType: input.itemType, itemId: input.itemId, confidedTo },
  });
  return { id };
}

async function requireManagedMark(ctx: Ctx, caseId: string, markId: string, purpose: string) {
  const loaded = await requireCase(ctx, caseId, 'read');
  const mark = await findMark(ctx.db, ctx.actor.tenantId, caseId, markId);
  if (!mark) throw AppError.notFound('Die Kennzeichnung');
  if (!mayManageConfided(ctx.actor, { confidedBy: mark.confided_by, confidedTo: mark.confided_to }))
    throw refusal(caseId, markId, purpose);
  return { loaded, mark, by: ctx.actor.userId as string };
}

/** Shares a confided item with a colleague who may open the case (deliberately, audited). */
export async function shareConfided(ctx: Ctx, caseId: string, markId: string, userId: string): Promise<void> {
  const { loaded, mark, by } = await requireManagedMark(ctx, caseId, markId, 'share');
  if (userId === mark.confided_to || userId === mark.confided_by)
    throw AppError.validation('userId', 'Diese Person sieht die Angabe bereits.');
  await requireCaseReader(ctx, loaded, userId, 'userId');
  if (await hasActiveShare(ctx.db, ctx.actor.tenantId, markId, userId))
    throw new AppError('conflict', 'Die Angabe ist mit dieser Person bereits geteilt.');
  await insertShare(ctx.db, ctx.actor.tenantId, markId, userId, by);
  await ctx.audit({
    action: 'create',
    entityType: 'confided_share',
    entityId: markId,
    details: { caseId, userId },
  });
}

/** Ends a share: from now on the colleague sees the placeholder. */
export async function revokeConfidedShare(
  ctx: Ctx,
  caseId: string,
  markId: string,
  userId: string,
): Promise<void> {
  await requireManagedMark(ctx, caseId, markId, 'revoke');
  const result = await revokeShares(ctx.db, ctx.actor.tenantId, markId, userId, ctx.actor.userId as string);
  if (result.numUpdatedRows === 0n) throw AppError.notFound('Die Freigabe');
  await ctx.audit({
    action: 'delete',
    entityType: 'confided_share',
    entityId: markId,
    details: { caseId, userId },
  });
}

/** Records the consent or legal exception under which the content may go into PDFs, exports and handovers. */
export async function recordConfidedRelease(
  ctx: Ctx,
  caseId: string,
  markId: string,
  input: ConfidedReleaseInput,
): Promise<void> {
  const { by } = await requireManagedMark(ctx, caseId, markId, 'release');
  await setRelease(ctx.db, ctx.actor.tenantId, markId, { basis: input.basis, note: input.note, by });
  await ctx.audit({
    action: 'update',
    entityType: 'confided_mark',
    entityId: markId,
    details: { caseId, release: input.basis },
  });
}

/**
 * Removes a mark (the item is read like any other from then on): only the confidant or the author who marked it,
 * audited with the item it was on.
 */
export async function unmarkConfided(ctx: Ctx, caseId: string, markId: string): Promise<void> {
  const { mark } = await requireManagedMark(ctx, caseId, markId, 'unmark');
  await deleteMark(ctx.db, ctx.actor.tenantId, markId);
  await ctx.audit({
    action: 'delete',
    entityType: 'confided_mark',
    entityId: markId,
    details: { caseId, itemType: mark.item_type, itemId: mark.item_id },
  });
}

/**
 * The edit rule of records edited in place (Wille und Ziele and its Handlungsziele, the result of an Auftrag, a
 * network entry) or continued from what the reader sees (a Hilfeplan's Fortschreibung), and of removing a resource or
 * a network entry: whoever sees the placeholder may not save, so the placeholder can never be written back over the
 * content. Refused and audited.
 */
export async function requireContentEditable(
  ctx: Ctx,
  caseId: string,
  itemType: ConfidedItemType,
  itemId: string,
): Promise<void> {
  const [mark] = await marksOf(ctx.db, ctx.actor.tenantId, { [itemType]: [itemId] });
  if (!mark) return;
  if (confidedContentShown(ctx.actor, subjectOf(mark), 'view')) return;
  throw new AppError(
    'forbidden',
    `${confidedItemTypes.labels[itemType]}: anvertraute Angabe (§ 65 SGB VIII). Ändern kann sie nur, wem sie anvertraut wurde oder wer sie sehen darf.`,
    {
      audit: {
        action: 'access_denied',
        entityType: 'confided_mark',
        entityId: mark.id,
        details: { caseId, purpose: 'edit' },
      },
    },
  );
}
