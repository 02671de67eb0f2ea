import { idSchema, lineSchema, nameSchema, versionSchema } from './common.ts';
import { confidedMarkSchema } from './dataProtection.ts';
import { dateSchema } from './dates.ts';
import { z } from './zod.ts';

/** Help types, providers, offers, rates, measures and payments (docs/domain.md, section 3). */

export const helpCategories = {
  values: ['ambulant', 'teilstationaer', 'stationaer', 'sonstige'] as const,
  labels: {
    ambulant: 'ambulant',
    teilstationaer: 'teilstationär',
    stationaer: 'stationär',
    sonstige: 'sonstige',
  },
};
export type HelpCategory = (typeof helpCategories.values)[number];

/** How a help type is categorised: fixed, chosen per measure (§ 35, § 35a), or that of the underlying help (§ 41). */
export const categoryRules = [
  'ambulant',
  'teilstationaer',
  'stationaer',
  'sonstige',
  'per_measure',
  'underlying',
] as const;

export const rateUnits = {
  values: ['day', 'hour', 'month'] as const,
  labels: { day: 'Tagessatz', hour: 'Fachleistungsstunde', month: 'Monatspauschale' },
};
export type RateUnit = (typeof rateUnits.values)[number];

export const endReasons = {
  values: ['planmaessig', 'abbruch', 'wechsel', 'zustaendigkeitswechsel'] as const,
  labels: {
    planmaessig: 'planmäßig',
    abbruch: 'Abbruch',
    wechsel: 'Wechsel in eine andere Hilfe',
    zustaendigkeitswechsel: 'Zuständigkeitswechsel',
  },
};

/**
 * Where a measure stands: planned (above the approval threshold, waiting for the team lead; costs nothing yet),
 * approved, or withdrawn (a planned measure that was never approved; it stays in the case file).
 */
export const measureStatuses = {
  values: ['geplant', 'bewilligt', 'zurueckgezogen'] as const,
  labels: { geplant: 'geplant', bewilligt: 'bewilligt', zurueckgezogen: 'zurückgezogen' },
};

export const providerKinds = {
  values: ['frei', 'oeffentlich', 'privat'] as const,
  labels: { frei: 'freier Träger', oeffentlich: 'öffentlicher Träger', privat: 'privat-gewerblicher Träger' },
};

export const moneySchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, {
    error: 'Betrag in Euro mit höchstens zwei Nachkommastellen, z. B. 123.45.',
  });

const helpTypeShape = z.object({
  code: nameSchema(20),
  name: nameSchema(),
  paragraph: nameSchema(30),
  categoryRule: z.enum(categoryRules),
  /** Counts as Hilfe zur Erziehung for density and the official statistics (§§ 27-35a, 41; not § 42). */
  isHze: z.boolean(),
  validFrom: dateSchema,
  validTo: dateSchema.nullable(),
});
/** The end may not lie before the beginning (the table's check; refused here so that the answer names the field). */
export const helpTypeInputSchema = helpTypeShape.refine(
  (h) => h.validTo === null || h.validTo >= h.validFrom,
  {
    error: 'Das Ende der Gültigkeit darf nicht vor ihrem Beginn liegen.',
    path: ['validTo'],
  },
);
export const helpTypeSchema = helpTypeShape.extend({ id: idSchema, version: versionSchema });
export type HelpType = z.infer<typeof helpTypeSchema>;

export const providerInputSchema = z.object({ name: nameSchema(), kind: z.enum(providerKinds.values) });
export const rateInputSchema = z.object({ amount: moneySchema, validFrom: dateSchema });
export const offerInputSchema = z.object({
  providerId: idSchema,
  name: nameSchema(),
  helpTypeId: idSchema,
  unit: z.enum(rateUnits.values),
  rate: rateInputSchema,
});
export const providerSchema = providerInputSchema.extend({
  id: idSchema,
  version: versionSchema,
  offers: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      helpTypeId: idSchema,
      helpTypeName: z.string(),
      unit: z.enum(rateUnits.values),
      rates: z.array(z.object({ amount: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
    }),
  ),
});
export type Provider = z.infer<typeof providerSchema>;

export const measureInputSchema = z
  .object({
    personId: idSchema,
    helpTypeId: idSchema,
    /** The provider's offer; null only for flexible help (§ 27 Abs. 2) with an individual rate. */
    offerId: idSchema.nullable(),
    individualRate: z.object({ amount: moneySchema, unit: z.enum(rateUnits.values) }).nullable(),
    category: z.enum(helpCategories.values).nullable(),
    underlyingHelpTypeId: idSchema.nullable(),
    beginOn: dateSchema,
    plannedEndOn: dateSchema.nullable(),
    hoursPerWeek: z
      .string()
      .regex(/^\d{1,2}(\.\d{1,2})?$/, { error: 'Stunden pro Woche, z. B. 5 oder 2.5.' })
      .nullable(),
    helpPlanId: idSchema.nullable(),
    /** Reasons for granting (statistics): up to three. */
    reasons: z.array(nameSchema(100)).max(3),
    /** Why the help begins before the case was opened; required then (the server knows the opening date). */
    beginReason: lineSchema(300).nullable().optional(),
  })
  .refine((m) => (m.offerId === null) !== (m.individualRate === null), {
    error:
      'Bitte ein Leistungsangebot wählen oder (nur bei flexibler Hilfe) einen individuellen Satz angeben.',
    path: ['offerId'],
  })
  .refine((m) => m.plannedEndOn === null || m.plannedEndOn >= m.beginOn, {
    error: 'Das geplante Ende liegt nach dem Beginn.',
    path: ['plannedEndOn'],
  });
export type MeasureInput = z.infer<typeof measureInputSchema>;

export const measureEndSchema = z.object({
  endOn: dateSchema,
  endReason: z.enum(endReasons.values),
  version: versionSchema,
});

/** Withdrawing a planned measure: it never ran; why it is withdrawn stays in the case file. */
export const measureWithdrawSchema = z.object({
  reason: nameSchema(300),
  version: versionSchema,
});
export type MeasureWithdrawInput = z.infer<typeof measureWithdrawSchema>;

export const measureSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  caseNumber: z.string(),
  personId: idSchema,
  personName: z.string(),
  helpType: z.object({ id: idSchema, name: z.string(), paragraph: z.string() }),
  provider: z.string().nullable(),
  offer: z.string().nullable(),
  unit: z.enum(rateUnits.values),
  rate: z.string().nullable(),
  category: z.enum(helpCategories.values),
  beginOn: z.string(),
  plannedEndOn: z.string().nullable(),
  endOn: z.string().nullable(),
  endReason: z.enum(endReasons.values).nullable(),
  hoursPerWeek: z.string().nullable(),
  status: z.enum(measureStatuses.values),
  /**
   * What a month of the measure costs: the cost rule for its first full calendar month (the begin month when it
   * begins on the 1st, else the next) with the rates valid then; the approval threshold is compared with it.
   */
  monthlyEstimate: z.string(),
  /** Why it began before the case was opened, when it did. */
  beginReason: z.string().nullable(),
  /** Why a withdrawn measure was withdrawn (null for those withdrawn before reasons were recorded). */
  withdrawReason: z.string().nullable(),
  /** § 65: when withheld, the begin and withdraw reasons are the placeholder (dates, status, amounts stay). */
  confided: confidedMarkSchema.nullable(),
  /** § 65: the reader planned it (or leads a case whose measure predates that) and may mark it as confided. */
  mayMarkConfided: z.boolean(),
  /** Approved, no end recorded, and its planned end has passed: it runs longer than planned (docs/domain.md). */
  overrun: z.boolean(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: versionSchema,
});
export type Measure = z.infer<typeof measureSchema>;

export const monthlyCostSchema = z.object({
  month: z.string(),
  total: z.string(),
  rows: z.array(
    z.object({
      measureId: idSchema,
      caseId: idSchema,
      caseNumber: z.string(),
      helpType: z.string(),
      provider: z.string().nullable(),
      category: z.enum(helpCategories.values),
      amount: z.string(),
      paid: z.boolean(),
    }),
  ),
});
export type MonthlyCost = z.infer<typeof monthlyCostSchema>;

export const paymentImportReportSchema = z.object({
  accepted: z.int(),
  rejected: z.array(z.object({ line: z.int(), reason: z.string() })),
  written: z.boolean(),
  total: z.string(),
});
export type PaymentImportReport = z.infer<typeof paymentImportReportSchema>;
