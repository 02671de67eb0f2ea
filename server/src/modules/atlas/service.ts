import {
  ATLAS_STALE_DAYS,
  type AtlasEntryDetail,
  type AtlasEntryInput,
  type AtlasEntrySummary,
  type AtlasEntryUpdate,
  type AtlasListQuery,
  type AtlasMap,
  addDays,
  type Page,
  todayIso,
  z,
} from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { containsPoint, type Outline, validOutline } from './geo.ts';
import { presentDetail, presentSummary } from './presenter.ts';
import {
  activeStaffIds,
  districtsWithOutlines,
  entryStaff,
  insertEntries,
  listEntries,
  loadEntry,
  mapEntries,
  setEntryStaff,
  updateEntry,
  usageCount,
} from './queries/entries.ts';

/**
 * The Stadtteilatlas (docs/atlas.md). Entries hold no personal data of clients: reading is not audited, every change
 * is. Which cases use an entry is never shown, only how many resources point at it.
 */

/** Entries last checked before this day are stale (unchecked for a year). */
export const staleBefore = (today = todayIso()) => addDays(today, -ATLAS_STALE_DAYS);

const nameKeySchema = z.object({ name: z.string(), id: z.uuid() });

export async function atlasEntries(ctx: Ctx, query: AtlasListQuery): Promise<Page<AtlasEntrySummary>> {
  const { cursor, limit, ...filter } = query;
  const before = staleBefore();
  const rows = await listEntries(ctx.db, ctx.actor.tenantId, filter, before, {
    after: decodeCursor(cursor, nameKeySchema),
    limit,
  });
  return toPage(
    rows,
    limit,
    (r) => ({ name: r.name, id: r.id }),
    (r) => presentSummary(r, before),
  );
}

export async function requireEntry(ctx: Ctx, id: string) {
  const row = await loadEntry(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw AppError.notFound('Der Eintrag des Stadtteilatlas');
  return row;
}

export async function atlasEntry(ctx: Ctx, id: string): Promise<AtlasEntryDetail> {
  const row = await requireEntry(ctx, id);
  const [staff, used] = await Promise.all([
    entryStaff(ctx.db, ctx.actor.tenantId, id),
    usageCount(ctx.db, ctx.actor.tenantId, id),
  ]);
  return presentDetail(row, staleBefore(), staff, used);
}

export type DistrictShape = { id: string; code: string; name: string; outline: Outline | null };

export async function districtShapes(db: Kysely<DB>, tenantId: string): Promise<DistrictShape[]> {
  return (await districtsWithOutlines(db, tenantId)).map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    outline: d.outline ? validOutline(d.outline as { type: string; coordinates: unknown }) : null,
  }));
}

/**
 * The district must exist, and a place must lie inside a district's outline: the chosen one. Returns the field and
 * reason of the first problem, or null; `prefix` names the field in a list (the CSV import).
 */
export function placementProblem(
  districts: readonly DistrictShape[],
  input: Pick<AtlasEntryInput, 'districtId' | 'coordinates'>,
): { field: string; message: string } | null {
  const district = districts.find((d) => d.id === input.districtId);
  if (!district) return { field: 'districtId', message: 'Bitte einen Stadtteil aus der Liste wählen.' };
  if (!input.coordinates) return null;
  const { lon, lat } = input.coordinates;
  const containing = districts.find((d) => d.outline && containsPoint(d.outline, lon, lat));
  if (!containing)
    return {
      field: 'coordinates',
      message:
        'Die Koordinaten liegen in keinem Stadtteil. Bitte Breite und Länge prüfen (z. B. 53,08 und 8,80).',
    };
  if (containing.id !== district.id)
    return { field: 'districtId', message: `Die Koordinaten liegen im Stadtteil ${containing.name}.` };
  return null;
}

async function checkInput(ctx: Ctx, input: AtlasEntryInput) {
  const problem = placementProblem(await districtShapes(ctx.db, ctx.actor.tenantId), input);
  if (problem) throw AppError.validation(problem.field, problem.message);
  const staffIds = [...new Set(input.staffIds)];
  if ((await activeStaffIds(ctx.db, ctx.actor.tenantId, staffIds)).size !== staffIds.length)
    throw AppError.validation('staffIds', 'Bitte Mitarbeitende aus der Liste wählen.');
  return staffIds;
}

export async function createEntry(ctx: Ctx, input: AtlasEntryInput): Promise<{ id: string }> {
  const staffIds = await checkInput(ctx, input);
  const [id] = await insertEntries(ctx.db, ctx.actor.tenantId, [input]);
  if (!id) throw new Error('insert returned no id');
  await setEntryStaff(ctx.db, ctx.actor.tenantId, id, staffIds);
  await ctx.audit({ action: 'create', entityType: 'atlas_entry', entityId: id });
  return { id };
}

export async function changeEntry(ctx: Ctx, id: string, update: AtlasEntryUpdate): Promise<void> {
  await requireEntry(ctx, id);
  const { version, ...input } = update;
  const staffIds = await checkInput(ctx, input);
  await expectOneUpdated(
    await updateEntry(ctx.db, ctx.actor.tenantId, id, input, version),
    () => loadEntry(ctx.db, ctx.actor.tenantId, id),
    'Der Eintrag des Stadtteilatlas',
  );
  await setEntryStaff(ctx.db, ctx.actor.tenantId, id, staffIds);
  await ctx.audit({ action: 'update', entityType: 'atlas_entry', entityId: id });
}

export async function atlasMap(ctx: Ctx, tiles: string | undefined): Promise<AtlasMap> {
  const [districts, entries] = await Promise.all([
    districtShapes(ctx.db, ctx.actor.tenantId),
    mapEntries(ctx.db, ctx.actor.tenantId),
  ]);
  return {
    outlines: {
      type: 'FeatureCollection',
      features: districts.flatMap((d) =>
        d.outline
          ? [{ type: 'Feature' as const, properties: { code: d.code, name: d.name }, geometry: d.outline }]
          : [],
      ),
    },
    districts: districts.map((d) => ({ id: d.id, name: d.name })),
    entries: entries.map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.kind as AtlasMap['entries'][number]['kind'],
      districtId: e.district_id,
      lon: e.lon ?? 0,
      lat: e.lat ?? 0,
    })),
    tiles: tiles ?? null,
  };
}
