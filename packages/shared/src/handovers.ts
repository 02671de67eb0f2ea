import { closingMeasureDecisionSchema } from './caseInputs.ts';
import { closingOutcomes, labelled } from './catalogues.ts';
import { idSchema, nameSchema, optionalTextSchema, textSchema, versionSchema } from './common.ts';
import { dateSchema } from './dates.ts';
import { addressInputSchema } from './persons.ts';
import { z } from './zod.ts';

/**
 * Handovers beyond the team and transmissions to institutions (docs/handovers.md): a case moves to another team when
 * the family moves, is handed to another Jugendamt (§ 86c SGB VIII), and leaves the office as a document only with
 * a valid Schweigepflichtentbindung or a legal basis from this list.
 */

/** The legal bases a transmission without consent may rest on (social data: §§ 61-65 SGB VIII, §§ 67-78 SGB X). */
export const legalBases = labelled({
  sgb8_8a_2: '§ 8a Abs. 2 SGB VIII: Anrufung des Familiengerichts bei Kindeswohlgefährdung',
  sgb8_8a_3: '§ 8a Abs. 3 SGB VIII: Einschaltung anderer Leistungsträger, der Polizei oder Einrichtungen',
  sgb8_50: '§ 50 SGB VIII: Mitwirkung in Verfahren vor den Familiengerichten',
  sgb8_64_2:
    '§ 64 Abs. 2 SGB VIII: Übermittlung zur Erfüllung der Aufgabe, ohne den Erfolg der Leistung zu gefährden',
  sgb8_65_1_3:
    '§ 65 Abs. 1 Satz 1 Nr. 3 SGB VIII: Weitergabe an das bei Zuständigkeitswechsel zuständige Jugendamt',
  sgb8_86c: '§ 86c SGB VIII: Fallübergabe bei Wechsel der örtlichen Zuständigkeit',
  sgb10_69_1_1: '§ 69 Abs. 1 Nr. 1 SGB X: Übermittlung zur Erfüllung einer gesetzlichen Aufgabe',
  sgb10_69_1_2: '§ 69 Abs. 1 Nr. 2 SGB X: Durchführung eines gerichtlichen Verfahrens',
});
export type LegalBasis = (typeof legalBases.values)[number];

/** Whom a document of the case goes to. */
export const recipientKinds = labelled({
  familiengericht: 'Familiengericht',
  traeger: 'Träger (Leistungserbringer)',
  jugendamt: 'anderes Jugendamt',
  sonstige_stelle: 'andere Stelle',
});
export type RecipientKind = (typeof recipientKinds.values)[number];

/** What was transmitted. */
export const transmissionDocumentKinds = labelled({
  bericht: 'Bericht aus der Fallakte',
  uebergabepaket: 'Übergabepaket (§ 86c SGB VIII)',
});

/**
 * On what a transmission rests: a Schweigepflichtentbindung of the case (valid that day, not revoked) or a legal
 * basis from the list. Exactly one of them; without either nothing is produced.
 */
const basisShape = {
  consentId: idSchema.optional(),
  legalBasis: z
    .enum(legalBases.values, { error: 'Bitte eine Rechtsgrundlage aus der Liste wählen.' })
    .optional(),
};
function requireOneBasis(b: { consentId?: string; legalBasis?: string }, ctx: z.RefinementCtx) {
  if (b.consentId === undefined && b.legalBasis === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['legalBasis'],
      message: 'Bitte eine gültige Schweigepflichtentbindung oder eine Rechtsgrundlage wählen.',
    });
  if (b.consentId !== undefined && b.legalBasis !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['consentId'],
      message:
        'Bitte entweder eine Schweigepflichtentbindung oder eine Rechtsgrundlage wählen, nicht beides.',
    });
}
export const transmissionBasisSchema = z.object(basisShape).superRefine(requireOneBasis);
export type TransmissionBasis = z.infer<typeof transmissionBasisSchema>;

/** A report of the case for an institution (family court, provider, another office). */
export const caseReportInputSchema = z
  .object({
    ...basisShape,
    recipientKind: z.enum(recipientKinds.values),
    recipient: nameSchema(300),
    purpose: optionalTextSchema(1000),
  })
  .superRefine(requireOneBasis);
export type CaseReportInput = z.infer<typeof caseReportInputSchema>;

/**
 * Fall umziehen: the family moved. A new address recomputes the responsible team from the street directory; a team
 * lead may name the team instead (or as well). Access given to the former team in the same step ends on a day.
 */
export const moveCaseInputSchema = z
  .object({
    address: addressInputSchema.nullable().optional(),
    teamId: idSchema.nullable().optional(),
    reason: textSchema(2000),
    grant: z.object({ userId: idSchema, validUntil: dateSchema }).nullable().optional(),
    version: versionSchema,
  })
  .refine((m) => Boolean(m.address) || Boolean(m.teamId), {
    error: 'Bitte die neue Anschrift oder das übernehmende Team angeben.',
    path: ['address'],
  });
export type MoveCaseInput = z.infer<typeof moveCaseInputSchema>;

/**
 * Abgabe an ein anderes Jugendamt (§ 86c SGB VIII): closes the case here (with the closing rule's decisions on every
 * running or planned help) and keeps the transfer record.
 */
export const transferCaseInputSchema = z.object({
  receivingOffice: nameSchema(300),
  transferredOn: dateSchema,
  reason: textSchema(2000),
  outcome: z.enum(closingOutcomes.values),
  measures: z.array(closingMeasureDecisionSchema).max(200).optional(),
  version: versionSchema,
});
export type TransferCaseInput = z.infer<typeof transferCaseInputSchema>;

const ref = z.object({ id: idSchema, name: z.string() });

export const caseTransmissionSchema = z.object({
  id: idSchema,
  documentKind: z.enum(transmissionDocumentKinds.values),
  recipientKind: z.enum(recipientKinds.values),
  recipient: z.string(),
  /** The consent it rested on (null when a legal basis was chosen). */
  consent: z.object({ id: idSchema, personName: z.string(), recipient: z.string() }).nullable(),
  legalBasis: z.enum(legalBases.values).nullable(),
  transmittedBy: ref.nullable(),
  transmittedAt: z.string(),
});
export type CaseTransmission = z.infer<typeof caseTransmissionSchema>;

export const caseTransferSchema = z.object({
  id: idSchema,
  receivingOffice: z.string(),
  transferredOn: z.string(),
  reason: z.string(),
});
export type CaseTransfer = z.infer<typeof caseTransferSchema>;
