import { controllingYearSchema, regionKeySchema } from './controlling.ts';
import { z } from './zod.ts';

/**
 * Targets per figure, region and year, with a traffic light (docs/controlling-rentabilitaet.md). Each figure has a
 * direction: for costs and density lower is better, for the share of counselling cases higher is better.
 */
export const targetFigures = [
  'costs_total',
  'per_jew_total',
  'density_per1000',
  'inanspruchnahme_per10000',
  'share_beratung',
  'ambulant_stationaer_ratio',
  'cases_per_vze',
] as const;
export type TargetFigure = (typeof targetFigures)[number];

export const targetFigureInfo: Record<
  TargetFigure,
  { label: string; unit: string; better: 'lower' | 'higher' }
> = {
  costs_total: { label: 'Kosten gesamt', unit: '€', better: 'lower' },
  per_jew_total: { label: 'Kosten je JEW', unit: '€', better: 'lower' },
  density_per1000: { label: 'Hilfedichte', unit: 'je 1.000 JEW', better: 'lower' },
  inanspruchnahme_per10000: { label: 'Inanspruchnahme', unit: 'je 10.000 JEW', better: 'lower' },
  share_beratung: { label: 'Anteil Beratungsfälle', unit: '%', better: 'higher' },
  ambulant_stationaer_ratio: { label: 'Verhältnis ambulant zu stationär', unit: '', better: 'higher' },
  cases_per_vze: { label: 'Fälle je VZE', unit: '', better: 'lower' },
};

/** A target value: a decimal number with up to two decimals. */
const targetValueSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, {
    error: 'Bitte eine Zahl mit höchstens zwei Nachkommastellen, z. B. 812.50.',
  });

export const targetInputSchema = z.object({
  figure: z.enum(targetFigures, { error: 'Unbekannte Kennzahl.' }),
  region: regionKeySchema,
  year: controllingYearSchema,
  target: targetValueSchema,
  /** Amber band in percent of the target (default 5). */
  tolerancePct: z.coerce
    .number({ error: 'Bitte eine Zahl angeben.' })
    .min(0, { error: 'Bitte eine Zahl ab 0 angeben.' })
    .max(100, { error: 'Höchstens 100 %.' })
    .default(5),
});
export type TargetInput = z.infer<typeof targetInputSchema>;

export const targetKeySchema = z.object({
  figure: z.enum(targetFigures, { error: 'Unbekannte Kennzahl.' }),
  region: regionKeySchema,
  year: controllingYearSchema,
});

export const targetsQuerySchema = z.object({ year: controllingYearSchema.optional() });

export const targetSchema = z.object({
  figure: z.enum(targetFigures),
  region: z.string(),
  year: z.int(),
  target: z.string(),
  tolerancePct: z.number(),
});
export type Target = z.infer<typeof targetSchema>;

export const trafficLights = ['gruen', 'gelb', 'rot'] as const;
export type TrafficLight = (typeof trafficLights)[number];
/** In words, not colour alone. */
export const trafficLightLabels: Record<TrafficLight, string> = {
  gruen: 'Ziel erreicht',
  gelb: 'knapp verfehlt',
  rot: 'verfehlt',
};

export const steeringQuerySchema = z
  .object({
    region: regionKeySchema,
    year: controllingYearSchema,
    baseline: controllingYearSchema.optional(),
  })
  .refine((q) => q.baseline === undefined || q.baseline < q.year, {
    error: 'Das Basisjahr muss vor dem Jahr liegen.',
    path: ['baseline'],
  });
export type SteeringQuery = z.infer<typeof steeringQuerySchema>;

export const steeringFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  baselineValue: z.number().nullable(),
  /** (value / baseline value - 1) × 100, two decimals; null without both values or with a zero baseline. */
  growthPct: z.number().nullable(),
  target: z.number().nullable(),
  tolerancePct: z.number().nullable(),
  light: z.enum(trafficLights).nullable(),
  lightLabel: z.string().nullable(),
});
export type SteeringFigure = z.infer<typeof steeringFigureSchema>;

export const steeringSchema = z.object({
  region: z.object({ key: z.string(), name: z.string() }),
  year: z.int(),
  baseline: z.int().nullable(),
  figures: z.array(steeringFigureSchema),
});
export type Steering = z.infer<typeof steeringSchema>;

// ------------------------------------------------------------------------------------------------ IKO

export const ikoQuerySchema = z
  .object({ from: controllingYearSchema, to: controllingYearSchema })
  .refine((q) => q.from <= q.to, { error: '„Bis“ liegt vor „Von“.', path: ['to'] })
  .refine((q) => q.to - q.from < 20, { error: 'Höchstens 20 Jahre auf einmal.', path: ['to'] });

export const ikoCategories = ['ambulant', 'stationaer', 'sonstige', 'total'] as const;
export type IkoCategory = (typeof ikoCategories)[number];

const ikoStatSchema = z.object({
  category: z.enum(ikoCategories),
  /** Cost per young inhabitant under 21, euro. */
  values: z.array(z.object({ region: z.string(), own: z.boolean(), perJew: z.string() })),
  mean: z.string().nullable(),
  median: z.string().nullable(),
});
export const ikoSchema = z.object({
  from: z.int(),
  to: z.int(),
  years: z.array(z.object({ year: z.int(), categories: z.array(ikoStatSchema) })),
});
export type Iko = z.infer<typeof ikoSchema>;
