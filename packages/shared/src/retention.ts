import { labelled } from './catalogues.ts';
import { idSchema, intSchema, textSchema, versionSchema } from './common.ts';
import { dateSchema } from './dates.ts';
import { z } from './zod.ts';

/**
 * Retention and deletion of case files (docs/retention.md). A closed case file belongs to a retention class; its
 * retention ends on a date computed from the class's rule. After that it is listed as due, and it is erased in two
 * steps (a case worker proposes, the team lead confirms) or restricted (Sperrung) where it must be kept.
 */
export const retentionClasses = labelled({
  // § 9b SGB VIII: help for education, Eingliederungshilfe and residential care, until N years after the young
  // person's 30th birthday.
  langfristig: 'Hilfen zur Erziehung, Eingliederungshilfe, stationäre Hilfen (§ 9b SGB VIII)',
  kinderschutz: 'Kinderschutz (§ 8a SGB VIII)',
  sonstige: 'Sonstige Fallakten (Beratung)',
});
export type RetentionClass = (typeof retentionClasses.values)[number];

/** The rule of each class: years after the 30th birthday (langfristig) or after the case was closed (the others). */
export const retentionRuleSchema = z.object({
  recordClass: z.enum(retentionClasses.values),
  years: intSchema({ min: 1, max: 100 }),
});
export type RetentionRule = z.infer<typeof retentionRuleSchema>;

/** The defaults a tenant starts with: 70 years after the 30th birthday as § 9b SGB VIII sets it. */
export const defaultRetentionYears: Record<RetentionClass, number> = {
  langfristig: 70,
  kinderschutz: 10,
  sonstige: 5,
};

export const retentionRulesSchema = z.object({
  rules: z.array(retentionRuleSchema),
  version: z.number().int(),
});
export type RetentionRules = z.infer<typeof retentionRulesSchema>;

export const retentionRulesInputSchema = z.object({
  rules: z
    .array(retentionRuleSchema)
    .length(retentionClasses.values.length, {
      error: 'Bitte für jede Aufbewahrungsklasse eine Frist angeben.',
    })
    .refine((rules) => new Set(rules.map((r) => r.recordClass)).size === rules.length, {
      error: 'Jede Aufbewahrungsklasse nur einmal angeben.',
    }),
  version: z.number().int().min(0),
});
export type RetentionRulesInput = z.infer<typeof retentionRulesInputSchema>;

export const retentionStates = labelled({
  aufzubewahren: 'Wird aufbewahrt',
  faellig: 'Frist abgelaufen',
  vorgeschlagen: 'Löschung vorgeschlagen',
  gesperrt: 'Gesperrt (Einschränkung der Verarbeitung)',
  geloescht: 'Gelöscht (anonymisiert)',
});
export type RetentionState = (typeof retentionStates.values)[number];

export const caseRetentionSchema = z.object({
  caseId: idSchema,
  caseNumber: z.string(),
  closedOn: dateSchema.nullable(),
  recordClass: z.enum(retentionClasses.values),
  /** The last day the file is kept; null while it is open or when a birth date it depends on is unknown. */
  retainUntil: dateSchema.nullable(),
  state: z.enum(retentionStates.values),
  proposedByName: z.string().nullable(),
  proposedAt: z.string().nullable(),
  restrictionReason: z.string().nullable(),
  erasedAt: z.string().nullable(),
  /** What the asking user may do now (computed on the server by the one policy). */
  mayPropose: z.boolean(),
  mayConfirm: z.boolean(),
  mayRestrict: z.boolean(),
  version: z.number().int(),
});
export type CaseRetention = z.infer<typeof caseRetentionSchema>;

export const retentionProposalInputSchema = z.object({
  reason: textSchema(1000),
  version: z.number().int().min(0),
});
export type RetentionProposalInput = z.infer<typeof retentionProposalInputSchema>;

export const retentionErasureInputSchema = z.object({
  /** The case number typed again: erasure cannot be undone. */
  confirmCaseNumber: z.string().min(1, { error: 'Bitte das Aktenzeichen zur Bestätigung eingeben.' }),
  version: versionSchema,
});
export type RetentionErasureInput = z.infer<typeof retentionErasureInputSchema>;

export const retentionRestrictionInputSchema = z.object({
  reason: textSchema(1000),
  version: z.number().int().min(0),
});
export type RetentionRestrictionInput = z.infer<typeof retentionRestrictionInputSchema>;

export const retentionVersionInputSchema = z.object({ version: z.coerce.number().pipe(versionSchema) });
