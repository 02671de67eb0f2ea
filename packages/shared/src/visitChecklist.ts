import { labelled } from './catalogues.ts';
import { optionalTextSchema, versionSchema } from './common.ts';
import { z } from './zod.ts';

/**
 * The Einschätzungshilfe of a home visit (docs/child-protection.md): five areas of the child's everyday life, each
 * judged unauffällig, auffällig or nicht beurteilbar, with a note. The Hausbesuchsmappe prints it as a sheet to tick;
 * the answers are entered back as the record of the § 8a check's visit (Inaugenscheinnahme).
 */
export const cpChecklistAreas = labelled({
  wohnsituation: 'Wohnsituation',
  versorgung: 'Versorgung (Ernährung, Kleidung, Hygiene)',
  aufsicht: 'Aufsicht',
  gesundheit: 'Gesundheit',
  entwicklung: 'Entwicklung',
});
export type CpChecklistArea = (typeof cpChecklistAreas.values)[number];

export const cpChecklistRatings = labelled({
  unauffaellig: 'unauffällig',
  auffaellig: 'auffällig',
  nicht_beurteilbar: 'nicht beurteilbar',
});
export type CpChecklistRating = (typeof cpChecklistRatings.values)[number];

/** What to look at in each area: printed under the area on the visit sheet, shown as the form's hint. */
export const cpChecklistGuide: Record<CpChecklistArea, string> = {
  wohnsituation:
    'Größe und Zustand der Wohnung, Sauberkeit, Heizung, Strom und Wasser; ein eigener Schlafplatz des Kindes; ' +
    'Gefahrenquellen in Reichweite (Medikamente, Alkohol, Drogen, Waffen, offene Stromleitungen).',
  versorgung:
    'Lebensmittel im Haushalt und regelmäßige Mahlzeiten; wetter- und altersgerechte Kleidung; Körperpflege, ' +
    'Windeln, Zahnpflege.',
  aufsicht:
    'Wer betreut das Kind wann? Beaufsichtigung dem Alter entsprechend, auch abends und nachts; wird das Kind ' +
    'allein gelassen oder mit ungeeigneten Personen?',
  gesundheit:
    'Sichtbare Verletzungen (Hämatome, Verbrennungen, Narben), Krankheiten und ihre Behandlung, ' +
    'Vorsorgeuntersuchungen (U-Heft), Impfungen, Zahngesundheit.',
  entwicklung:
    'Körperliche, sprachliche, emotionale und soziale Entwicklung dem Alter entsprechend; Besuch von Kita oder ' +
    'Schule; wie das Kind mit seinen Bezugspersonen umgeht.',
};

const entrySchema = z.object({
  area: z.enum(cpChecklistAreas.values),
  rating: z.enum(cpChecklistRatings.values),
  note: optionalTextSchema(2000).nullable(),
});

/** The answers of one visit: every area once; an area found auffällig says what was seen. */
export const cpVisitChecklistInputSchema = z.object({
  areas: z
    .array(entrySchema)
    .max(cpChecklistAreas.values.length)
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((e, i) => {
        if (seen.has(e.area))
          ctx.addIssue({
            code: 'custom',
            message: `Der Bereich ${cpChecklistAreas.labels[e.area]} ist doppelt angegeben.`,
            path: [i, 'area'],
          });
        seen.add(e.area);
        if (e.rating === 'auffaellig' && !e.note?.trim())
          ctx.addIssue({
            code: 'custom',
            message: 'Bitte beschreiben, was auffällig war.',
            path: [i, 'note'],
          });
      });
      const missing = cpChecklistAreas.values.filter((a) => !seen.has(a));
      if (missing.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: `Bitte jeden Bereich einschätzen (es fehlt: ${missing.map((a) => cpChecklistAreas.labels[a]).join(', ')}).`,
          path: [],
        });
    }),
  version: versionSchema,
});
export type CpVisitChecklistInput = z.infer<typeof cpVisitChecklistInputSchema>;

/** The recorded answers, in the order of the areas. */
export const cpVisitChecklistSchema = z.object({
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  areas: z.array(
    z.object({
      area: z.enum(cpChecklistAreas.values),
      rating: z.enum(cpChecklistRatings.values),
      note: z.string().nullable(),
    }),
  ),
});
export type CpVisitChecklist = z.infer<typeof cpVisitChecklistSchema>;
