import { type AtlasKind, addDays, ageCohorts } from '@leuchtturm/shared';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { containsPoint, type Outline } from '../atlas/geo.ts';
import { districtOutlines, fieldStaff, linkResourcesToAtlas } from './queries/atlas.ts';
import { insertChunked } from './queries/insert.ts';
import { type Random, randomUuid } from './random.ts';

/**
 * The demo's Stadtteilatlas (docs/atlas.md): about 15 institutions and offers per district at `city` scale (360 in
 * all), each placed inside its district's outline, some known to staff, some unchecked for over a year; and a third
 * of the cases' "sozialräumlich" resources pointing at an entry of the case's district, so entries show a use count.
 */

const ENTRIES_PER_DISTRICT = 15;
type AgeCohort = (typeof ageCohorts.values)[number];

const kinds: readonly (readonly [AtlasKind, readonly string[], readonly AgeCohort[], number])[] = [
  ['kita', ['Kita Sonnenblume', 'Kita Regenbogen', 'Kita am Deich', 'Kinderhaus Möwe'], ['0-3', '3-10'], 4],
  ['schule', ['Grundschule', 'Oberschule', 'Förderzentrum'], ['3-10', '10-16'], 3],
  [
    'beratung',
    ['Erziehungsberatungsstelle', 'Schuldnerberatung', 'Suchtberatung'],
    ['0-3', '3-10', '10-16', '16+'],
    2,
  ],
  ['jugend', ['Jugendfreizeitheim', 'Jugendtreff', 'Mädchentreff'], ['10-16', '16+'], 2],
  ['familie', ['Haus der Familie', 'Familienzentrum', 'Mütterzentrum'], ['0-3', '3-10'], 2],
  ['gesundheit', ['Kinderarztpraxis', 'Hebammenpraxis', 'Gesundheitsamt Sprechstunde'], ['0-3'], 1],
  ['verein', ['Sportverein', 'Stadtteilmütter', 'Nachbarschaftsverein'], ['3-10', '10-16', '16+'], 2],
  ['sonstiges', ['Stadtbibliothek', 'Jobcenter Familienbüro'], ['16+'], 1],
];
const languages = ['Türkisch', 'Arabisch', 'Russisch', 'Polnisch', 'Englisch', 'Kurdisch', 'Farsi'];
const hours = ['Mo-Fr 8-16 Uhr', 'Mo-Do 14-20 Uhr', 'Di und Do 9-12 Uhr', 'nach Vereinbarung'];

function bounds(outline: Outline) {
  const points = (outline.type === 'Polygon' ? outline.coordinates : outline.coordinates.flat()).flat();
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return { w: Math.min(...lons), e: Math.max(...lons), s: Math.min(...lats), n: Math.max(...lats) };
}

/** A point inside the outline: drawn in its bounding box until one falls inside. */
function pointIn(rnd: Random, outline: Outline): [number, number] | null {
  const b = bounds(outline);
  for (let i = 0; i < 50; i++) {
    const lon = Math.round((b.w + rnd.next() * (b.e - b.w)) * 1e6) / 1e6;
    const lat = Math.round((b.s + rnd.next() * (b.n - b.s)) * 1e6) / 1e6;
    if (containsPoint(outline, lon, lat)) return [lon, lat];
  }
  return null;
}

export async function insertDemoAtlas(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  factor: number,
  counts: Record<string, number>,
  today: string,
) {
  const districts = await districtOutlines(db, tenantId);
  const staff = await fieldStaff(db, tenantId);
  const perDistrict = Math.max(3, Math.round(ENTRIES_PER_DISTRICT * factor));
  const entries: Insertable<DB['atlas_entry']>[] = [];
  const known: Insertable<DB['atlas_entry_staff']>[] = [];
  for (const district of districts) {
    const outline = district.outline as Outline | null;
    for (let i = 0; i < perDistrict; i++) {
      const [kind, names, cohorts] = rnd.weighted(kinds.map((k) => [k, k[3]] as const));
      const at = outline ? pointIn(rnd, outline) : null;
      const id = randomUuid(rnd);
      const spoken = rnd.chance(0.5) ? [rnd.pick(languages)] : [];
      entries.push({
        tenant_id: tenantId,
        id,
        name: `${rnd.pick(names)} ${district.name}${i >= names.length ? ` ${i + 1}` : ''}`,
        kind,
        district_id: district.id,
        address: `${district.name}, Hausnummer ${rnd.int(1, 120)}`,
        lon: at?.[0] ?? null,
        lat: at?.[1] ?? null,
        age_cohorts: JSON.stringify(ageCohorts.values.filter((c) => cohorts.includes(c))),
        contact: `Tel. 0421 ${rnd.int(100000, 999999)}`,
        opening_hours: rnd.pick(hours),
        low_threshold: kind === 'familie' || kind === 'jugend' || rnd.chance(0.2),
        languages: JSON.stringify(['Deutsch', ...spoken]),
        description: '',
        // One in eight not checked for over a year: the coordinator's list to work through.
        last_checked_on: addDays(today, rnd.chance(0.125) ? -rnd.int(370, 900) : -rnd.int(5, 330)),
      });
      if (staff.length > 0 && rnd.chance(0.6))
        for (const user of new Set([rnd.pick(staff).id, rnd.pick(staff).id]))
          known.push({ tenant_id: tenantId, entry_id: id, user_id: user });
    }
  }
  await insertChunked(db, 'atlas_entry', entries, []);
  await insertChunked(db, 'atlas_entry_staff', known, []);
  await linkResourcesToAtlas(db, tenantId);
  counts.atlas_entry = entries.length;
}
