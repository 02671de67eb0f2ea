import { labelled } from './catalogues.ts';
import { idSchema, lineSchema, nameSchema, textSchema, versionSchema } from './common.ts';
import { confidedMarkSchema } from './dataProtection.ts';
import { dateSchema, instantSchema } from './dates.ts';
import { pageQuerySchema, pageSchema } from './pagination.ts';
import { z } from './zod.ts';

/** Aktenvermerke: the chronology of contacts and notes of a case (docs/domain.md, section 2). */

export const caseNoteKinds = labelled({
  hausbesuch: 'Hausbesuch',
  gespraech_im_amt: 'Gespräch im Amt',
  telefonat: 'Telefonat',
  fachgespraech: 'Fachgespräch',
  schriftverkehr: 'Schriftverkehr',
  sonstiges: 'sonstiges',
});
export type CaseNoteKind = (typeof caseNoteKinds.values)[number];

/**
 * Records of the case a note can be attached to ("a § 8a step carries its notes"). The key is the record's entity
 * type; each one has a check in the server (caseNotes/links.ts) that the record belongs to the note's case.
 */
export const caseNoteLinkTypes = labelled({
  mandate: 'Auftrag/Auflage',
  risk_consultation: 'Kurzberatung',
  help_plan: 'Hilfeplan',
});
export type CaseNoteLinkType = (typeof caseNoteLinkTypes.values)[number];

/** The author may change a note for this long after writing it; then it is fixed and corrected by a new note. */
export const CASE_NOTE_EDIT_HOURS = 24;

const linkSchema = z.object({ type: z.enum(caseNoteLinkTypes.values), id: idSchema });

const noteFields = {
  occurredAt: instantSchema,
  kind: z.enum(caseNoteKinds.values),
  /** Colleagues who took part (staff of the Jugendamt). */
  staffIds: z.array(idSchema).max(20, { error: 'Höchstens 20 Fachkräfte.' }),
  /** Everybody else who took part, one per entry ("Frau B. (Mutter)", "Kita Sonnenschein"). */
  others: z.array(nameSchema(200)).max(20, { error: 'Höchstens 20 weitere Beteiligte.' }),
  text: textSchema(20000),
  link: linkSchema.nullable(),
};

export const caseNoteInputSchema = z.object({
  ...noteFields,
  /** A correction names the note it corrects (a note older than 24 hours is corrected, never changed). */
  correctsId: idSchema.nullable(),
  /** § 65 SGB VIII: mark it as confided, to `confidedTo` (absent: to the author). */
  confided: z.boolean().optional(),
  confidedTo: idSchema.optional(),
});
export type CaseNoteInput = z.infer<typeof caseNoteInputSchema>;

export const caseNoteUpdateSchema = z.object({ ...noteFields, version: versionSchema });
export type CaseNoteUpdate = z.infer<typeof caseNoteUpdateSchema>;

export const caseNoteQuerySchema = pageQuerySchema.extend({
  kind: z.enum(caseNoteKinds.values).optional(),
  /** Berlin calendar days, both included. */
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  /** Words in the text or among the other participants. */
  q: lineSchema(100).optional(),
  linkType: z.enum(caseNoteLinkTypes.values).optional(),
  linkId: idSchema.optional(),
});
export type CaseNoteQuery = z.infer<typeof caseNoteQuerySchema>;

const ref = z.object({ id: idSchema, name: z.string() });

export const caseNoteSchema = z.object({
  id: idSchema,
  occurredAt: z.string(),
  kind: z.enum(caseNoteKinds.values),
  staff: z.array(ref),
  others: z.array(z.string()),
  text: z.string(),
  author: ref,
  createdAt: z.string(),
  /** Last change by the author within the 24 hours; null when never changed. */
  updatedAt: z.string().nullable(),
  /** Until when the author may change it. */
  editableUntil: z.string(),
  /** Whether the reader may change it now (the author, within the 24 hours, the case open). */
  mayEdit: z.boolean(),
  version: z.int(),
  link: linkSchema.nullable(),
  /** The note this one corrects, as it stands. */
  corrects: z
    .object({
      id: idSchema,
      occurredAt: z.string(),
      kind: z.enum(caseNoteKinds.values),
      author: z.string(),
      text: z.string(),
    })
    .nullable(),
  /** The corrections written to this note, oldest first. */
  correctedBy: z.array(z.object({ id: idSchema, createdAt: z.string(), author: z.string() })),
  /** The § 65 marking (null: not confided); when withheld, text and others are the placeholder. */
  confided: confidedMarkSchema.nullable(),
});
export type CaseNote = z.infer<typeof caseNoteSchema>;

export const caseNotePageSchema = pageSchema(caseNoteSchema);
export type CaseNotePage = z.infer<typeof caseNotePageSchema>;

/** A note as the case's Verlauf lists it (the entry's text holds its kind and the start of its text). */
export const timelineNoteSchema = z.object({
  id: idSchema,
  kind: z.enum(caseNoteKinds.values),
  occurredAt: z.string(),
  author: z.string(),
  correctsId: idSchema.nullable(),
  /** A later note corrects this one. */
  corrected: z.boolean(),
  /** § 65: confided; `withheld` when the reader sees the placeholder. */
  confided: z.object({ withheld: z.boolean() }).nullable(),
});
export type TimelineNote = z.infer<typeof timelineNoteSchema>;

export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: z.string(),
  text: z.string(),
  /** Set on an Aktenvermerk (kind 'vermerk'); the other entries are system events. */
  note: timelineNoteSchema.optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
