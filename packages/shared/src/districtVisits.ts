import { ageCohorts, labelled } from './catalogues.ts';
import { idSchema, intSchema, nameSchema, optionalTextSchema, textSchema, versionSchema } from './common.ts';
import { dateSchema } from './dates.ts';
import { z } from './zod.ts';

/**
 * Case-independent work in the district and networks by age cohort (docs/district-visits-and-networks.md):
 * Institutionenbesuche on the fixed card, Stadtteilbegehungen, the ten-minute Erkundung after a counselling talk,
 * case-independent talks and networks. None of it may hold personal data of clients.
 */

/** The two kinds of talk: the ten-minute exploration after a counselling talk and a case-independent talk. */
export const districtTalkKinds = labelled({
  erkundung: 'Sozialraumerkundung (10 Minuten nach einem Beratungsgespräch)',
  gespraech: 'Fallunabhängiges Gespräch',
});
export type DistrictTalkKind = (typeof districtTalkKinds.values)[number];

const ref = z.object({ id: idSchema, name: z.string() });
const cohort = z.enum(ageCohorts.values, { error: 'Bitte eine Altersgruppe wählen.' });

export const visitFollowUpInputSchema = z.object({
  dueOn: dateSchema,
  text: nameSchema(300),
  done: z.boolean().default(false),
});

/** An Institutionenbesuch on the fixed card. */
export const institutionVisitInputSchema = z.object({
  institutionName: nameSchema(200),
  districtId: idSchema,
  /** The Stadtteilatlas entry, once the atlas exists; kept without a reference until then. */
  atlasEntryId: idSchema.nullable().default(null),
  visitedOn: dateSchema,
  offers: optionalTextSchema(4000).default(''),
  contacts: optionalTextSchema(2000).default(''),
  accessRoutes: optionalTextSchema(2000).default(''),
  needsSeen: optionalTextSchema(2000).default(''),
  agreements: optionalTextSchema(2000).default(''),
  followUps: z.array(visitFollowUpInputSchema).max(20, { error: 'Höchstens 20 Wiedervorlagen.' }).default([]),
});
export type InstitutionVisitInput = z.input<typeof institutionVisitInputSchema>;
export const institutionVisitUpdateSchema = institutionVisitInputSchema.extend({ version: versionSchema });

export const institutionVisitSummarySchema = z.object({
  id: idSchema,
  institutionName: z.string(),
  district: ref,
  visitedOn: z.string(),
  visitor: ref,
  openFollowUps: z.int(),
});
export type InstitutionVisitSummary = z.infer<typeof institutionVisitSummarySchema>;

const namedNeedSchema = z.object({ id: idSchema, text: z.string(), ageCohort: z.enum(ageCohorts.values) });

export const institutionVisitDetailSchema = institutionVisitSummarySchema.extend({
  version: z.int(),
  atlasEntryId: idSchema.nullable(),
  offers: z.string(),
  contacts: z.string(),
  accessRoutes: z.string(),
  needsSeen: z.string(),
  agreements: z.string(),
  followUps: z.array(z.object({ id: idSchema, dueOn: z.string(), text: z.string(), done: z.boolean() })),
  needs: z.array(namedNeedSchema),
});
export type InstitutionVisitDetail = z.infer<typeof institutionVisitDetailSchema>;

/** The institutions the team visited, with how often and when last. */
export const visitedInstitutionSchema = z.object({
  institutionName: z.string(),
  district: ref,
  visits: z.int(),
  lastVisitedOn: z.string(),
});
export type VisitedInstitution = z.infer<typeof visitedInstitutionSchema>;

/** A Stadtteilbegehung. */
export const districtWalkInputSchema = z.object({
  districtId: idSchema,
  walkedOn: dateSchema,
  participants: nameSchema(500),
  observations: optionalTextSchema(4000).default(''),
});
export type DistrictWalkInput = z.input<typeof districtWalkInputSchema>;
export const districtWalkUpdateSchema = districtWalkInputSchema.extend({ version: versionSchema });

export const districtWalkSchema = z.object({
  id: idSchema,
  version: z.int(),
  district: ref,
  walkedOn: z.string(),
  participants: z.string(),
  observations: z.string(),
  needs: z.array(namedNeedSchema),
});
export type DistrictWalk = z.infer<typeof districtWalkSchema>;

/** An Erkundung or a case-independent talk: a topic and notes, never a client's name. */
export const districtTalkInputSchema = z.object({
  kind: z.enum(districtTalkKinds.values, { error: 'Bitte die Art wählen.' }),
  districtId: idSchema,
  heldOn: dateSchema,
  topic: nameSchema(200),
  notes: optionalTextSchema(4000).default(''),
});
export type DistrictTalkInput = z.input<typeof districtTalkInputSchema>;
export const districtTalkUpdateSchema = districtTalkInputSchema.extend({ version: versionSchema });

export const districtTalkSchema = z.object({
  id: idSchema,
  version: z.int(),
  kind: z.enum(districtTalkKinds.values),
  district: ref,
  heldOn: z.string(),
  topic: z.string(),
  notes: z.string(),
  needs: z.array(namedNeedSchema),
});
export type DistrictTalk = z.infer<typeof districtTalkSchema>;

/** A need named in a visit, walk, talk or network meeting; the district is the record's unless it has none. */
export const recordNeedInputSchema = z.object({
  ageCohort: cohort.optional(),
  text: nameSchema(300),
  districtId: idSchema.optional(),
});
export type RecordNeedInput = z.input<typeof recordNeedInputSchema>;

export const networkExternalMemberSchema = z.object({
  name: nameSchema(200),
  organisation: optionalTextSchema(200).default(''),
});

/** A network by age cohort, for a district or a Sozialzentrum. */
export const networkInputSchema = z.object({
  name: nameSchema(200),
  ageCohort: cohort,
  districtId: idSchema.nullable().default(null),
  socialCentreId: idSchema.nullable().default(null),
  staffUserIds: z.array(idSchema).max(100).default([]),
  externalMembers: z.array(networkExternalMemberSchema).max(200).default([]),
  rulesOfProcedure: optionalTextSchema(20000).default(''),
});
export type NetworkInput = z.input<typeof networkInputSchema>;
export const networkUpdateSchema = networkInputSchema.extend({ version: versionSchema });

export const networkSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  ageCohort: z.enum(ageCohorts.values),
  district: ref.nullable(),
  socialCentre: ref.nullable(),
  members: z.int(),
  lastMeetingOn: z.string().nullable(),
});
export type NetworkSummary = z.infer<typeof networkSummarySchema>;

export const networkMeetingInputSchema = z.object({
  heldOn: dateSchema,
  minutes: textSchema(20000),
  agreements: optionalTextSchema(4000).default(''),
});
export type NetworkMeetingInput = z.input<typeof networkMeetingInputSchema>;
export const networkMeetingUpdateSchema = networkMeetingInputSchema.extend({ version: versionSchema });

export const networkMeetingSchema = z.object({
  id: idSchema,
  version: z.int(),
  heldOn: z.string(),
  minutes: z.string(),
  agreements: z.string(),
  needs: z.array(namedNeedSchema),
});
export type NetworkMeeting = z.infer<typeof networkMeetingSchema>;

export const networkDetailSchema = networkSummarySchema.extend({
  version: z.int(),
  staff: z.array(ref),
  externalMembers: z.array(z.object({ name: z.string(), organisation: z.string() })),
  rulesOfProcedure: z.string(),
  meetings: z.array(networkMeetingSchema),
});
export type NetworkDetail = z.infer<typeof networkDetailSchema>;

/** What controlling sees: counts per district and kind of work in a year, nothing else. */
export const districtWorkCountsSchema = z.object({
  year: z.int(),
  rows: z.array(
    z.object({
      district: ref,
      visits: z.int(),
      walks: z.int(),
      explorations: z.int(),
      talks: z.int(),
      networkMeetings: z.int(),
    }),
  ),
});
export type DistrictWorkCounts = z.infer<typeof districtWorkCountsSchema>;
export const districtWorkYearSchema = intSchema({ min: 2000, max: 2100 });
