import type {
  DistrictTalk,
  DistrictWalk,
  districtTalkInputSchema,
  districtWalkInputSchema,
  RecordNeedInput,
  z,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { needFromRecord, requireOwnTeam, requireTeamOf } from './access.ts';
import { districtNames, needsOf } from './queries/common.ts';
import {
  insertTalk,
  insertWalk,
  listTalks,
  listWalks,
  loadTalk,
  loadWalk,
  type TalkRow,
  updateTalk,
  updateWalk,
  type WalkRow,
} from './queries/records.ts';
import { requireDistrict } from './visits.ts';

/**
 * Stadtteilbegehungen, the ten-minute Erkundung after a counselling talk and case-independent talks
 * (docs/district-visits-and-networks.md). They hold observations and topics, never a client's name.
 */

type WalkInput = z.output<typeof districtWalkInputSchema>;
type TalkInput = z.output<typeof districtTalkInputSchema>;
type Needs = Awaited<ReturnType<typeof needsOf>>;

async function requireWalk(ctx: Ctx, id: string): Promise<WalkRow> {
  const walk = await loadWalk(ctx.db, ctx.actor.tenantId, id);
  if (!walk) throw AppError.notFound('Die Begehung');
  requireTeamOf(ctx, 'district_walk', walk);
  return walk;
}

async function requireTalk(ctx: Ctx, id: string): Promise<TalkRow> {
  const talk = await loadTalk(ctx.db, ctx.actor.tenantId, id);
  if (!talk) throw AppError.notFound('Das Gespräch');
  requireTeamOf(ctx, 'district_talk', talk);
  return talk;
}

/** What a walk's or talk's presenter needs beside its rows: the district names and the needs each record named. */
async function namesAndNeeds(
  ctx: Ctx,
  type: 'walk' | 'talk',
  rows: readonly { id: string; district_id: string }[],
): Promise<[Map<string, string>, Needs]> {
  const tenantId = ctx.actor.tenantId;
  return Promise.all([
    districtNames(
      ctx.db,
      tenantId,
      rows.map((r) => r.district_id),
    ),
    needsOf(
      ctx.db,
      tenantId,
      type,
      rows.map((r) => r.id),
    ),
  ]);
}

const presentWalk = (w: WalkRow, districts: Map<string, string>, needs: Needs): DistrictWalk => ({
  id: w.id,
  version: w.version,
  district: { id: w.district_id, name: districts.get(w.district_id) ?? '' },
  walkedOn: w.walked_on,
  participants: w.participants,
  observations: w.observations,
  needs: (needs.get(w.id) ?? []) as DistrictWalk['needs'],
});

const presentTalk = (t: TalkRow, districts: Map<string, string>, needs: Needs): DistrictTalk => ({
  id: t.id,
  version: t.version,
  kind: t.kind as DistrictTalk['kind'],
  district: { id: t.district_id, name: districts.get(t.district_id) ?? '' },
  heldOn: t.held_on,
  topic: t.topic,
  notes: t.notes,
  needs: (needs.get(t.id) ?? []) as DistrictTalk['needs'],
});

export async function createWalk(ctx: Ctx, input: WalkInput): Promise<{ id: string }> {
  const owner = requireOwnTeam(ctx, 'district_walk');
  await requireDistrict(ctx, input.districtId);
  const id = await insertWalk(ctx.db, ctx.actor.tenantId, owner, input);
  await ctx.audit({ action: 'create', entityType: 'district_walk', entityId: id });
  return { id };
}

export async function changeWalk(ctx: Ctx, id: string, input: WalkInput & { version: number }) {
  await requireWalk(ctx, id);
  await requireDistrict(ctx, input.districtId);
  const result = await updateWalk(ctx.db, ctx.actor.tenantId, id, input.version, input);
  await expectOneUpdated(result, async () => true, 'Die Begehung');
  await ctx.audit({ action: 'update', entityType: 'district_walk', entityId: id });
}

export async function teamWalks(ctx: Ctx): Promise<DistrictWalk[]> {
  const { teamId } = requireOwnTeam(ctx, 'district_walk');
  const rows = await listWalks(ctx.db, ctx.actor.tenantId, teamId);
  const [districts, needs] = await namesAndNeeds(ctx, 'walk', rows);
  return rows.map((r) => presentWalk(r, districts, needs));
}

export async function walkDetail(ctx: Ctx, id: string): Promise<DistrictWalk> {
  const w = await requireWalk(ctx, id);
  const [districts, needs] = await namesAndNeeds(ctx, 'walk', [w]);
  return presentWalk(w, districts, needs);
}

export async function needFromWalk(ctx: Ctx, id: string, input: RecordNeedInput) {
  const w = await requireWalk(ctx, id);
  const record = { type: 'walk' as const, id, districtId: w.district_id, ageCohort: null, on: w.walked_on };
  // A Begehung explores the district: its needs count as Sozialraumerkundung (docs/decisions.md).
  return needFromRecord(ctx, record, 'erkundung', input);
}

export async function createTalk(ctx: Ctx, input: TalkInput): Promise<{ id: string }> {
  const owner = requireOwnTeam(ctx, 'district_talk');
  await requireDistrict(ctx, input.districtId);
  const id = await insertTalk(ctx.db, ctx.actor.tenantId, owner, input);
  await ctx.audit({ action: 'create', entityType: 'district_talk', entityId: id });
  return { id };
}

export async function changeTalk(ctx: Ctx, id: string, input: TalkInput & { version: number }) {
  await requireTalk(ctx, id);
  await requireDistrict(ctx, input.districtId);
  const result = await updateTalk(ctx.db, ctx.actor.tenantId, id, input.version, input);
  await expectOneUpdated(result, async () => true, 'Das Gespräch');
  await ctx.audit({ action: 'update', entityType: 'district_talk', entityId: id });
}

export async function teamTalks(ctx: Ctx): Promise<DistrictTalk[]> {
  const { teamId } = requireOwnTeam(ctx, 'district_talk');
  const rows = await listTalks(ctx.db, ctx.actor.tenantId, teamId);
  const [districts, needs] = await namesAndNeeds(ctx, 'talk', rows);
  return rows.map((r) => presentTalk(r, districts, needs));
}

export async function talkDetail(ctx: Ctx, id: string): Promise<DistrictTalk> {
  const t = await requireTalk(ctx, id);
  const [districts, needs] = await namesAndNeeds(ctx, 'talk', [t]);
  return presentTalk(t, districts, needs);
}

/** A need from an Erkundung has the source "erkundung", one from a case-independent talk "gespraech". */
export async function needFromTalk(ctx: Ctx, id: string, input: RecordNeedInput) {
  const t = await requireTalk(ctx, id);
  const record = { type: 'talk' as const, id, districtId: t.district_id, ageCohort: null, on: t.held_on };
  return needFromRecord(ctx, record, t.kind === 'erkundung' ? 'erkundung' : 'gespraech', input);
}
