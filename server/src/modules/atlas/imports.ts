import {
  type AtlasCsvPreview,
  type AtlasEntryInput,
  ageCohorts,
  atlasCsvColumns,
  atlasEntryInputSchema,
  atlasKinds,
  type OutlineImport,
  parseCsv,
  parseDateDe,
  todayIso,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { validOutline } from './geo.ts';
import { insertEntries, setOutline } from './queries/entries.ts';
import { type DistrictShape, districtShapes, placementProblem } from './service.ts';

/**
 * A city loads its own district outlines (GeoJSON) and institutions (CSV). Both are all or nothing: one bad feature
 * or line and nothing is written; the CSV preview lists every rejected line first.
 */

const MAX_ROWS = 5000;

export async function importOutlines(ctx: Ctx, input: OutlineImport): Promise<{ districts: number }> {
  const districts = await districtShapes(ctx.db, ctx.actor.tenantId);
  const byCode = new Map(districts.map((d) => [d.code.toLowerCase(), d]));
  const seen = new Set<string>();
  const updates: { districtId: string; outline: unknown }[] = [];
  for (const [i, feature] of input.features.entries()) {
    const code = feature.properties.code.trim().toLowerCase();
    const district = byCode.get(code);
    if (!district)
      throw AppError.validation(
        `features.${i}.properties.code`,
        `Keinen Stadtteil mit dem Kürzel „${feature.properties.code}“ gefunden.`,
      );
    if (seen.has(code))
      throw AppError.validation(`features.${i}.properties.code`, 'Der Stadtteil steht zweimal in der Datei.');
    seen.add(code);
    const outline = validOutline(feature.geometry);
    if (!outline)
      throw AppError.validation(
        `features.${i}.geometry`,
        'Kein gültiges Polygon: Ringe mit mindestens vier Punkten, geschlossen, Länge und Breite in Grad (WGS 84).',
      );
    updates.push({ districtId: district.id, outline });
  }
  for (const u of updates) await setOutline(ctx.db, ctx.actor.tenantId, u.districtId, u.outline);
  await ctx.audit({
    action: 'update',
    entityType: 'district_outline',
    details: { districts: updates.length },
  });
  return { districts: updates.length };
}

type Rejection = AtlasCsvPreview['rejected'][number];
type Accepted = { line: number; input: AtlasEntryInput; district: string };

const yes = new Set(['ja', 'j', 'x', 'true', '1', 'yes']);
const no = new Set(['nein', 'n', 'false', '0', 'no', '']);

function number(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

function findDistrict(districts: readonly DistrictShape[], text: string) {
  const t = text.trim().toLowerCase();
  return districts.find((d) => d.code.toLowerCase() === t || d.name.toLowerCase() === t);
}

function findKind(text: string) {
  const t = text.trim().toLowerCase();
  return atlasKinds.values.find((k) => k === t || atlasKinds.labels[k].toLowerCase() === t);
}

/** Every line checked: accepted inputs and every rejected line with its column and reason. */
export function checkCsv(text: string, districts: readonly DistrictShape[], today: string) {
  const rows = parseCsv(text);
  const rejected: Rejection[] = [];
  const accepted: Accepted[] = [];
  const header = rows[0];
  if (!header) return { accepted, rejected: [{ line: 1, field: 'Name', message: 'Die Datei ist leer.' }] };
  const index = new Map(header.cells.map((c, i) => [c.trim().toLowerCase(), i]));
  const missing = atlasCsvColumns.filter((c) => !index.has(c.toLowerCase()));
  if (missing.length > 0)
    return {
      accepted,
      rejected: missing.map((c) => ({ line: header.line, field: c, message: `Die Spalte „${c}“ fehlt.` })),
    };
  if (rows.length - 1 > MAX_ROWS)
    return {
      accepted,
      rejected: [{ line: 1, field: 'Name', message: `Höchstens ${MAX_ROWS} Zeilen je Datei.` }],
    };
  for (const row of rows.slice(1)) {
    const cell = (c: (typeof atlasCsvColumns)[number]) =>
      row.cells[index.get(c.toLowerCase()) ?? -1]?.trim() ?? '';
    const reject = (field: string, message: string) => rejected.push({ line: row.line, field, message });
    const district = findDistrict(districts, cell('Stadtteil'));
    if (!district) {
      reject('Stadtteil', `Keinen Stadtteil „${cell('Stadtteil')}“ gefunden (Kürzel oder Name).`);
      continue;
    }
    const kind = findKind(cell('Art'));
    if (!kind) {
      reject('Art', `Unbekannte Art „${cell('Art')}“. Erlaubt: ${atlasKinds.values.join(', ')}.`);
      continue;
    }
    const [lat, lon] = [number(cell('Breite')), number(cell('Länge'))];
    const noPlace = cell('Breite') === '' && cell('Länge') === '';
    if (!noPlace && (lat === null || lon === null)) {
      reject(
        lat === null ? 'Breite' : 'Länge',
        'Bitte eine Zahl in Grad angeben (z. B. 53,08) oder beide leer lassen.',
      );
      continue;
    }
    const cohorts = cell('Altersgruppen')
      .split(/[|,;/]/)
      .map((c) => c.trim())
      .filter(Boolean);
    const unknownCohort = cohorts.find((c) => !(ageCohorts.values as readonly string[]).includes(c));
    if (unknownCohort) {
      reject(
        'Altersgruppen',
        `Unbekannte Altersgruppe „${unknownCohort}“. Erlaubt: ${ageCohorts.values.join(', ')}.`,
      );
      continue;
    }
    const low = cell('Niedrigschwellig').toLowerCase();
    if (!yes.has(low) && !no.has(low)) {
      reject('Niedrigschwellig', 'Bitte „ja“ oder „nein“ angeben.');
      continue;
    }
    const checked = cell('Zuletzt geprüft') === '' ? today : parseDateDe(cell('Zuletzt geprüft'));
    if (!checked) {
      reject('Zuletzt geprüft', 'Bitte ein Datum angeben (TT.MM.JJJJ).');
      continue;
    }
    const parsed = atlasEntryInputSchema.safeParse({
      name: cell('Name'),
      kind,
      districtId: district.id,
      address: cell('Adresse'),
      coordinates: noPlace ? null : { lon, lat },
      ageCohorts: [...new Set(cohorts)],
      contact: cell('Kontakt'),
      openingHours: cell('Öffnungszeiten'),
      lowThreshold: yes.has(low),
      languages: cell('Sprachen')
        .split(/[|,;/]/)
        .map((l) => l.trim())
        .filter(Boolean),
      description: '',
      staffIds: [],
      lastCheckedOn: checked,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      reject(columnOf(String(issue?.path[0] ?? 'name')), issue?.message ?? 'Ungültiger Wert.');
      continue;
    }
    const problem = placementProblem(districts, parsed.data);
    if (problem) {
      reject(problem.field === 'coordinates' ? 'Breite' : 'Stadtteil', problem.message);
      continue;
    }
    accepted.push({ line: row.line, input: parsed.data, district: district.name });
  }
  if (rows.length === 1)
    rejected.push({ line: 2, field: 'Name', message: 'Die Datei enthält keine Einrichtung.' });
  return { accepted, rejected };
}

const fieldColumns: Record<string, string> = {
  name: 'Name',
  address: 'Adresse',
  contact: 'Kontakt',
  openingHours: 'Öffnungszeiten',
  languages: 'Sprachen',
  coordinates: 'Breite',
};
const columnOf = (field: string) => fieldColumns[field] ?? field;

export async function previewCsv(ctx: Ctx, text: string): Promise<AtlasCsvPreview> {
  const { accepted, rejected } = checkCsv(text, await districtShapes(ctx.db, ctx.actor.tenantId), todayIso());
  return {
    accepted: accepted.length,
    sample: accepted.slice(0, 10).map((a) => ({
      line: a.line,
      name: a.input.name,
      district: a.district,
      kind: atlasKinds.labels[a.input.kind],
    })),
    rejected,
  };
}

/** All or nothing: any rejected line is a 400 listing every one of them, and nothing is written. */
export async function importCsv(ctx: Ctx, text: string): Promise<{ imported: number }> {
  const { accepted, rejected } = checkCsv(text, await districtShapes(ctx.db, ctx.actor.tenantId), todayIso());
  if (rejected.length > 0)
    throw new AppError(
      'validation',
      `${rejected.length} Zeilen wurden abgelehnt; es wurde nichts gespeichert.`,
      {
        fieldErrors: rejected.map((r) => ({
          field: `csv.${r.line}.${r.field}`,
          message: `Zeile ${r.line}: ${r.message}`,
        })),
      },
    );
  await insertEntries(
    ctx.db,
    ctx.actor.tenantId,
    accepted.map((a) => a.input),
  );
  await ctx.audit({ action: 'create', entityType: 'atlas_entry', details: { imported: accepted.length } });
  return { imported: accepted.length };
}
