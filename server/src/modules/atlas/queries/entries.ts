import type { AtlasEntryInput, AtlasFilter } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { likePattern } from '../../../shared/like.ts';

/** SQL of the Stadtteilatlas. */

export interface NameKey {
  name: string;
  id: string;
}

const summaryColumns = [
  'e.id',
  'e.name',
  'e.kind',
  'e.district_id',
  'd.name as district_name',
  'e.address',
  'e.lon',
  'e.lat',
  'e.age_cohorts',
  'e.low_threshold',
  'e.languages',
  'e.last_checked_on',
] as const;

/** Entries by name, filtered; `staleBefore` is the day before which a check counts as stale. */
export function listEntries(
  db: Kysely<DB>,
  tenantId: string,
  filter: AtlasFilter,
  staleBefore: string,
  page: { after: NameKey | undefined; limit: number },
) {
  let query = db
    .selectFrom('atlas_entry as e')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'e.tenant_id').onRef('d.id', '=', 'e.district_id'),
    )
    .select(summaryColumns)
    .where('e.tenant_id', '=', tenantId);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['e.name']), 'like', pattern),
        eb(eb.fn('lower', ['e.address']), 'like', pattern),
        eb(eb.fn('lower', ['e.description']), 'like', pattern),
      ]),
    );
  }
  if (filter.districtId) query = query.where('e.district_id', '=', filter.districtId);
  if (filter.kind) query = query.where('e.kind', '=', filter.kind);
  if (filter.ageCohort)
    query = query.where(sql<boolean>`e.age_cohorts @> jsonb_build_array(${filter.ageCohort}::text)`);
  if (filter.lowThreshold !== undefined) query = query.where('e.low_threshold', '=', filter.lowThreshold);
  if (filter.language)
    query = query.where(
      sql<boolean>`exists (select 1 from jsonb_array_elements_text(e.languages) l where lower(l) = ${filter.language.toLowerCase()})`,
    );
  if (filter.stale) query = query.where('e.last_checked_on', '<', staleBefore);
  if (page.after) {
    const after = page.after;
    query = query.where((eb) =>
      eb.or([
        eb('e.name', '>', after.name),
        eb.and([eb('e.name', '=', after.name), eb('e.id', '>', after.id)]),
      ]),
    );
  }
  return query
    .orderBy('e.name')
    .orderBy('e.id')
    .limit(page.limit + 1)
    .execute();
}
export type EntryListRow = Awaited<ReturnType<typeof listEntries>>[number];

export function loadEntry(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('atlas_entry as e')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'e.tenant_id').onRef('d.id', '=', 'e.district_id'),
    )
    .select([...summaryColumns, 'e.contact', 'e.opening_hours', 'e.description', 'e.version'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.id', '=', id)
    .executeTakeFirst();
}
export type EntryRow = NonNullable<Awaited<ReturnType<typeof loadEntry>>>;

export function entryStaff(db: Kysely<DB>, tenantId: string, entryId: string) {
  return db
    .selectFrom('atlas_entry_staff as s')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'),
    )
    .select(['u.id', 'u.display_name'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.entry_id', '=', entryId)
    .orderBy('u.display_name')
    .execute();
}

/** How many resources of cases point at the entry: a number, never the cases. */
export async function usageCount(db: Kysely<DB>, tenantId: string, entryId: string): Promise<number> {
  const row = await db
    .selectFrom('resource')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('directory_entry_id', '=', entryId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function entryExists(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('atlas_entry')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

const columns = (tenantId: string, input: AtlasEntryInput) => ({
  tenant_id: tenantId,
  name: input.name,
  kind: input.kind,
  district_id: input.districtId,
  address: input.address,
  lon: input.coordinates?.lon ?? null,
  lat: input.coordinates?.lat ?? null,
  age_cohorts: JSON.stringify(input.ageCohorts),
  contact: input.contact,
  opening_hours: input.openingHours,
  low_threshold: input.lowThreshold,
  languages: JSON.stringify(input.languages),
  description: input.description,
  last_checked_on: input.lastCheckedOn,
});

export async function insertEntries(db: Kysely<DB>, tenantId: string, inputs: readonly AtlasEntryInput[]) {
  if (inputs.length === 0) return [];
  const ids: string[] = [];
  for (let i = 0; i < inputs.length; i += 500) {
    const rows = await db
      .insertInto('atlas_entry')
      .values(inputs.slice(i, i + 500).map((input) => columns(tenantId, input)))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export function updateEntry(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  input: AtlasEntryInput,
  version: number,
) {
  const { tenant_id: _, ...values } = columns(tenantId, input);
  return db
    .updateTable('atlas_entry')
    .set({ ...values, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function setEntryStaff(
  db: Kysely<DB>,
  tenantId: string,
  entryId: string,
  userIds: readonly string[],
) {
  await db
    .deleteFrom('atlas_entry_staff')
    .where('tenant_id', '=', tenantId)
    .where('entry_id', '=', entryId)
    .execute();
  if (userIds.length > 0)
    await db
      .insertInto('atlas_entry_staff')
      .values(userIds.map((user_id) => ({ tenant_id: tenantId, entry_id: entryId, user_id })))
      .execute();
}

/** Of `ids`, those naming active staff of the tenant. */
export async function activeStaffIds(db: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function districtsWithOutlines(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('district')
    .select(['id', 'code', 'name', 'outline'])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
}

export function mapEntries(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('atlas_entry')
    .select(['id', 'name', 'kind', 'district_id', 'lon', 'lat'])
    .where('tenant_id', '=', tenantId)
    .where('lon', 'is not', null)
    .orderBy('name')
    .execute();
}

export async function setOutline(db: Kysely<DB>, tenantId: string, districtId: string, outline: unknown) {
  await db
    .updateTable('district')
    .set({ outline: JSON.stringify(outline), version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', districtId)
    .execute();
}
