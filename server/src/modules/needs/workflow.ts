import {
  type Need,
  type NeedDetail,
  type NeedInput,
  type NeedStatus,
  type NeedTrend,
  quartersBetween,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { presentNeedDetail } from './presenter.ts';
import { addToMentions, districtExists } from './queries/list.ts';
import {
  type LoadedNeed,
  loadNeed,
  mentionsBySource,
  mentionsPerQuarter,
  mergedNeeds,
  needText,
  projectsOfNeed,
  setMergedInto,
  setNeedStatus,
} from './queries/workflow.ts';
import { mentionNeed } from './service.ts';

/**
 * The needs workflow (docs/district-work.md): needs recorded from every source, merged and split, their status.
 * A need holds no personal data, so reading is not audited; changes are.
 */

async function requireNeed(ctx: Ctx, id: string, lock = false): Promise<LoadedNeed> {
  const need = await loadNeed(ctx.db, ctx.actor.tenantId, id, lock);
  if (!need) throw AppError.notFound('Bedarf');
  return need;
}

/** A need named in a Bedarfsrunde, an exploration, a talk, a visit or a network: counted up if already there. */
export async function recordNeed(ctx: Ctx, input: NeedInput): Promise<{ id: string }> {
  if (!(await districtExists(ctx.db, ctx.actor.tenantId, input.districtId)))
    throw AppError.validation('districtId', 'Diesen Stadtteil gibt es nicht.');
  return { id: await mentionNeed(ctx, input) };
}

export async function needDetail(ctx: Ctx, id: string): Promise<NeedDetail> {
  const tenantId = ctx.actor.tenantId;
  const need = await requireNeed(ctx, id);
  const [sources, merged, mergedInto, projects] = await Promise.all([
    mentionsBySource(ctx.db, tenantId, id),
    mergedNeeds(ctx.db, tenantId, id),
    need.merged_into_id ? needText(ctx.db, tenantId, need.merged_into_id) : undefined,
    projectsOfNeed(ctx.db, tenantId, id),
  ]);
  return presentNeedDetail(need, { sources, merged, mergedInto: mergedInto ?? null, projects });
}

/**
 * Merges need `sourceId` into need `targetId`: the target's count grows by the source's, the source's mentions
 * keep their need (so a split restores them) and the source leaves the list. Both must be of one district and age
 * cohort and neither already merged. Both rows are locked in id order, so that two merges at once cannot cross.
 */
export async function mergeNeed(ctx: Ctx, targetId: string, source: { needId: string; version: number }) {
  const tenantId = ctx.actor.tenantId;
  if (source.needId === targetId)
    throw AppError.validation('needId', 'Ein Bedarf kann nicht mit sich selbst zusammengeführt werden.');
  const [first, second] = [targetId, source.needId].sort();
  await requireNeed(ctx, first as string, true);
  await requireNeed(ctx, second as string, true);
  const target = await requireNeed(ctx, targetId);
  const merging = await requireNeed(ctx, source.needId);
  if (merging.version !== source.version) throw AppError.versionConflict();
  if (merging.merged_into_id !== null || target.merged_into_id !== null)
    throw AppError.validation('needId', 'Der Bedarf ist bereits mit einem anderen zusammengeführt.');
  if (merging.district_id !== target.district_id || merging.age_cohort !== target.age_cohort)
    throw AppError.validation(
      'needId',
      'Zusammenführen lassen sich nur Bedarfe desselben Stadtteils und derselben Altersgruppe.',
    );
  const result = await setMergedInto(ctx.db, tenantId, merging.id, source.version, target.id);
  await expectOneUpdated(result, async () => true, 'Bedarf');
  await addToMentions(ctx.db, tenantId, target.id, merging.mentions);
  await ctx.audit({
    action: 'merge',
    entityType: 'need',
    entityId: target.id,
    details: { mergedNeedId: merging.id, mentions: merging.mentions },
  });
}

/** Splits need `needId` off the need it was merged into: both counts are as before the merge. */
export async function splitNeed(ctx: Ctx, fromId: string, part: { needId: string; version: number }) {
  const tenantId = ctx.actor.tenantId;
  await requireNeed(ctx, fromId, true);
  const splitting = await requireNeed(ctx, part.needId, true);
  if (splitting.merged_into_id !== fromId)
    throw AppError.validation('needId', 'Dieser Bedarf ist nicht in den gewählten Bedarf zusammengeführt.');
  const result = await setMergedInto(ctx.db, tenantId, splitting.id, part.version, null);
  await expectOneUpdated(result, async () => true, 'Bedarf');
  await addToMentions(ctx.db, tenantId, fromId, -splitting.mentions);
  await ctx.audit({
    action: 'split',
    entityType: 'need',
    entityId: fromId,
    details: { splitNeedId: splitting.id, mentions: splitting.mentions },
  });
}

/** Sets a need offen or erledigt ("in Arbeit" is what linking it to a micro-project does). */
export async function changeNeedStatus(ctx: Ctx, id: string, input: { status: NeedStatus; version: number }) {
  const need = await requireNeed(ctx, id);
  if (need.merged_into_id !== null)
    throw AppError.validation('status', 'Der Bedarf ist zusammengeführt; ändern Sie den Status dort.');
  const result = await setNeedStatus(ctx.db, ctx.actor.tenantId, id, input.status, input.version);
  await expectOneUpdated(result, async () => true, 'Bedarf');
  await ctx.audit({ action: 'update', entityType: 'need', entityId: id, details: { fields: ['status'] } });
}

/** What a district and age cohort asks for most, quarter by quarter: the ten needs named most in the period. */
export async function needTrend(
  ctx: Ctx,
  query: {
    districtId?: string | undefined;
    ageCohort?: Need['ageCohort'] | undefined;
    from: string;
    to: string;
  },
): Promise<NeedTrend> {
  if (query.to < query.from) throw AppError.validation('to', 'Das Ende liegt vor dem Beginn.');
  const quarters = quartersBetween(query.from, query.to);
  if (quarters.length > 40) throw AppError.validation('from', 'Höchstens zehn Jahre auf einmal.');
  const rows = await mentionsPerQuarter(ctx.db, ctx.actor.tenantId, query);
  const byNeed = new Map<string, NeedTrend['needs'][number]>();
  for (const r of rows) {
    let need = byNeed.get(r.id);
    if (!need) {
      need = { id: r.id, text: r.text, district: r.district, total: 0, perQuarter: quarters.map(() => 0) };
      byNeed.set(r.id, need);
    }
    const i = quarters.indexOf(r.quarter);
    if (i >= 0) need.perQuarter[i] = r.mentions;
    need.total += r.mentions;
  }
  const needs = [...byNeed.values()]
    .sort((a, b) => b.total - a.total || a.text.localeCompare(b.text, 'de') || a.id.localeCompare(b.id))
    .slice(0, 10);
  return { quarters, needs };
}
