import { labelled } from './catalogues.ts';
import { idSchema } from './common.ts';
import { z } from './zod.ts';

/**
 * The statistic of § 8a assessments (§ 99 Abs. 6 SGB VIII) for a year: one record per assessment completed in the
 * year, as a CSV (docs/child-protection-statistics.md). Before the export a check lists the records that lack a
 * field the statistic requires; the export marks them instead of refusing.
 */

export const cpStatisticsQuerySchema = z.object({
  year: z.coerce
    .number({ error: 'Bitte ein Jahr angeben.' })
    .int({ error: 'Bitte ein Jahr angeben.' })
    .min(2000, { error: 'Bitte ein Jahr ab 2000 angeben.' })
    .max(2100, { error: 'Bitte ein Jahr bis 2100 angeben.' }),
});

/** The fields of a record that can be missing, with what the office has to do about each. */
export const cpStatisticsFields = labelled({
  birthDate: 'Geburtsmonat und -jahr des Kindes',
  residence: 'Aufenthaltsort des Kindes',
  motherAgeGroup: 'Alter der Mutter (bei unbekanntem Alter bitte schätzen)',
  fatherAgeGroup: 'Alter des Vaters (bei unbekanntem Alter bitte schätzen)',
  parentForeignOrigin: 'Ausländische Herkunft mindestens eines Elternteils',
  germanAtHome: 'In der Familie vorrangig Deutsch gesprochen',
  servicesInUse: 'Inanspruchnahme von Leistungen zum Zeitpunkt der Einschätzung',
  serviceKinds: 'Art der in Anspruch genommenen Leistungen',
  endangermentTypes: 'Art der Kindeswohlgefährdung',
  dangerSources: 'Von wem die Gefährdung ausgeht',
});
export type CpStatisticsField = (typeof cpStatisticsFields.values)[number];

/** The check before the export: how many records the year has, and those lacking a required field (no names). */
export const cpStatisticsCheckSchema = z.object({
  year: z.int(),
  records: z.int(),
  incomplete: z.array(
    z.object({
      checkId: idSchema,
      caseId: idSchema,
      caseNumber: z.string(),
      completedOn: z.string(),
      missing: z.array(z.enum(cpStatisticsFields.values)),
    }),
  ),
});
export type CpStatisticsCheck = z.infer<typeof cpStatisticsCheckSchema>;
