import { labelled } from './catalogues.ts';
import { idSchema } from './common.ts';
import { z } from './zod.ts';

/**
 * The work list (Arbeitsvorrat, Wiedervorlage; docs/worklist.md): what is due in the cases a user works on,
 * overdue, today and this week, child protection first. The start page of case managers and team leads.
 */

/** What kind of deadline an item is. */
export const worklistItemKinds = labelled({
  kinderschutz_frist: 'Kinderschutzfrist',
  schutzplan_ueberpruefung: 'Überprüfung des Schutzplans',
  inobhutnahme_laeuft: 'Laufende Inobhutnahme',
  prozessschritt: 'Prozessschritt',
  hilfeplan_ueberpruefung: 'Überprüfung des Hilfeplans',
  auftrag_frist: 'Frist eines Auftrags',
  auflage_frist: 'Frist einer Auflage',
  mandat_ueberpruefung: 'Überprüfung eines Auftrags oder einer Auflage',
  massnahme_ende: 'Geplantes Ende einer Hilfe',
  massnahme_ueberfaellig: 'Hilfe läuft über ihr geplantes Ende',
  besuch_wiedervorlage: 'Wiedervorlage eines Institutionenbesuchs',
});
export type WorklistItemKind = (typeof worklistItemKinds.values)[number];

/** The kinds that are child protection: on top of each bucket, marked "Kinderschutz". */
export const childProtectionWorklistKinds: readonly WorklistItemKind[] = [
  'kinderschutz_frist',
  'schutzplan_ueberpruefung',
  'inobhutnahme_laeuft',
];

/** When an item is due: overdue, today, or later this week (until Sunday, Berlin). */
export const worklistBuckets = labelled({
  ueberfaellig: 'Überfällig',
  heute: 'Heute',
  diese_woche: 'Diese Woche',
});
export type WorklistBucket = (typeof worklistBuckets.values)[number];

/** The tab of the case page an item opens (the `bereich` of /faelle/<id>). */
export const worklistSections = ['kinderschutz', 'prozesse', 'hilfeplan', 'einordnung', 'hilfen'] as const;
export type WorklistSection = (typeof worklistSections)[number];

const ref = z.object({ id: idSchema, name: z.string() });

export const worklistItemSchema = z.object({
  /** Unique in the list: the kind of record and its id (and which deadline of it). */
  id: z.string(),
  kind: z.enum(worklistItemKinds.values),
  /** A deadline of child protection (§ 8a): listed first in every bucket. */
  childProtection: z.boolean(),
  /** What is due, in German, without personal data (e.g. the step's title). */
  title: z.string(),
  /** The case; null for case-independent work (a visit's follow-up, see `visitId`). */
  case: z.object({ id: idSchema, caseNumber: z.string(), family: z.string() }).nullable(),
  /** The lead case manager (Fallführung), or null while the case is not allocated. */
  lead: ref.nullable(),
  /** The instant of a deadline counted in hours (child protection, process steps); null for a date. */
  dueAt: z.string().nullable(),
  /** The Berlin calendar day it is due. */
  dueOn: z.string(),
  overdue: z.boolean(),
  bucket: z.enum(worklistBuckets.values),
  /** Where to work on it: the case and its tab. */
  link: z.object({ caseId: idSchema, section: z.enum(worklistSections) }).nullable(),
  /** A follow-up of an Institutionenbesuch: the visit to open (docs/district-visits-and-networks.md). */
  visitId: idSchema.optional(),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;

export const worklistCountsSchema = z.object({
  ueberfaellig: z.int(),
  heute: z.int(),
  diese_woche: z.int(),
  /** Overdue child-protection deadlines. */
  kinderschutzUeberfaellig: z.int(),
});
export type WorklistCounts = z.infer<typeof worklistCountsSchema>;

export const worklistSchema = z.object({
  /** The Berlin day the list was made for, and the last day of its week (Sunday). */
  today: z.string(),
  weekEnd: z.string(),
  items: z.array(worklistItemSchema),
  /** Counted before the list is cut (see `truncated`). */
  counts: worklistCountsSchema,
  /** More items were due than the list holds (WORKLIST_MAX_ITEMS); the overdue ones and child protection come first. */
  truncated: z.boolean(),
});
export type Worklist = z.infer<typeof worklistSchema>;

/** The most items one answer holds. */
export const WORKLIST_MAX_ITEMS = 500;

/** One row of the team's caseload: a case manager (or the cases no one leads yet). */
export const caseloadRowSchema = z.object({
  /** null: the team's open cases without a lead case manager. */
  user: ref.nullable(),
  openCases: z.int(),
  /** Open cases by their current Falleinordnung; `ohne` not yet classified. */
  byArea: z.object({ leistung: z.int(), grau: z.int(), gefaehrdung: z.int(), ohne: z.int() }),
  overdue: z.int(),
  childProtectionOverdue: z.int(),
});
export type CaseloadRow = z.infer<typeof caseloadRowSchema>;

export const teamWorklistSchema = worklistSchema.extend({
  team: ref,
  caseload: z.array(caseloadRowSchema),
});
export type TeamWorklist = z.infer<typeof teamWorklistSchema>;

export const teamWorklistQuerySchema = z.object({
  /** Only the items of cases this case manager leads. */
  leadUserId: idSchema.optional(),
});
export type TeamWorklistQuery = z.infer<typeof teamWorklistQuerySchema>;
