import { ageCohorts, labelled } from './catalogues.ts';
import { idSchema, lineSchema, nameSchema, optionalTextSchema, versionSchema } from './common.ts';
import { dateSchema } from './dates.ts';
import { z } from './zod.ts';

/**
 * The Wochenkonferenz of a Stadtteilteam (docs/conference-and-team.md): agenda and minutes per team and week in the
 * five rubrics of the method. Four rubrics hold items people add; the fifth, Tipps aus abgeschlossenen Fällen, is
 * filled from the closing tips of the team's cases closed since the team's previous conference.
 */
export const conferenceRubrics = labelled({
  fallberatung: 'Fallberatungen (kollegiale Beratung)',
  kurzberatung: 'Kurzberatungen zur Risikoeinschätzung',
  tipps_themen: 'Tipps und Themen aus dem Stadtteil',
  bedarfsrunde: 'Bedarfsrunde',
});
export type ConferenceRubric = (typeof conferenceRubrics.values)[number];

export const conferenceInputSchema = z.object({
  teamId: idSchema,
  heldOn: dateSchema,
});
export type ConferenceInput = z.infer<typeof conferenceInputSchema>;

/** An agenda item. A case, need or micro-project it touches is named by id (checked on the server). */
export const conferenceItemInputSchema = z.object({
  rubric: z.enum(['fallberatung', 'kurzberatung', 'tipps_themen'], { error: 'Bitte eine Rubrik wählen.' }),
  title: nameSchema(200),
  body: optionalTextSchema(4000).optional(),
  caseId: idSchema.nullable().optional(),
  microProjectId: idSchema.nullable().optional(),
});
export type ConferenceItemInput = z.infer<typeof conferenceItemInputSchema>;

/** A need named in the Bedarfsrunde: recorded through the needs workflow with the source "bedarfsrunde". */
export const conferenceNeedInputSchema = z.object({
  districtId: idSchema,
  ageCohort: z.enum(ageCohorts.values, { error: 'Bitte eine Altersgruppe wählen.' }),
  text: nameSchema(300),
});
export type ConferenceNeedInput = z.infer<typeof conferenceNeedInputSchema>;

export const conferenceUpdateSchema = z.object({
  minutes: optionalTextSchema(20000),
  attendeeIds: z.array(idSchema).max(100),
  version: versionSchema,
});
export type ConferenceUpdate = z.infer<typeof conferenceUpdateSchema>;

/** A CM registers her case for the team's next conference (from the case page). */
export const conferenceRegistrationSchema = z.object({
  rubric: z.enum(['fallberatung', 'kurzberatung'], { error: 'Bitte eine Rubrik wählen.' }),
  question: nameSchema(300),
});
export type ConferenceRegistrationInput = z.infer<typeof conferenceRegistrationSchema>;

const ref = z.object({ id: idSchema, name: z.string() });

export const conferenceSummarySchema = z.object({
  id: idSchema,
  team: ref,
  heldOn: z.string(),
  items: z.int(),
  attendees: z.int(),
});
export type ConferenceSummary = z.infer<typeof conferenceSummarySchema>;

export const conferenceItemSchema = z.object({
  id: idSchema,
  rubric: z.enum(conferenceRubrics.values),
  title: z.string(),
  body: z.string(),
  case: z.object({ id: idSchema, caseNumber: z.string() }).nullable(),
  need: z.object({ id: idSchema, text: z.string() }).nullable(),
  microProject: ref.nullable(),
  createdBy: z.string().nullable(),
});
export type ConferenceItem = z.infer<typeof conferenceItemSchema>;

export const closingTipSchema = z.object({
  caseId: idSchema,
  caseNumber: z.string(),
  closedOn: z.string(),
  tip: z.string().nullable(),
  /** The case was reopened since: the closing comes from its reopening record. */
  reopened: z.boolean(),
});
export type ClosingTip = z.infer<typeof closingTipSchema>;

export const conferenceDetailSchema = z.object({
  id: idSchema,
  team: ref,
  heldOn: z.string(),
  /** The closings counted are those after this day (the team's previous conference), up to heldOn. */
  closedAfter: z.string(),
  minutes: z.string(),
  version: z.int(),
  items: z.array(conferenceItemSchema),
  closingTips: z.array(closingTipSchema),
  members: z.array(z.object({ id: idSchema, name: z.string(), present: z.boolean() })),
  mayManage: z.boolean(),
});
export type ConferenceDetail = z.infer<typeof conferenceDetailSchema>;

export const topicSearchSchema = z.object({ q: lineSchema(100) });
export const topicHitSchema = z.object({
  conferenceId: idSchema,
  heldOn: z.string(),
  team: ref,
  title: z.string(),
  body: z.string(),
});
export type TopicHit = z.infer<typeof topicHitSchema>;
