import { CONFIDED_PLACEHOLDER, type ConfidedItemType, type ContentUse } from '@leuchtturm/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Ctx } from '../../../shared/context.ts';

/**
 * § 65 SGB VIII in the queries (docs/data-protection.md). Every loader of notes, documents and the file's content
 * takes a `ContentViewer`: who reads, and for what. There is no default: a loader without one does not type-check,
 * so a new consumer (a PDF, an export, a handover package, the Auskunft) cannot forget the rule. The SQL here is the
 * list form of `confidedContentShown` in access/policy.ts (the same cases in confided.int.test.ts and confidedPolicy.test.ts).
 */
export interface ContentViewer {
  userId: string | null;
  use: ContentUse;
}

export function viewerOf(ctx: Ctx, use: ContentUse): ContentViewer {
  return { userId: ctx.actor.userId, use };
}

/**
 * Whether the item's content is shown to the viewer: it is not confided, or the viewer is its confidant, its author
 * or someone it is shared with (a share not revoked), and for anything but the screen a release is recorded.
 */
export function confidedShownSql(
  itemType: ConfidedItemType,
  tenantColumn: string,
  idColumn: string,
  viewer: ContentViewer,
): RawBuilder<boolean> {
  return confidedShownOf(itemType, sql.ref(tenantColumn), sql.ref(idColumn), viewer);
}

/** The same for an item whose id is an expression (a Hilfeplan's jsonb copy of a goal: `(g.value->>'id')::uuid`). */
export function confidedShownOf(
  itemType: ConfidedItemType,
  tenant: RawBuilder<unknown>,
  itemId: RawBuilder<unknown>,
  viewer: ContentViewer,
): RawBuilder<boolean> {
  const marked = sql`select 1 from confided_mark cm
    where cm.tenant_id = ${tenant} and cm.item_type = ${itemType} and cm.item_id = ${itemId}`;
  if (viewer.userId === null) return sql<boolean>`not exists (${marked})`;
  const released = viewer.use === 'view' ? sql`true` : sql`cm.release_basis is not null`;
  return sql<boolean>`not exists (${marked} and not (${released} and (
      cm.confided_to = ${viewer.userId} or cm.confided_by = ${viewer.userId}
      or exists (select 1 from confided_share cs where cs.tenant_id = cm.tenant_id and cs.mark_id = cm.id
        and cs.user_id = ${viewer.userId} and cs.revoked_at is null))))`;
}

/** The column's value when shown, the placeholder otherwise. */
export function shownOr(shown: RawBuilder<boolean>, column: string): RawBuilder<string> {
  return sql<string>`case when ${shown} then ${sql.ref(column)} else ${CONFIDED_PLACEHOLDER} end`;
}

/** The same for a column that may be empty: an empty field stays empty (no placeholder where nothing was written). */
export function shownOrNull(shown: RawBuilder<boolean>, column: string): RawBuilder<string | null> {
  return sql<
    string | null
  >`case when ${shown} or ${sql.ref(column)} is null then ${sql.ref(column)} else ${CONFIDED_PLACEHOLDER} end`;
}
