import { labelled } from './catalogues.ts';
import { idSchema, textSchema } from './common.ts';
import { z } from './zod.ts';

/**
 * Data protection (docs/data-protection.md): § 65 SGB VIII anvertraute Daten and the Auskunft (Art. 15 DSGVO,
 * § 83 SGB X).
 */

/** What everyone but the confidant (and whom she shared it with) sees in place of a confided item. */
export const CONFIDED_PLACEHOLDER = 'Anvertraute Angabe (§ 65 SGB VIII) — nicht sichtbar';

/**
 * What a loader reads content for: the screen ('view'), a PDF of the file ('pdf'), an export or handover package
 * ('export'), an Auskunft ('disclose'). Only 'view' shows confided content without a recorded release.
 */
export const contentUses = ['view', 'pdf', 'export', 'disclose'] as const;
export type ContentUse = (typeof contentUses)[number];

export const confidedItemTypes = labelled({
  case_note: 'Aktenvermerk',
  case_document: 'Datei',
  risk_consultation: 'Kurzberatung',
  will_and_goals: 'Wille und Ziele',
  mandate: 'Auftrag oder Auflage',
  measure: 'Hilfe',
  child_protection_check: 'Kinderschutzmeldung (§ 8a)',
  protection_measure: 'Schutzmaßnahme',
  family_conference: 'Familienrat',
  help_plan: 'Hilfeplan',
  goal: 'Handlungsziel',
  resource: 'Ressource',
  network_tie: 'Eintrag der Netzwerkkarte',
});
export type ConfidedItemType = (typeof confidedItemTypes.values)[number];

/** The consent or legal exception under which confided content may leave the office (§ 65 Abs. 1 Nr. 1-5). */
export const releaseBases = labelled({
  einwilligung: 'Einwilligung der Person, die es anvertraut hat',
  gesetzliche_befugnis: 'Gesetzliche Befugnis (§ 65 Abs. 1 Nr. 2-5 SGB VIII)',
});
export type ReleaseBasis = (typeof releaseBases.values)[number];

const ref = z.object({ id: idSchema, name: z.string() });

/** The marking as a reader sees it: to whom it was confided, whether its content is withheld from her. */
export const confidedMarkSchema = z.object({
  id: idSchema,
  confidedTo: ref,
  /** The content is replaced by the placeholder for this reader. */
  withheld: z.boolean(),
  releaseBasis: z.enum(releaseBases.values).nullable(),
  /** The reader is the confidant or the marking author: she shares, revokes and records a release. */
  mayManage: z.boolean(),
  /** Active shares (only for who may manage; empty for everyone else). */
  sharedWith: z.array(ref),
});
export type ConfidedMark = z.infer<typeof confidedMarkSchema>;

export const confidedMarkInputSchema = z.object({
  itemType: z.enum(confidedItemTypes.values),
  itemId: idSchema,
  /** The member of staff it was confided to; null: the one marking it. */
  confidedTo: idSchema.nullable(),
});
export type ConfidedMarkInput = z.infer<typeof confidedMarkInputSchema>;

export const confidedShareInputSchema = z.object({ userId: idSchema });
export const confidedReleaseInputSchema = z.object({
  basis: z.enum(releaseBases.values),
  note: textSchema(1000),
});
export type ConfidedReleaseInput = z.infer<typeof confidedReleaseInputSchema>;

/** An uploaded file as the case page lists it. */
export const caseDocumentEntrySchema = z.object({
  id: idSchema,
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  uploadedAt: z.string(),
  confided: confidedMarkSchema.nullable(),
});

/** A Schweigepflichtentbindung of the case. */
export const caseConsentSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  recipient: z.string(),
  purpose: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  revokedOn: z.string().nullable(),
  active: z.boolean(),
});

/** A part of the file the Auskunft does not give, named by kind and reason, never by content. */
export const withheldPartSchema = z.object({
  kind: z.string(),
  caseNumber: z.string().nullable(),
  date: z.string().nullable(),
  reason: z.string(),
});
export type WithheldPart = z.infer<typeof withheldPartSchema>;

/** The Auskunft about a person (Art. 15 DSGVO, § 83 SGB X), as JSON; the PDF shows the same. */
export const disclosureSchema = z.object({
  producedAt: z.string(),
  person: z.object({
    id: idSchema,
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string().nullable(),
    gender: z.string(),
    language: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  households: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      address: z.string(),
      role: z.string(),
      custody: z.string().nullable(),
    }),
  ),
  cases: z.array(
    z.object({
      id: idSchema,
      caseNumber: z.string(),
      openedOn: z.string(),
      status: z.string(),
      closedOn: z.string().nullable(),
      accessRoute: z.string(),
      concern: z.string(),
      notes: z.array(z.object({ occurredAt: z.string(), kind: z.string(), text: z.string() })),
      documents: z.array(z.object({ fileName: z.string(), uploadedAt: z.string(), contentType: z.string() })),
      /** Wille und Ziele (null: none recorded, or withheld under § 65 and listed as such). */
      willAndGoals: z.object({ will: z.string(), directionGoal: z.string() }).nullable(),
      mandates: z.array(
        z.object({
          kind: z.string(),
          text: z.string(),
          addressee: z.string(),
          dueOn: z.string(),
          result: z.string(),
        }),
      ),
      /**
       * The Hilfen of the case with the payments made for them (exact decimal amounts). Help type, period,
       * provider, status and payments are always given; the reasons are null when withheld under § 65 (listed).
       */
      measures: z.array(
        z.object({
          helpType: z.string(),
          person: z.string(),
          provider: z.string().nullable(),
          beginOn: z.string(),
          plannedEndOn: z.string().nullable(),
          endOn: z.string().nullable(),
          status: z.string(),
          beginReason: z.string().nullable(),
          withdrawReason: z.string().nullable(),
          payments: z.array(z.object({ month: z.string(), amount: z.string() })),
          /** The sum of the payments, exact (decimal string, euros). */
          paid: z.string(),
        }),
      ),
      /** The Familienrat; its texts are null when withheld under § 65 (listed), date and phase stay. */
      familyConference: z
        .object({
          phase: z.string(),
          heldOn: z.string().nullable(),
          followUpOn: z.string().nullable(),
          concern: z.string().nullable(),
          familyPlan: z.string().nullable(),
          officeDecision: z.string().nullable(),
        })
        .nullable(),
      /**
       * The Hilfepläne (every version). A confided version, a confided Handlungsziel and a direction goal under
       * Wille und Ziele's mark are left out and listed as withheld; the participants' names are third parties'.
       */
      helpPlans: z.array(
        z.object({
          versionNo: z.int(),
          meetingOn: z.string(),
          reviewOn: z.string(),
          childParticipated: z.boolean(),
          directionGoal: z.string().nullable(),
          goals: z.array(
            z.object({
              text: z.string(),
              dueOn: z.string(),
              attainment: z.object({ score: z.string(), note: z.string().nullable() }).nullable(),
            }),
          ),
          agreedMeasures: z.string(),
        }),
      ),
    }),
  ),
  /** Who read or exported the person's data (from the audit log): when, who, what. */
  reads: z.array(z.object({ at: z.string(), by: z.string(), action: z.string(), what: z.string() })),
  withheld: z.array(withheldPartSchema),
});
export type Disclosure = z.infer<typeof disclosureSchema>;
