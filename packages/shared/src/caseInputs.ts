// What a case worker enters in a case file (the forms of the case page); what the case page shows is in cases.ts.
import {
  accessRoutes,
  ageCohorts,
  attainmentScale,
  caseAreas,
  closingOutcomes,
  closingReasons,
  familyConferencePhases,
  ideaSources,
  mandateKinds,
  mandatePurposes,
  mandateResults,
  resourceAreas,
  tieKinds,
  tieQualities,
} from './catalogues.ts';
import { idSchema, intSchema, nameSchema, optionalTextSchema, textSchema, versionSchema } from './common.ts';
import { dateSchema } from './dates.ts';
import { endReasons } from './measures.ts';
import { z } from './zod.ts';

const text = textSchema;
const optionalText = (max = 4000) => optionalTextSchema(max).nullable();
const _ref = z.object({ id: idSchema, name: z.string() });

// Falleingang
export const intakeInputSchema = z.object({
  householdId: idSchema,
  openedOn: dateSchema,
  accessRoute: z.enum(accessRoutes.values),
  reporter: optionalText(300),
  concern: text(),
});
export type IntakeInput = z.infer<typeof intakeInputSchema>;

// Falleinordnung, decided in a Kurzberatung zur Risikoeinschätzung
export const riskConsultationInputSchema = z.object({
  heldOn: dateSchema,
  participantIds: z
    .array(idSchema)
    .min(2, { error: 'Eine Kurzberatung braucht mindestens zwei Fachkräfte.' }),
  facts: text(),
  area: z.enum(caseAreas.values),
  nextSteps: text(),
});
export type RiskConsultationInput = z.infer<typeof riskConsultationInputSchema>;

// Aufträge and Auflagen: what for (an Auflage always averts), by when, checked how and when reviewed
export const mandateInputSchema = z.object({
  kind: z.enum(mandateKinds.values),
  purpose: z.enum(mandatePurposes.values),
  text: text(2000),
  addressee: text(200),
  dueOn: dateSchema,
  checkMethod: text(1000),
  reviewOn: dateSchema,
  consequence: optionalText(1000),
});
export type MandateInput = z.infer<typeof mandateInputSchema>;
export const mandateResultInputSchema = z.object({
  result: z.enum(mandateResults.values),
  consequence: optionalText(1000),
  version: versionSchema,
});

// Wille und Ziele
export const actionStepInputSchema = z.object({
  who: text(200),
  what: text(1000),
  dueOn: dateSchema,
  resourceId: idSchema.nullable(),
});
export const actionGoalInputSchema = z.object({
  /** An existing Handlungsziel keeps its id (resources and help plans point at it); null for a new one. */
  id: idSchema.nullable(),
  text: text(1000),
  dueOn: dateSchema,
  steps: z.array(actionStepInputSchema).max(20),
});
export const willAndGoalsInputSchema = z.object({
  will: text(4000),
  directionGoal: text(2000),
  actionGoals: z.array(actionGoalInputSchema).max(10),
  version: intSchema({ min: 0 }),
});
export type WillAndGoalsInput = z.infer<typeof willAndGoalsInputSchema>;

// Ressourcenkarte
export const resourceInputSchema = z.object({
  area: z.enum(resourceAreas.values),
  description: text(1000),
  goalId: idSchema.nullable(),
  directoryEntryId: idSchema.nullable(),
});
export type ResourceInput = z.infer<typeof resourceInputSchema>;

// Netzwerkkarte
export const networkTieInputSchema = z.object({
  name: text(200),
  kind: z.enum(tieKinds.values),
  closeness: intSchema({ min: 1, max: 3 }),
  quality: z.enum(tieQualities.values),
  angle: intSchema({ min: 0, max: 359 }),
});
export type NetworkTieInput = z.infer<typeof networkTieInputSchema>;
/** A change names the version it was made on, so that a concurrent change is refused instead of overwritten. */
export const networkTieUpdateSchema = networkTieInputSchema.extend({ version: versionSchema });
export type NetworkTieUpdate = z.infer<typeof networkTieUpdateSchema>;

// Kollegiale Beratung
export const CLOSING_QUESTION =
  'Welche Angebote bräuchten wir zukünftig im Sozialraum, damit die soeben beschlossene Hilfe ergänzt werden könnte oder weniger intensiv notwendig wäre?';
export const peerConsultationInputSchema = z.object({
  heldOn: dateSchema,
  question: text(2000),
  moderatorId: idSchema,
  minutesId: idSchema,
  perspectiveId: idSchema,
  ideas: z.array(z.object({ source: z.enum(ideaSources.values), text: text(1000) })).max(60),
  decision: text(2000),
  closingAnswer: text(2000),
  ageCohort: z.enum(ageCohorts.values),
});
export type PeerConsultationInput = z.infer<typeof peerConsultationInputSchema>;

export const PEER_ROLES_DISTINCT =
  'Moderation, Protokoll und Perspektivwechsel übernehmen drei verschiedene Personen.';

/**
 * The three roles of a kollegiale Beratung are three different people. The role that names someone already named
 * in an earlier role (in the order moderation, minutes, perspective) is the one to change: its field, or null.
 */
export function repeatedPeerRole({
  moderatorId,
  minutesId,
  perspectiveId,
}: {
  moderatorId: string | null;
  minutesId: string | null;
  perspectiveId: string | null;
}): 'minutesId' | 'perspectiveId' | null {
  if (minutesId !== null && minutesId === moderatorId) return 'minutesId';
  if (perspectiveId !== null && (perspectiveId === moderatorId || perspectiveId === minutesId))
    return 'perspectiveId';
  return null;
}

// Hilfeplan (§ 36)
export const helpPlanInputSchema = z.object({
  applicationOn: dateSchema,
  applicant: text(300),
  meetingOn: dateSchema,
  participants: z.array(text(200)).min(1, { error: 'Bitte die Beteiligten nennen.' }).max(30),
  childParticipated: z.boolean(),
  agreedMeasures: text(4000),
  reviewOn: dateSchema,
  attainment: z.array(
    z.object({ goalId: idSchema, score: z.enum(attainmentScale.values), note: optionalText(500) }),
  ),
  /** The version this one continues (Fortschreibung); null for the first plan. */
  supersedesId: idSchema.nullable(),
});
export type HelpPlanInput = z.infer<typeof helpPlanInputSchema>;

// Familienrat
export const familyConferenceInputSchema = z.object({
  concern: text(2000),
  coordinator: optionalText(200),
  participants: optionalText(2000),
  place: optionalText(300),
  heldOn: dateSchema.nullable(),
  phase: z.enum(familyConferencePhases.values),
  familyPlan: optionalText(4000),
  officeDecision: optionalText(2000),
  followUpOn: dateSchema.nullable(),
  version: intSchema({ min: 0 }),
});
export type FamilyConferenceInput = z.infer<typeof familyConferenceInputSchema>;

// Schweigepflichtentbindung
export const consentInputSchema = z
  .object({
    personId: idSchema,
    recipient: text(300),
    purpose: text(1000),
    validFrom: dateSchema,
    validUntil: dateSchema.nullable(),
  })
  .refine((c) => c.validUntil === null || c.validUntil >= c.validFrom, {
    error: 'Das Ende darf nicht vor dem Beginn liegen.',
    path: ['validUntil'],
  });
export type ConsentInput = z.infer<typeof consentInputSchema>;

// Abschluss
/**
 * What closing does with a help that still runs or is planned: an approved one ends on the closing date with an
 * end reason, a planned one is withdrawn with a reason. Closing refuses unless every such help has its decision.
 */
export const closingMeasureDecisionSchema = z.discriminatedUnion('action', [
  z.object({
    measureId: idSchema,
    action: z.literal('beenden'),
    endReason: z.enum(endReasons.values, { error: 'Bitte einen Grund für das Ende wählen.' }),
    version: versionSchema,
  }),
  z.object({
    measureId: idSchema,
    action: z.literal('zurueckziehen'),
    reason: nameSchema(300),
    version: versionSchema,
  }),
]);
export type ClosingMeasureDecision = z.infer<typeof closingMeasureDecisionSchema>;

export const closeCaseInputSchema = z.object({
  closedOn: dateSchema,
  reason: z.enum(closingReasons.values),
  outcome: z.enum(closingOutcomes.values),
  tip: optionalText(2000),
  /** One decision for each help of the case that runs past the closing date or is still planned. */
  measures: z.array(closingMeasureDecisionSchema).max(200).optional(),
  version: versionSchema,
});
export type CloseCaseInput = z.infer<typeof closeCaseInputSchema>;

export const leadInputSchema = z.object({
  leadUserId: idSchema,
  /** Übergabenotiz: what the colleague who takes over should know; kept with the change in the Verlauf. */
  handoverNote: optionalText(2000).optional(),
  version: versionSchema,
});
export type LeadInput = z.infer<typeof leadInputSchema>;

/** Wiederaufnahme: a closed case goes back to "offen"; why is required and kept with the reopening. */
export const reopenCaseInputSchema = z.object({ reason: textSchema(2000), version: versionSchema });
export type ReopenCaseInput = z.infer<typeof reopenCaseInputSchema>;
