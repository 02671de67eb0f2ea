import { ageCohorts, labelled } from './catalogues.ts';
import { idSchema, lineSchema, nameSchema, optionalTextSchema, versionSchema } from './common.ts';
import { districtOutlinesSchema } from './controlling.ts';
import { dateSchema } from './dates.ts';
import { pagedQuerySchema, pageSchema } from './pagination.ts';
import { z } from './zod.ts';

/**
 * The Stadtteilatlas (docs/atlas.md): institutions and offers in the districts. No personal data of clients: an
 * entry names an institution, its public contact and the staff who know it; a case's use of it is only counted.
 */

export const atlasKinds = labelled({
  kita: 'Kita',
  schule: 'Schule',
  beratung: 'Beratungsstelle',
  jugend: 'Jugendfreizeit',
  familie: 'Familienzentrum / Haus der Familie',
  gesundheit: 'Gesundheit',
  verein: 'Verein / Initiative',
  sonstiges: 'Sonstiges',
});
export type AtlasKind = (typeof atlasKinds.values)[number];

/** An entry not checked for this many days is flagged ("seit über einem Jahr nicht geprüft"). */
export const ATLAS_STALE_DAYS = 365;

const coordinate = (min: number, max: number, what: string) =>
  z
    .number({ error: `Bitte ${what} als Zahl angeben.` })
    .min(min, { error: `${what} liegt zwischen ${min} und ${max}.` })
    .max(max, { error: `${what} liegt zwischen ${min} und ${max}.` });

/** WGS 84, longitude first as in GeoJSON. */
export const coordinatesSchema = z.object({
  lon: coordinate(-180, 180, 'Die Länge'),
  lat: coordinate(-90, 90, 'Die Breite'),
});
export type Coordinates = z.infer<typeof coordinatesSchema>;

export const atlasEntryInputSchema = z.object({
  name: nameSchema(200),
  kind: z.enum(atlasKinds.values, { error: 'Bitte eine Art wählen.' }),
  districtId: idSchema,
  address: nameSchema(300),
  /** Null for an offer without a place (e.g. a hotline); it is then not on the map. */
  coordinates: coordinatesSchema.nullable(),
  ageCohorts: z.array(z.enum(ageCohorts.values)).max(4),
  contact: optionalTextSchema(1000),
  openingHours: optionalTextSchema(1000),
  lowThreshold: z.boolean(),
  languages: z.array(lineSchema(60).min(1)).max(20),
  description: optionalTextSchema(2000),
  /** Staff who know the institution (ids of active staff of the Jugendamt). */
  staffIds: z.array(idSchema).max(30),
  lastCheckedOn: dateSchema,
});
export type AtlasEntryInput = z.infer<typeof atlasEntryInputSchema>;
export const atlasEntryUpdateSchema = atlasEntryInputSchema.extend({ version: versionSchema });
export type AtlasEntryUpdate = z.infer<typeof atlasEntryUpdateSchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const atlasFilterSchema = z.object({
  q: lineSchema(100).optional(),
  districtId: idSchema.optional(),
  kind: z.enum(atlasKinds.values).optional(),
  ageCohort: z.enum(ageCohorts.values).optional(),
  lowThreshold: booleanQuery.optional(),
  language: lineSchema(60).optional(),
  /** Only entries not checked for a year. */
  stale: booleanQuery.optional(),
});
export type AtlasFilter = z.infer<typeof atlasFilterSchema>;
export const atlasListQuerySchema = pagedQuerySchema(atlasFilterSchema);
export type AtlasListQuery = z.infer<typeof atlasListQuerySchema>;

export const atlasEntrySummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(atlasKinds.values),
  district: z.object({ id: idSchema, name: z.string() }),
  address: z.string(),
  coordinates: coordinatesSchema.nullable(),
  ageCohorts: z.array(z.enum(ageCohorts.values)),
  lowThreshold: z.boolean(),
  languages: z.array(z.string()),
  lastCheckedOn: dateSchema,
  stale: z.boolean(),
});
export type AtlasEntrySummary = z.infer<typeof atlasEntrySummarySchema>;
export const atlasPageSchema = pageSchema(atlasEntrySummarySchema);

export const atlasEntryDetailSchema = atlasEntrySummarySchema.extend({
  contact: z.string(),
  openingHours: z.string(),
  description: z.string(),
  staff: z.array(z.object({ id: idSchema, displayName: z.string() })),
  /** How many resources of cases point at the entry; which cases is never shown. */
  usedInCases: z.int(),
  version: versionSchema,
});
export type AtlasEntryDetail = z.infer<typeof atlasEntryDetailSchema>;

/** The map: the districts' outlines, the entries with a place, and the tile server if one is configured. */
export const atlasMapSchema = z.object({
  outlines: districtOutlinesSchema,
  /** Every district, also one without an outline (the list beside the map groups by them). */
  districts: z.array(z.object({ id: idSchema, name: z.string() })),
  entries: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      kind: z.enum(atlasKinds.values),
      districtId: idSchema,
      lon: z.number(),
      lat: z.number(),
    }),
  ),
  /** A raster tile URL template ({z}/{x}/{y}); null: the map shows outlines on a plain background. */
  tiles: z.string().nullable(),
});
export type AtlasMap = z.infer<typeof atlasMapSchema>;

/** GeoJSON import of district outlines: features matched to districts by `properties.code`. */
export const outlineImportSchema = z.object({
  type: z.literal('FeatureCollection', { error: 'Erwartet wird eine GeoJSON-FeatureCollection.' }),
  features: z
    .array(
      z.object({
        type: z.literal('Feature', { error: 'Erwartet wird ein GeoJSON-Feature.' }),
        properties: z.object({
          code: z.string().min(1, { error: 'Bitte den Kürzel des Stadtteils angeben.' }),
        }),
        geometry: z.object({
          type: z.enum(['Polygon', 'MultiPolygon'], { error: 'Nur Polygon und MultiPolygon.' }),
          coordinates: z.array(z.unknown()),
        }),
      }),
    )
    .min(1, { error: 'Die Datei enthält keinen Stadtteil.' })
    .max(500),
});
export type OutlineImport = z.infer<typeof outlineImportSchema>;

export const atlasCsvInputSchema = z.object({
  csv: z.string().min(1, { error: 'Die Datei ist leer.' }).max(2_000_000),
});
export const atlasCsvPreviewSchema = z.object({
  accepted: z.int(),
  /** The first accepted rows, as they would be saved. */
  sample: z.array(z.object({ line: z.int(), name: z.string(), district: z.string(), kind: z.string() })),
  /** Every rejected line with the column and the reason; the import saves nothing while there is one. */
  rejected: z.array(z.object({ line: z.int(), field: z.string(), message: z.string() })),
});
export type AtlasCsvPreview = z.infer<typeof atlasCsvPreviewSchema>;

/** The CSV columns, in this order (header row required; `;`, `,` or tab). */
export const atlasCsvColumns = [
  'Name',
  'Art',
  'Stadtteil',
  'Adresse',
  'Breite',
  'Länge',
  'Altersgruppen',
  'Kontakt',
  'Öffnungszeiten',
  'Niedrigschwellig',
  'Sprachen',
  'Zuletzt geprüft',
] as const;
