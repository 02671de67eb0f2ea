import { staffSplitSchema } from './controllingImports.ts';
import { z } from './zod.ts';

/**
 * Controlling (key figures, dashboards, imported aggregates): the questions and the answers of /controlling/*.
 * Every answer is counts, sums and ratios, never a person or a case. Money is an exact decimal string in euro
 * ("11690318.09"; format it from the string, never through a float); counts and ratios are numbers, already
 * rounded by the server; null means "not available".
 */

// ---------------------------------------------------------------------------------------------- questions

export const controllingYearSchema = z.coerce
  .number({ error: 'Bitte ein Jahr angeben.' })
  .int({ error: 'Bitte ein Jahr angeben.' })
  .min(1990, { error: 'Bitte ein Jahr ab 1990 angeben.' })
  .max(2100, { error: 'Bitte ein Jahr bis 2100 angeben.' });

/** `stadt`, the code or name of a Sozialzentrum, team or Stadtteil, or an imported external region. */
export const regionKeySchema = z
  .string()
  .trim()
  .min(1, { error: 'Bitte eine Region angeben.' })
  .max(100, { error: 'Höchstens 100 Zeichen.' });

/** The longest period a time series covers at once, in calendar years (both ends included). */
export const MAX_PERIOD_YEARS = 20;

/** At most MAX_PERIOD_YEARS whole years, "from" not after "to"; the error names the field "to". */
function withinPeriod<S extends z.ZodType<{ from: number; to: number }>>(schema: S): S {
  return schema
    .refine((p) => p.from <= p.to, { error: '„Bis“ liegt vor „Von“.', path: ['to'] })
    .refine((p) => p.to - p.from < MAX_PERIOD_YEARS, {
      error: `Höchstens ${MAX_PERIOD_YEARS} Jahre auf einmal.`,
      path: ['to'],
    });
}

const years = { from: controllingYearSchema, to: controllingYearSchema };
export const periodSchema = withinPeriod(z.object(years));

/** A region over a period: the dashboard, the publication CSV and the committee report ask the same. */
export const regionPeriodQuerySchema = withinPeriod(z.object({ region: regionKeySchema, ...years }));
export type RegionPeriodQuery = z.infer<typeof regionPeriodQuerySchema>;

/**
 * The committee report: a region over a period, and the baseline year its changes are measured against (by default
 * the first full year with data in the period that is not the ramp-up year; docs/domain.md, section 6).
 */
export const reportQuerySchema = withinPeriod(
  z.object({ region: regionKeySchema, ...years, baseline: controllingYearSchema.optional() }),
).refine((q) => q.baseline === undefined || q.baseline < q.to, {
  error: 'Das Basisjahr muss vor dem letzten Jahr des Zeitraums liegen.',
  path: ['baseline'],
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const yearQuerySchema = z.object({ year: controllingYearSchema });

export const kpisQuerySchema = z.object({
  region: regionKeySchema,
  year: controllingYearSchema,
  baseline: controllingYearSchema.optional(),
});
export type KpisQuery = z.infer<typeof kpisQuerySchema>;

export const rentabilitaetQuerySchema = z.object({
  site: regionKeySchema,
  reference: regionKeySchema,
  year: controllingYearSchema,
});

export const staffingQuerySchema = z.object({
  year: controllingYearSchema,
  totalSoll: z.coerce
    .number({ error: 'Bitte eine Zahl angeben.' })
    .min(0, { error: 'Bitte eine Zahl ab 0 angeben.' })
    .max(100_000, { error: 'Höchstens 100.000 VZE.' })
    .optional(),
});

/** The imported metrics and what they mean (the import tab explains them). */
export const aggregateMetrics = {
  values: [
    'costs_ambulant',
    'costs_stationaer',
    'costs_sonstige',
    'jew_u21',
    'jew_u18',
    'measures_active',
    'cases_beratung',
    'cases_kosten',
    'cases_neu',
    'extra_costs',
    'staff_soll_vze',
    'staff_ist_vze',
    'sgb2_quote',
    'measures_ended',
    'staff_soll_cm_vze',
    'staff_soll_rl_vze',
    'staff_ist_cm_vze',
    'staff_ist_rl_vze',
    'staff_soll_cm_heads',
    'staff_soll_rl_heads',
    'staff_ist_cm_heads',
    'staff_ist_rl_heads',
  ] as const,
  labels: {
    costs_ambulant: 'Ausgaben für ambulante Hilfen (einschließlich teilstationär) in Euro',
    costs_stationaer: 'Ausgaben für stationäre Hilfen in Euro',
    costs_sonstige: 'sonstige Ausgaben in Euro',
    jew_u21: 'Jugendeinwohner unter 21 Jahren',
    jew_u18: 'Jugendeinwohner unter 18 Jahren',
    measures_active: 'aktive Hilfen zur Erziehung am Stichtag',
    cases_beratung: 'Beratungsfälle am Stichtag',
    cases_kosten: 'Kostenfälle am Stichtag',
    cases_neu: 'Neufälle im Zeitraum',
    extra_costs: 'Mehrkosten eines Projekts (für die Rentabilitätsbetrachtung) in Euro',
    staff_soll_vze: 'Soll-Stellen in Vollzeitäquivalenten (VZE)',
    staff_ist_vze: 'Ist-Stellen in Vollzeitäquivalenten (VZE)',
    sgb2_quote: 'Anteil der Kinder in SGB-II-Haushalten in Prozent (für die Personalbemessung)',
    measures_ended: 'beendete Hilfen im Zeitraum',
    staff_soll_cm_vze: 'Soll Casemanagement in VZE',
    staff_soll_rl_vze: 'Soll Referatsleitung in VZE',
    staff_ist_cm_vze: 'Ist Casemanagement in VZE',
    staff_ist_rl_vze: 'Ist Referatsleitung in VZE',
    staff_soll_cm_heads: 'Soll Casemanagement in Köpfen',
    staff_soll_rl_heads: 'Soll Referatsleitung in Köpfen',
    staff_ist_cm_heads: 'Ist Casemanagement in Köpfen',
    staff_ist_rl_heads: 'Ist Referatsleitung in Köpfen',
  },
};
export type AggregateMetric = (typeof aggregateMetrics.values)[number];

export const aggregateImportQuerySchema = z.object({ dryRun: z.stringbool().default(false) });
export const aggregateImportSchema = z.object({
  csv: z.string().max(5_000_000, { error: 'Die Datei ist zu groß (höchstens 5 MB).' }),
});

/** The figure tables whose CSV or XLSX the web app writes; the download is recorded in the audit trail. */
export const figureTables = [
  'hilfedichte',
  'hilfen-ambulant-stationaer',
  'fallarten',
  'kosten',
  'stadtteile',
  'staedtevergleich',
  'personalbemessung',
  'rentabilitaet',
  'iko',
  'ziele',
] as const;
export type FigureTableKey = (typeof figureTables)[number];

export const tableExportSchema = z.object({
  table: z.enum(figureTables, { error: 'Unbekannte Tabelle.' }),
  format: z.enum(['csv', 'xlsx'], { error: 'Bitte CSV oder XLSX angeben.' }),
  region: regionKeySchema.optional(),
  from: z.int().min(1990).max(2100).optional(),
  to: z.int().min(1990).max(2100).optional(),
  year: z.int().min(1990).max(2100).optional(),
});
export type TableExport = z.infer<typeof tableExportSchema>;

// ------------------------------------------------------------------------------------------------ answers

/** Euro, exact, two decimals: "11690318.09", "-3.50". */
export const euroSchema = z.string().regex(/^-?\d+\.\d{2}$/);
const euroOrNull = euroSchema.nullable();
const countOrNull = z.int().nullable();
const ratioOrNull = z.number().nullable();

export const regionKinds = ['city', 'centre', 'team', 'district', 'external'] as const;
export type RegionKind = (typeof regionKinds)[number];
/** Where a figure comes from: the records, an imported value as given, or imported values added up (derived). */
export const figureSources = ['computed', 'imported', 'derived', 'none'] as const;
export type FigureSource = (typeof figureSources)[number];
const source = z.enum(figureSources);

export const regionEntrySchema = z.object({ key: z.string(), name: z.string(), kind: z.enum(regionKinds) });
export type RegionEntry = z.infer<typeof regionEntrySchema>;

export const quarterPointSchema = z.object({
  /** "2025-Q4" */
  quarter: z.string(),
  /** The quarter's last day, the Stichtag. */
  date: z.iso.date(),
  densityPer1000: ratioOrNull,
  cityDensityPer1000: ratioOrNull,
  /** The running HzE measures the density counts (its numerator); publication suppresses it when small. */
  hze: z.int(),
  /** Teilstationär counts with ambulant. */
  ambulant: z.int(),
  stationaer: z.int(),
  sonstige: z.int(),
  casesKosten: z.int(),
  casesBeratung: z.int(),
  casesNeu: z.int(),
});
export type QuarterPoint = z.infer<typeof quarterPointSchema>;

export const costYearSchema = z.object({
  year: z.int(),
  /** 'none': neither records nor imported figures for the year. */
  source,
  jew: countOrNull,
  ambulant: euroOrNull,
  stationaer: euroOrNull,
  sonstige: euroOrNull,
  total: euroOrNull,
  perJewAmbulant: euroOrNull,
  perJewStationaer: euroOrNull,
  perJewSonstige: euroOrNull,
  perJewTotal: euroOrNull,
});
export type CostYear = z.infer<typeof costYearSchema>;

export const dashboardSchema = z.object({
  region: regionEntrySchema,
  fromYear: z.int(),
  toYear: z.int(),
  quarters: z.array(quarterPointSchema),
  years: z.array(costYearSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const costParts = { ambulant: euroOrNull, stationaer: euroOrNull, sonstige: euroOrNull, total: euroOrNull };

export const kpisSchema = z.object({
  region: regionEntrySchema,
  year: z.int(),
  jew: countOrNull,
  jewU18: countOrNull,
  /** The Senate's view: teilstationär with ambulant. */
  costs: z.object(costParts),
  costsDetail: z
    .object({
      ambulant: euroSchema,
      teilstationaer: euroSchema,
      stationaer: euroSchema,
      sonstige: euroSchema,
      total: euroSchema,
    })
    .nullable(),
  perJew: z.object(costParts),
  cases: z.object({ active: countOrNull, kosten: countOrNull, beratung: countOrNull, neu: countOrNull }),
  shareBeratung: ratioOrNull,
  measures: z
    .object({
      ambulant: z.int(),
      teilstationaer: z.int(),
      stationaer: z.int(),
      sonstige: z.int(),
      hze: z.int(),
      byHelpType: z.array(z.object({ code: z.string(), name: z.string(), count: z.int() })),
    })
    .nullable(),
  density: z.object({ per1000: ratioOrNull, per10000: ratioOrNull }).nullable(),
  inanspruchnahme: z.object({ per10000: ratioOrNull, per10000Without28: ratioOrNull }).nullable(),
  ambulantStationaerRatio: ratioOrNull,
  medianDurationDays: ratioOrNull,
  intakesByRoute: z.record(z.string(), z.int()).nullable(),
  shareCrisisAndThirdParty: ratioOrNull,
  staffing: z.object({ sollVze: ratioOrNull, istVze: ratioOrNull, casesPerVze: ratioOrNull }),
  sources: z.object({
    costs: source,
    jew: source,
    cases: source,
    newCases: source,
    measures: source,
    staffing: source,
  }),
  /** With a baseline year: change since then in percent. */
  growth: z
    .object({
      baseline: z.int(),
      costsTotal: ratioOrNull,
      perJewTotal: ratioOrNull,
      densityPer1000: ratioOrNull,
      casesActive: ratioOrNull,
    })
    .optional(),
});
export type Kpis = z.infer<typeof kpisSchema>;

/**
 * What the steering page starts with: the last full year (Berlin) and a window of at most ten years ending there that
 * starts no earlier than the first year with data (records, or imported costs, cases or measures).
 */
export const controllingDefaultsSchema = z.object({
  from: z.int(),
  to: z.int(),
  /** The Stichtag year of the key figures. */
  year: z.int(),
  /** The year the first case was opened: the ramp-up year, whose figures cover only part of the caseload. */
  firstRecordYear: z.int().nullable(),
  firstDataYear: z.int().nullable(),
});
export type ControllingDefaults = z.infer<typeof controllingDefaultsSchema>;

export const rentabilitaetSchema = z.object({
  site: z.string(),
  reference: z.string(),
  year: z.int(),
  costSitePrev: euroSchema,
  costSite: euroSchema,
  costRefPrev: euroSchema,
  costRef: euroSchema,
  expected: euroSchema,
  savings: euroSchema,
  extraCosts: euroSchema,
  net: euroSchema,
});
export type Rentabilitaet = z.infer<typeof rentabilitaetSchema>;

export const staffingSchema = z.object({
  year: z.int(),
  /** VZE (full-time equivalents), not money. */
  totalSoll: z.number(),
  centres: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      jew: z.int(),
      weightedJew: z.int(),
      indicatorDistricts: z.int(),
      districts: z.int(),
      sollVze: ratioOrNull,
      istVze: z.number(),
      istSource: source,
      /** Soll and Ist split into Casemanagement and Referatsleitung, in VZE and heads (Senate answer). */
      split: staffSplitSchema,
      share: ratioOrNull,
      referenceVze: ratioOrNull,
    }),
  ),
});
export type Staffing = z.infer<typeof staffingSchema>;
export type StaffingRow = Staffing['centres'][number];

export const districtFigureSchema = z.object({
  code: z.string(),
  name: z.string(),
  jew: z.int(),
  activeHze: z.int(),
  densityPer1000: ratioOrNull,
  costs: euroSchema,
  perJewTotal: euroOrNull,
});
export type DistrictFigure = z.infer<typeof districtFigureSchema>;

export const districtOutlinesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string() }),
      /** GeoJSON, WGS 84. */
      geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
    }),
  ),
});
export type DistrictOutlines = z.infer<typeof districtOutlinesSchema>;

export const comparisonSchema = z.object({
  year: z.int(),
  /** Lowest cost per JEW first. */
  cities: z.array(
    z.object({
      region: z.string(),
      own: z.boolean(),
      source,
      perJewTotal: euroSchema,
      densityPer10000: ratioOrNull,
    }),
  ),
  medianPerJewTotal: euroOrNull,
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const aggregateImportReportSchema = z.object({
  accepted: z.int(),
  rejected: z.array(z.object({ line: z.int(), reason: z.string() })),
  written: z.boolean(),
  regions: z.array(z.string()),
});
export type AggregateImportReport = z.infer<typeof aggregateImportReportSchema>;
