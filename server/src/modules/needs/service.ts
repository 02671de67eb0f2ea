import {
  dateSchema,
  idSchema,
  type Need,
  type NeedSource,
  type Page,
  type PageQuery,
  todayIso,
  z,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { presentNeed } from './presenter.ts';
import { addToMentions, findOpenNeed, insertMention, insertNeed, listNeeds } from './queries/list.ts';

/**
 * Needs (Bedarfe) of the districts. A need holds no personal data (district, age cohort, text, count), so reading
 * the list is not audited, as before this module existed; who may read it is the route's permission (need:read).
 * Changes are audited like any record.
 */

const cursorSchema = z.object({ mentions: z.int().min(0), createdOn: dateSchema, id: idSchema });

export async function districtNeeds(
  ctx: Ctx,
  query: { districtId?: string | undefined; ageCohort?: Need['ageCohort'] | undefined } & PageQuery,
): Promise<Page<Need>> {
  const after = decodeCursor(query.cursor, cursorSchema);
  const rows = await listNeeds(ctx.db, ctx.actor.tenantId, query, { after, limit: query.limit });
  return toPage(
    rows,
    query.limit,
    (r) => ({ mentions: r.mentions, createdOn: r.created_on, id: r.id }),
    presentNeed,
  );
}

/**
 * A need named in the district: the same need still open there (same age cohort, same text apart from case and
 * surrounding blanks) counts up instead of appearing twice; otherwise it is created. Each mention is kept with its
 * source and day. The caller has checked that
 * the actor may name it (e.g. the case's access check for a kollegiale Beratung).
 */
export async function mentionNeed(
  ctx: Ctx,
  need: {
    districtId: string;
    ageCohort: Need['ageCohort'];
    text: string;
    source: NeedSource;
    mentionedOn?: string;
  },
): Promise<string> {
  const tenantId = ctx.actor.tenantId;
  const mentionedOn = need.mentionedOn ?? todayIso();
  const existing = await findOpenNeed(ctx.db, tenantId, need);
  if (existing) {
    // A need merged into another counts there too.
    await addToMentions(ctx.db, tenantId, existing.id, 1);
    await insertMention(ctx.db, tenantId, { needId: existing.id, source: need.source, mentionedOn });
    await ctx.audit({
      action: 'update',
      entityType: 'need',
      entityId: existing.id,
      details: { fields: ['mentions'] },
    });
    return existing.id;
  }
  const id = await insertNeed(ctx.db, tenantId, { ...need, createdOn: todayIso() });
  await insertMention(ctx.db, tenantId, { needId: id, source: need.source, mentionedOn });
  await ctx.audit({ action: 'create', entityType: 'need', entityId: id });
  return id;
}
