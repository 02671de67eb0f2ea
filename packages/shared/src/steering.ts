import { controllingYearSchema, euroSchema, figureSources, regionKeySchema } from './controlling.ts';
import { z } from './zod.ts';

/**
 * Steering (docs/controlling-rentabilitaet.md): the Rentabilitätsbetrachtung as a series with its settings, extra
 * costs and planned cost path; targets with traffic lights; growth against a baseline; the IKO comparison.
 */

// ------------------------------------------------------------------------------------------------ settings

/**
 * The cost categories a Rentabilitätsbetrachtung can count. The measure categories of HzE help, plus the two
 * non-HzE help types kept apart: Inobhutnahme (§ 42) and gemeinsame Wohnform (§ 19).
 */
export const rentabCategories = [
  'ambulant',
  'teilstationaer',
  'stationaer',
  'sonstige',
  'inobhutnahme',
  'gemeinsame_wohnform',
] as const;
export type RentabCategory = (typeof rentabCategories)[number];
export const rentabCategoryLabels: Record<RentabCategory, string> = {
  ambulant: 'ambulante Hilfen',
  teilstationaer: 'teilstationäre Hilfen',
  stationaer: 'stationäre Hilfen',
  sonstige: 'sonstige Hilfen',
  inobhutnahme: 'Inobhutnahme (§ 42)',
  gemeinsame_wohnform: 'Gemeinsame Wohnform (§ 19)',
};
/** As the ESPQ report: the expenses for the HzE measures, without Inobhutnahme, § 19 and other costs. */
export const defaultRentabCategories: RentabCategory[] = ['ambulant', 'teilstationaer', 'stationaer'];

export const controllingSettingsSchema = z.object({
  rentabCategories: z
    .array(z.enum(rentabCategories, { error: 'Unbekannte Kostenart.' }))
    .min(1, { error: 'Bitte mindestens eine Kostenart wählen.' })
    .refine((list) => new Set(list).size === list.length, { error: 'Jede Kostenart nur einmal.' }),
});
export type ControllingSettings = z.infer<typeof controllingSettingsSchema>;

/** Euro input, up to twelve digits before the point: a city's planned costs fit. */
export const euroInputSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, {
    error: 'Betrag in Euro mit höchstens zwei Nachkommastellen, z. B. 123.45.',
  });

export const extraCostInputSchema = z.object({
  region: regionKeySchema,
  year: controllingYearSchema,
  staff: euroInputSchema,
  training: euroInputSchema,
  other: euroInputSchema,
});
export type ExtraCostInput = z.infer<typeof extraCostInputSchema>;

export const costPlanInputSchema = z.object({
  region: regionKeySchema,
  year: controllingYearSchema,
  cost: euroInputSchema,
});
export type CostPlanInput = z.infer<typeof costPlanInputSchema>;
export const regionQuerySchema = z.object({ region: regionKeySchema });

// ------------------------------------------------------------------------------------------------ series

export const rentabSeriesQuerySchema = z
  .object({
    site: regionKeySchema,
    reference: regionKeySchema,
    from: controllingYearSchema,
    to: controllingYearSchema,
  })
  .refine((q) => q.from <= q.to, { error: '„Bis“ liegt vor „Von“.', path: ['to'] })
  .refine((q) => q.to - q.from < 20, { error: 'Höchstens 20 Jahre auf einmal.', path: ['to'] });
export type RentabSeriesQuery = z.infer<typeof rentabSeriesQuerySchema>;

const extraSchema = z.object({
  staff: euroSchema,
  training: euroSchema,
  other: euroSchema,
  total: euroSchema,
  /** entered (per year, broken down), imported (one lump, shown as other) or none. */
  source: z.enum(['entered', 'imported', 'none']),
});

export const rentabRowSchema = z.object({
  year: z.int(),
  /** A forecast row: the site's costs from the planned cost path. */
  forecast: z.boolean(),
  costSitePrev: euroSchema,
  costSite: euroSchema,
  costRefPrev: euroSchema,
  costRef: euroSchema,
  /** Development of site and reference against the year before, in percent (two decimals). */
  siteChangePct: z.number().nullable(),
  refChangePct: z.number().nullable(),
  expected: euroSchema,
  savings: euroSchema,
  /** Savings in percent of the site's costs of the year before. */
  savingsPct: z.number().nullable(),
  extra: extraSchema,
  net: euroSchema,
  cumulativeNet: euroSchema,
  sources: z.object({
    site: z.enum([...figureSources, 'planned']),
    reference: z.enum([...figureSources, 'planned', 'extrapolated']),
  }),
});
export type RentabRow = z.infer<typeof rentabRowSchema>;

export const rentabSeriesSchema = z.object({
  site: z.string(),
  reference: z.string(),
  from: z.int(),
  to: z.int(),
  categories: z.array(z.enum(rentabCategories)),
  rows: z.array(rentabRowSchema),
  forecast: z.array(rentabRowSchema),
  totals: z.object({ savings: euroSchema, extra: euroSchema, net: euroSchema }),
});
export type RentabSeries = z.infer<typeof rentabSeriesSchema>;

export const extraCostSchema = z.object({
  region: z.string(),
  year: z.int(),
  staff: euroSchema,
  training: euroSchema,
  other: euroSchema,
});
export const costPlanSchema = z.object({ region: z.string(), year: z.int(), cost: euroSchema });
