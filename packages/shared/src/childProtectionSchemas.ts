import { caseAreas, mandateKinds, mandateResults } from './catalogues.ts';
import {
  cpCareEndReasons,
  cpChannels,
  cpDangerSources,
  cpEndangeringResults,
  cpEndangermentTypes,
  cpMeasureKinds,
  cpParentAgeGroups,
  cpReporterKinds,
  cpResidences,
  cpResults,
  cpServiceKinds,
  cpStatuses,
  cpSteps,
  cpUrgencies,
  cpVisitKinds,
  cpVisitStatuses,
  cpYesNoUnknown,
} from './childProtection.ts';
import { idSchema, lineSchema, optionalTextSchema, textSchema, versionSchema } from './common.ts';
import { confidedMarkSchema } from './dataProtection.ts';
import { dateSchema, instantSchema } from './dates.ts';
import { cpVisitChecklistSchema } from './visitChecklist.ts';
import { z } from './zod.ts';

/** Requests and answers of the § 8a process (docs/child-protection.md). Rules across fields name their field. */

const optionalText = (max = 4000) => optionalTextSchema(max).nullable();
const filled = (value: string | null) => value !== null && value.trim() !== '';
const ref = z.object({ id: idSchema, name: z.string() });

/** Meldung: when, from whom (anonymous allowed), how, what, and who took it. */
export const cpReportInputSchema = z
  .object({
    childId: idSchema,
    receivedAt: instantSchema,
    reporterKind: z.enum(cpReporterKinds.values),
    reporterName: lineSchema(200).nullable(),
    channel: z.enum(cpChannels.values),
    reportText: textSchema(8000),
    takenById: idSchema,
  })
  .refine((r) => r.reporterKind !== 'anonym' || !filled(r.reporterName), {
    error: 'Eine anonyme Meldung nennt keinen Namen.',
    path: ['reporterName'],
  });
export type CpReportInput = z.infer<typeof cpReportInputSchema>;

/** Ersteinschätzung: the urgency sets the deadline of the assessment. */
export const cpUrgencyInputSchema = z.object({
  urgency: z.enum(cpUrgencies.values),
  decidedAt: instantSchema,
  reason: optionalText(2000),
  version: versionSchema,
});
export type CpUrgencyInput = z.infer<typeof cpUrgencyInputSchema>;

/** Gefährdungseinschätzung im Zusammenwirken mehrerer Fachkräfte: at least two professionals. */
export const cpAssessmentInputSchema = z.object({
  heldAt: instantSchema,
  participantIds: z
    .array(idSchema)
    .min(2, { error: 'Die Gefährdungseinschätzung braucht mindestens zwei Fachkräfte.' })
    .max(20),
  facts: textSchema(8000),
  riskFactors: textSchema(4000),
  protectiveFactors: textSchema(4000),
  version: versionSchema,
});
export type CpAssessmentInput = z.infer<typeof cpAssessmentInputSchema>;

/** Inaugenscheinnahme: done (when, how, child seen) or not needed, with the reason why not. */
export const cpVisitInputSchema = z
  .object({
    status: z.enum(cpVisitStatuses.values),
    at: instantSchema.nullable(),
    kind: z.enum(cpVisitKinds.values).nullable(),
    childSeen: z.boolean().nullable(),
    findings: optionalText(4000),
    reason: optionalText(2000),
    version: versionSchema,
  })
  .superRefine((v, ctx) => {
    const missing = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', message, path: [path] });
    if (v.status === 'durchgefuehrt') {
      if (v.at === null) missing('at', 'Bitte angeben, wann das Kind in Augenschein genommen wurde.');
      if (v.kind === null) missing('kind', 'Bitte die Art der Inaugenscheinnahme angeben.');
      if (v.childSeen === null) missing('childSeen', 'Bitte angeben, ob das Kind gesehen wurde.');
    } else if (!filled(v.reason)) {
      missing('reason', 'Bitte begründen, warum keine Inaugenscheinnahme nötig ist.');
    }
  });
export type CpVisitInput = z.infer<typeof cpVisitInputSchema>;

/** Ergebnis with every field the official statistic asks for (the child's sex and birth come from the person). */
export const cpResultInputSchema = z
  .object({
    result: z.enum(cpResults.values),
    completedOn: dateSchema,
    endangermentTypes: z.array(z.enum(cpEndangermentTypes.values)).max(4),
    dangerSources: z.array(z.enum(cpDangerSources.values)).max(4),
    residence: z.enum(cpResidences.values),
    motherAgeGroup: z.enum(cpParentAgeGroups.values),
    fatherAgeGroup: z.enum(cpParentAgeGroups.values),
    parentForeignOrigin: z.enum(cpYesNoUnknown.values),
    germanAtHome: z.enum(cpYesNoUnknown.values),
    servicesInUse: z.boolean(),
    serviceKinds: z.array(z.enum(cpServiceKinds.values)).max(6),
    note: optionalText(4000),
    version: versionSchema,
  })
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (cpEndangeringResults.includes(r.result)) {
      if (r.endangermentTypes.length === 0)
        issue('endangermentTypes', 'Bitte mindestens eine Art der Gefährdung angeben.');
      if (r.dangerSources.length === 0)
        issue('dangerSources', 'Bitte angeben, von wem die Gefährdung ausgeht.');
    } else {
      if (r.endangermentTypes.length > 0)
        issue('endangermentTypes', 'Ohne Kindeswohlgefährdung gibt es keine Art der Gefährdung.');
      if (r.dangerSources.length > 0)
        issue('dangerSources', 'Ohne Kindeswohlgefährdung geht von niemandem eine Gefährdung aus.');
    }
    if (r.servicesInUse && r.serviceKinds.length === 0)
      issue('serviceKinds', 'Bitte angeben, welche Leistungen in Anspruch genommen wurden.');
    if (!r.servicesInUse && r.serviceKinds.length > 0)
      issue('serviceKinds', 'Ohne Inanspruchnahme von Leistungen bitte keine Leistung auswählen.');
  });
export type CpResultInput = z.infer<typeof cpResultInputSchema>;

/**
 * A consequence. Each kind has its own fields; the others are not stored. Schutzplan: what was agreed, the
 * mandates it includes and its review dates. Hilfeangebot: which service. Familiengericht: why it is called.
 * Inobhutnahme: begin, place, how the carers were informed; end and its reason once it ends (end ≥ begin).
 */
const measureFields = z.object({
  decidedOn: dateSchema,
  description: optionalText(4000),
  mandateIds: z.array(idSchema).max(30),
  reviewDates: z.array(dateSchema).max(20),
  offerKind: z.enum(cpServiceKinds.values).nullable(),
  beginAt: instantSchema.nullable(),
  place: lineSchema(300).nullable(),
  carersInformedAt: instantSchema.nullable(),
  carersInformedHow: optionalText(1000),
  endAt: instantSchema.nullable(),
  endReason: z.enum(cpCareEndReasons.values).nullable(),
});
type MeasureFields = z.infer<typeof measureFields>;

function checkMeasure(kind: string, m: MeasureFields, ctx: z.core.$RefinementCtx<MeasureFields>) {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', message, path });
  if (kind === 'schutzplan') {
    if (!filled(m.description))
      issue(['description'], 'Bitte die Vereinbarungen des Schutzplans beschreiben.');
    if (m.reviewDates.length === 0)
      issue(['reviewDates'], 'Bitte mindestens einen Überprüfungstermin angeben.');
    m.reviewDates.forEach((d, i) => {
      if (d < m.decidedOn)
        issue(['reviewDates', i], 'Ein Überprüfungstermin liegt nicht vor der Vereinbarung des Schutzplans.');
    });
  }
  if (kind === 'hilfeangebot' && m.offerKind === null)
    issue(['offerKind'], 'Bitte die angebotene Hilfe angeben.');
  if (kind === 'familiengericht' && !filled(m.description))
    issue(['description'], 'Bitte angeben, warum das Familiengericht angerufen wird.');
  if (kind === 'inobhutnahme') {
    if (m.beginAt === null) issue(['beginAt'], 'Bitte Beginn (Datum und Uhrzeit) der Inobhutnahme angeben.');
    if (!filled(m.place)) issue(['place'], 'Bitte den Ort der Unterbringung angeben.');
    if (!filled(m.carersInformedHow))
      issue(['carersInformedHow'], 'Bitte angeben, wie die Personensorgeberechtigten unterrichtet wurden.');
    if (m.endAt !== null && m.beginAt !== null && Date.parse(m.endAt) < Date.parse(m.beginAt))
      issue(['endAt'], 'Das Ende der Inobhutnahme kann nicht vor ihrem Beginn liegen.');
    if (m.endAt !== null && m.endReason === null) issue(['endReason'], 'Bitte den Grund des Endes angeben.');
    if (m.endAt === null && m.endReason !== null)
      issue(['endAt'], 'Bitte das Ende angeben, wenn ein Grund des Endes genannt ist.');
  }
}

export const cpMeasureInputSchema = measureFields
  .extend({ kind: z.enum(cpMeasureKinds.values) })
  .superRefine((m, ctx) => checkMeasure(m.kind, m, ctx));
export type CpMeasureInput = z.infer<typeof cpMeasureInputSchema>;

/** A change of a consequence (e.g. the end of an Inobhutnahme, new review dates): its kind stays. */
export const cpMeasureUpdateSchema = measureFields
  .extend({ kind: z.enum(cpMeasureKinds.values), version: versionSchema })
  .superRefine((m, ctx) => checkMeasure(m.kind, m, ctx));
export type CpMeasureUpdate = z.infer<typeof cpMeasureUpdateSchema>;

/**
 * A failed Auftrag becomes an Auflage: a Kurzberatung moves the case into the danger area and the Auflage keeps
 * the link to the Auftrag it came from.
 */
export const cpEscalationInputSchema = z.object({
  mandateId: idSchema,
  version: versionSchema,
  heldOn: dateSchema,
  participantIds: z
    .array(idSchema)
    .min(2, { error: 'Eine Kurzberatung braucht mindestens zwei Fachkräfte.' })
    .max(20),
  facts: textSchema(),
  nextSteps: textSchema(),
  auflage: z.object({
    text: textSchema(2000),
    addressee: textSchema(200),
    dueOn: dateSchema,
    checkMethod: textSchema(1000),
    consequence: optionalText(1000),
    reviewOn: dateSchema,
  }),
});
export type CpEscalationInput = z.infer<typeof cpEscalationInputSchema>;

// Answers

export const cpMeasureSchema = z.object({
  id: idSchema,
  kind: z.enum(cpMeasureKinds.values),
  decidedOn: z.string(),
  description: z.string().nullable(),
  mandates: z.array(
    z.object({
      id: idSchema,
      kind: z.enum(mandateKinds.values),
      text: z.string(),
      dueOn: z.string(),
      result: z.enum(mandateResults.values),
    }),
  ),
  reviewDates: z.array(z.string()),
  offerKind: z.enum(cpServiceKinds.values).nullable(),
  beginAt: z.string().nullable(),
  place: z.string().nullable(),
  carersInformedAt: z.string().nullable(),
  carersInformedHow: z.string().nullable(),
  endAt: z.string().nullable(),
  endReason: z.enum(cpCareEndReasons.values).nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  version: versionSchema,
  /** § 65: when withheld, description, place and how the carers were informed are the placeholder. */
  confided: confidedMarkSchema.nullable(),
  /** § 65: the reader recorded it (or leads a case whose record predates that) and may mark it. */
  mayMarkConfided: z.boolean(),
});
export type CpMeasure = z.infer<typeof cpMeasureSchema>;

/** One check in the case's list: the child, the deadline and where the process stands. */
export const cpCheckSummarySchema = z.object({
  id: idSchema,
  child: ref,
  receivedAt: z.string(),
  reporterKind: z.enum(cpReporterKinds.values),
  channel: z.enum(cpChannels.values),
  urgency: z.enum(cpUrgencies.values).nullable(),
  assessmentDueAt: z.string().nullable(),
  /** The assessment is not recorded and its deadline has passed. */
  overdue: z.boolean(),
  nextStep: z.enum(cpSteps.values).nullable(),
  result: z.enum(cpResults.values).nullable(),
  status: z.enum(cpStatuses.values),
  closedAt: z.string().nullable(),
  version: versionSchema,
});
export type CpCheckSummary = z.infer<typeof cpCheckSummarySchema>;

export const cpCheckSchema = cpCheckSummarySchema.extend({
  reporterName: z.string().nullable(),
  reportText: z.string(),
  takenBy: ref,
  urgencyReason: z.string().nullable(),
  urgencyDecidedAt: z.string().nullable(),
  urgencyDecidedBy: ref.nullable(),
  assessment: z
    .object({
      heldAt: z.string(),
      participants: z.array(ref),
      facts: z.string(),
      riskFactors: z.string(),
      protectiveFactors: z.string(),
    })
    .nullable(),
  visit: z
    .object({
      status: z.enum(cpVisitStatuses.values),
      at: z.string().nullable(),
      kind: z.enum(cpVisitKinds.values).nullable(),
      childSeen: z.boolean().nullable(),
      findings: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  outcome: z
    .object({
      result: z.enum(cpResults.values),
      completedOn: z.string(),
      endangermentTypes: z.array(z.enum(cpEndangermentTypes.values)),
      dangerSources: z.array(z.enum(cpDangerSources.values)),
      residence: z.enum(cpResidences.values),
      motherAgeGroup: z.enum(cpParentAgeGroups.values),
      fatherAgeGroup: z.enum(cpParentAgeGroups.values),
      parentForeignOrigin: z.enum(cpYesNoUnknown.values),
      germanAtHome: z.enum(cpYesNoUnknown.values),
      servicesInUse: z.boolean(),
      serviceKinds: z.array(z.enum(cpServiceKinds.values)),
      note: z.string().nullable(),
      decidedBy: ref.nullable(),
      /** The Kurzberatung the result wrote, and the area it set. */
      classification: z.object({ id: idSchema, area: z.enum(caseAreas.values) }).nullable(),
    })
    .nullable(),
  /** The Einschätzungshilfe entered after the visit (null until it is). */
  visitChecklist: cpVisitChecklistSchema.nullable(),
  measures: z.array(cpMeasureSchema),
  closedBy: ref.nullable(),
  /**
   * § 65: when withheld, the check's free text (report, reporter's name, reasons, facts, factors, findings, notes)
   * is the placeholder; dates, urgency, status and the coded results stay for deadlines and statistics.
   */
  confided: confidedMarkSchema.nullable(),
  /** § 65: the reader took or recorded the report (or leads a case whose record predates that) and may mark it. */
  mayMarkConfided: z.boolean(),
});
export type CpCheck = z.infer<typeof cpCheckSchema>;

/** Controlling: counts only, no person and no case (asked with the controlling's `yearQuerySchema`). */
export const cpCountsSchema = z.object({
  year: z.int(),
  /** Assessments completed in the year (the statistic's unit), by result. */
  byResult: z.array(z.object({ result: z.enum(cpResults.values), count: z.int() })),
  /** Checks received in the year that have no result yet. */
  open: z.int(),
  /** Inobhutnahmen begun in the year out of a § 8a check. */
  takenIntoCare: z.int(),
});
export type CpCounts = z.infer<typeof cpCountsSchema>;
