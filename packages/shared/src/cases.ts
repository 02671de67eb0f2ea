import {
  familyConferenceInputSchema,
  helpPlanInputSchema,
  mandateInputSchema,
  networkTieInputSchema,
  peerConsultationInputSchema,
  resourceInputSchema,
} from './caseInputs.ts';
import { timelineEntrySchema } from './caseNotes.ts';
import {
  accessRoutes,
  ageCohorts,
  attainmentScale,
  caseAreas,
  closingOutcomes,
  closingReasons,
  mandateResults,
} from './catalogues.ts';
import { idSchema, lineSchema, versionSchema } from './common.ts';
import { caseConsentSchema, caseDocumentEntrySchema, confidedMarkSchema } from './dataProtection.ts';
import { householdSchema } from './persons.ts';
import { z } from './zod.ts';

const ref = z.object({ id: idSchema, name: z.string() });

// What the case page shows
export const caseSummarySchema = z.object({
  id: idSchema,
  caseNumber: z.string(),
  title: z.string(),
  status: z.enum(['offen', 'abgeschlossen']),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  area: z.enum(caseAreas.values).nullable(),
  /** Null while the case waits on the allocation list (docs/intake.md). */
  team: ref.nullable(),
  lead: ref.nullable(),
  district: ref.nullable(),
  nextDue: z.object({ on: z.string(), what: z.string() }).nullable(),
  overdue: z.int(),
  version: versionSchema,
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

const goalSchema = z.object({
  id: idSchema,
  text: z.string(),
  dueOn: z.string(),
  steps: z.array(
    z.object({
      id: idSchema,
      who: z.string(),
      what: z.string(),
      dueOn: z.string(),
      resourceId: idSchema.nullable(),
    }),
  ),
  /** § 65: when withheld, the goal's text and its steps' who and what are the placeholder. */
  confided: confidedMarkSchema.nullable(),
});

export const helpPlanSchema = helpPlanInputSchema.omit({ attainment: true }).extend({
  id: idSchema,
  versionNo: z.int(),
  supersededBy: idSchema.nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  directionGoal: z.string(),
  goals: z.array(z.object({ id: idSchema, text: z.string(), dueOn: z.string() })),
  attainment: z.array(
    z.object({ goalId: idSchema, score: z.enum(attainmentScale.values), note: z.string().nullable() }),
  ),
  /**
   * § 65: when withheld, applicant, participants, agreed help, direction goal, the goals' texts and the attainment
   * notes are the placeholder. A goal marked on its own is withheld in every version's copy of it.
   */
  confided: confidedMarkSchema.nullable(),
});
export type HelpPlan = z.infer<typeof helpPlanSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  accessRoute: z.enum(accessRoutes.values),
  reporter: z.string().nullable(),
  concern: z.string(),
  closing: z
    .object({
      reason: z.enum(closingReasons.values),
      outcome: z.enum(closingOutcomes.values),
      tip: z.string().nullable(),
    })
    .nullable(),
  household: householdSchema,
  classifications: z.array(
    z.object({
      id: idSchema,
      area: z.enum(caseAreas.values),
      decidedOn: z.string(),
      participants: z.array(z.string()),
      facts: z.string(),
      nextSteps: z.string(),
      confided: confidedMarkSchema.nullable(),
    }),
  ),
  mandates: z.array(
    mandateInputSchema.extend({
      id: idSchema,
      version: versionSchema,
      /** Recorded before purposes and reviews existed: no review date. */
      reviewOn: z.string().nullable(),
      result: z.enum(mandateResults.values),
      overdue: z.boolean(),
      /** For an Auflage: the failed Auftrag it was escalated from. */
      escalatedFromId: idSchema.nullable(),
      /** § 65: when withheld, text and consequence are the placeholder. */
      confided: confidedMarkSchema.nullable(),
    }),
  ),
  willAndGoals: z.object({
    will: z.string(),
    directionGoal: z.string(),
    actionGoals: z.array(goalSchema),
    version: z.int(),
    /** § 65: when withheld, will and direction goal are the placeholder (and the sheet cannot be edited). */
    confided: confidedMarkSchema.nullable(),
  }),
  /** § 65: a withheld resource's description (and Stadtteilatlas entry) is the placeholder. */
  resources: z.array(
    resourceInputSchema.extend({
      id: idSchema,
      directoryEntryName: z.string().nullable(),
      confided: confidedMarkSchema.nullable(),
    }),
  ),
  /** § 65: a withheld entry's name is the placeholder (and it cannot be changed). */
  network: z.array(
    networkTieInputSchema.extend({
      id: idSchema,
      version: versionSchema,
      confided: confidedMarkSchema.nullable(),
    }),
  ),
  peerConsultations: z.array(
    peerConsultationInputSchema.extend({
      id: idSchema,
      needId: idSchema.nullable(),
      moderator: z.string(),
      minutes: z.string(),
      perspective: z.string(),
    }),
  ),
  helpPlans: z.array(helpPlanSchema),
  familyConference: familyConferenceInputSchema
    .extend({
      /** § 65: when withheld, its texts are the placeholder (date, phase and follow-up stay; it cannot be edited). */
      confided: confidedMarkSchema.nullable(),
      /** § 65: the reader saved it last (or leads a case whose record predates that) and may mark it. */
      mayMarkConfided: z.boolean(),
    })
    .nullable(),
  consents: z.array(caseConsentSchema),
  documents: z.array(caseDocumentEntrySchema),
  timeline: z.array(timelineEntrySchema),
  access: z.enum(['lead', 'deputy', 'team_lead', 'granted']),
  /** A closed case the reader may take up again (Wiederaufnahme; the rule is the server's policy). */
  mayReopen: z.boolean(),
  /** May move the case to another team, hand it to another Jugendamt and produce its handover package. */
  mayHandOver: z.boolean(),
  /**
   * § 65: the ids of the items the reader may mark as confided (her notes are on the notes' own list): files she
   * uploaded, Kurzberatungen she took part in, Aufträge she recorded, the Wille und Ziele sheet (its id is the
   * case's) and its Handlungsziele when she saved it last, the Familienrat (its id is the case's too) she saved
   * last, Hilfepläne she wrote, resources and network entries she recorded; records from before authors were kept:
   * the case's lead.
   */
  confidedMarkable: z.array(idSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/**
 * "Meine Fälle". `q` searches the household members' first and last names, a date of birth (TT.MM.JJJJ or ISO),
 * the family's name, street and house number, and the case number; every word must match. `scope`: the cases the
 * user leads, stands in for or was granted (mine), those of the team she leads (team), or every case she may read
 * (all: both together, what the search box uses).
 */
export const myCasesQuerySchema = z.object({
  status: z.enum(['offen', 'abgeschlossen', 'alle']).default('offen'),
  area: z.enum(caseAreas.values).optional(),
  q: lineSchema(100).optional(),
  sort: z.enum(['faellig', 'eingang', 'name']).default('faellig'),
  scope: z.enum(['mine', 'team', 'all']).default('mine'),
});
export type MyCasesQuery = z.infer<typeof myCasesQuerySchema>;

export const needSchema = z.object({
  id: idSchema,
  district: ref,
  ageCohort: z.enum(ageCohorts.values),
  text: z.string(),
  mentions: z.int(),
  status: z.enum(['offen', 'in_arbeit', 'erledigt']),
  createdOn: z.string(),
  /** For merging it into another need (optimistic concurrency). */
  version: z.int(),
});
export type Need = z.infer<typeof needSchema>;
