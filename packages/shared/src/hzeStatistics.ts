import { idSchema } from './common.ts';
import { z } from './zod.ts';

/**
 * The KJH statistics Teil I (erzieherische Hilfe, Eingliederungshilfe nach § 35a, Hilfe für junge Volljährige;
 * § 99 Abs. 1 SGB VIII): the code lists of the record, in ONE place for the server's validation and export and the
 * web forms (docs/hze-statistics.md maps every field). Each list is `code → German label`, in the order and with
 * the numbering of the Erhebungsbogen; the key is what the record carries.
 */

const codes = <const T extends Record<string, string>>(labels: T) => ({
  values: Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]],
  labels,
});

/** Art der Hilfe: the official code of each Hilfeart of §§ 27-35a (§ 41 is a flag on the underlying help). */
export const hzeHelpCodes = {
  '27.2': '01',
  '28': '02',
  '29': '03',
  '30': '04',
  '31': '05',
  '32': '06',
  '33': '07',
  '34': '08',
  '35': '09',
  '35a': '10',
} as const satisfies Record<string, string>;
export type HzeHelpTypeCode = keyof typeof hzeHelpCodes;

/** Unterart der Hilfe, per Hilfeart (code of the help type in the catalogue); helps not listed have none. */
export const hzeSubTypes = {
  '27.2': codes({ '1': 'am jungen Menschen orientiert', '2': 'familienorientiert', '3': 'gruppenbezogen' }),
  '33': codes({
    '1': 'allgemeine Vollzeitpflege',
    '2': 'Verwandtenpflege',
    '3': 'sozialpädagogische / heilpädagogische Pflege (§ 33 Satz 2)',
  }),
  '34': codes({
    '1': 'Heimerziehung in einer Einrichtung',
    '2': 'betreute Wohngruppe',
    '3': 'betreutes Einzelwohnen',
  }),
  '35a': codes({
    '1': 'ambulant (§ 35a Abs. 2 Nr. 1)',
    '2': 'in Tageseinrichtungen / teilstationär (Nr. 2)',
    '3': 'durch geeignete Pflegepersonen (Nr. 3)',
    '4': 'in Einrichtungen über Tag und Nacht (Nr. 4)',
  }),
} as const;
export const subTypeFor = (helpTypeCode: string) =>
  (hzeSubTypes as Record<string, { values: readonly string[]; labels: Record<string, string> }>)[
    helpTypeCode
  ];

/** Ort der Hilfe, Aufenthalt vor der Hilfe and nach dem Ende share one list. */
export const hzePlaces = codes({
  '1': 'bei den Eltern / einem Elternteil',
  '2': 'bei Verwandten',
  '3': 'in einer Pflegefamilie',
  '4': 'in einem Heim / einer Einrichtung',
  '5': 'in einer betreuten Wohnform / Wohngemeinschaft',
  '6': 'in eigener Wohnung',
  '7': 'in einer Klinik / Psychiatrie',
  '8': 'in Haft / Jugendstrafvollzug',
  '9': 'in Obhut genommen (§ 42)',
  '10': 'ohne festen Aufenthalt',
  '11': 'sonstiger Ort',
  '99': 'unbekannt',
});

/** Gründe für die Hilfegewährung (Hauptgrund and up to two further grounds). */
export const hzeGrounds = codes({
  '1': 'Unversorgtheit des jungen Menschen',
  '2': 'Unzureichende Förderung / Betreuung / Versorgung in der Familie',
  '3': 'Gefährdung des Kindeswohls',
  '4': 'Eingeschränkte Erziehungskompetenz der Eltern',
  '5': 'Belastungen des jungen Menschen durch Problemlagen der Eltern',
  '6': 'Belastungen des jungen Menschen durch familiäre Konflikte',
  '7': 'Auffälligkeiten im sozial-emotionalen Verhalten',
  '8': 'Entwicklungsauffälligkeiten / seelische Probleme',
  '9': 'Schulische / berufliche Probleme',
});

/** Anregung der Hilfe durch (the institution or person who prompted the help). */
export const hzeInitiators = codes({
  '1': 'junger Mensch selbst',
  '2': 'Eltern / Personensorgeberechtigte',
  '3': 'Schule / Kindertageseinrichtung',
  '4': 'Soziale Dienste / Jugendamt',
  '5': 'Gericht / Staatsanwaltschaft / Polizei',
  '6': 'Arzt / Klinik / Gesundheitsamt',
  '7': 'Beratungsstelle / Träger der Jugendhilfe',
  '8': 'Sonstige',
});

/** Familiengerichtliche Entscheidung zu Beginn der Hilfe. */
export const hzeFamilyCourt = codes({
  '0': 'keine',
  '1': 'ja: (teilweiser) Entzug der elterlichen Sorge (§ 1666 BGB)',
  '2': 'ja: andere Entscheidung nach § 1666 BGB (Gebote, Auflagen)',
  '3': 'ja: Jugendgericht (§ 12 JGG)',
});

/** Situation in der Herkunftsfamilie (asked on the family). */
export const hzeFamilySituations = codes({
  '1': 'Eltern leben zusammen',
  '2': 'Elternteil lebt allein (ohne Partner/in)',
  '3': 'Elternteil lebt mit neuer Partnerin / neuem Partner',
  '4': 'Eltern verstorben',
  '9': 'unbekannt',
});

/** Ja / nein / unbekannt, as the record codes them. */
export const hzeYesNo = codes({ '1': 'ja', '2': 'nein', '9': 'unbekannt' });

/** Grund der Beendigung. */
export const hzeEndReasons = codes({
  '1': 'gemäß Hilfeplan / Beratungszielen',
  '2': 'abweichend vom Hilfeplan: durch Sorgeberechtigte / jungen Volljährigen',
  '3': 'abweichend vom Hilfeplan: durch die Einrichtung / Pflegefamilie / den Dienst',
  '4': 'abweichend vom Hilfeplan: durch das Jugendamt',
  '5': 'Wechsel in eine andere Hilfeart',
  '6': 'Abgabe an ein anderes Jugendamt (Zuständigkeitswechsel)',
  '7': 'Adoptionspflege / Adoption',
  '8': 'sonstige Gründe',
});

/** The end reason of a measure (measures.ts endReasons) as code, where it says enough; `abbruch` does not. */
export const hzeEndReasonOf: Record<string, string | undefined> = {
  planmaessig: '1',
  wechsel: '5',
  zustaendigkeitswechsel: '6',
};

const code = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z.enum(values, { error });

/** What a measure's record needs beyond the measure itself (PUT /measures/:id/statistics). */
export const hzeMeasureStatisticsSchema = z.object({
  subType: z.string().max(2).nullable(),
  placeOfHelp: code(hzePlaces.values, 'Bitte einen Ort der Hilfe aus der Liste wählen.'),
  residenceBefore: code(hzePlaces.values, 'Bitte den Aufenthalt vor der Hilfe aus der Liste wählen.'),
  mainGround: code(hzeGrounds.values, 'Bitte einen Hauptgrund aus der Liste wählen.'),
  furtherGrounds: z
    .array(code(hzeGrounds.values, 'Bitte die weiteren Gründe aus der Liste wählen.'))
    .max(2, { error: 'Höchstens zwei weitere Gründe.' }),
  hoursPerWeek: z
    .number({ error: 'Stunden pro Woche als Zahl.' })
    .min(0, { error: 'Die Stunden pro Woche dürfen nicht negativ sein.' })
    .max(168, { error: 'Eine Woche hat 168 Stunden.' })
    .nullable(),
  initiator: code(hzeInitiators.values, 'Bitte wählen, wer die Hilfe angeregt hat.'),
  familyCourt: code(hzeFamilyCourt.values, 'Bitte die familiengerichtliche Entscheidung wählen.'),
  /** Only for an ended help: the coded reason (when the measure's own reason does not say enough) and residence. */
  endReason: code(hzeEndReasons.values, 'Bitte einen Grund der Beendigung aus der Liste wählen.').nullable(),
  residenceAfter: code(hzePlaces.values, 'Bitte den Aufenthalt nach der Hilfe wählen.').nullable(),
});
export type HzeMeasureStatistics = z.infer<typeof hzeMeasureStatisticsSchema>;

/** What the family's records share, asked at intake or on the family (PUT /cases/:id/family-statistics). */
export const hzeFamilyStatisticsSchema = z.object({
  parentForeignOrigin: code(hzeYesNo.values, 'Bitte ja, nein oder unbekannt wählen.'),
  germanAtHome: code(hzeYesNo.values, 'Bitte ja, nein oder unbekannt wählen.'),
  familySituation: code(hzeFamilySituations.values, 'Bitte die Familiensituation wählen.'),
  transferBenefits: code(hzeYesNo.values, 'Bitte ja, nein oder unbekannt wählen.'),
});
export type HzeFamilyStatistics = z.infer<typeof hzeFamilyStatisticsSchema>;

/** The office's identification in every record (a finance setting). */
export const hzeOfficeSchema = z.object({
  land: z.string().regex(/^\d{2}$/, { error: 'Land: zweistelliger Schlüssel, z. B. 04.' }),
  kreis: z.string().regex(/^\d{5}$/, { error: 'Kreis / kreisfreie Stadt: fünfstelliger Schlüssel.' }),
  jugendamt: z.string().regex(/^\d{1,6}$/, { error: 'Jugendamtsnummer: bis zu sechs Ziffern.' }),
});
export type HzeOffice = z.infer<typeof hzeOfficeSchema>;

export const hzeYearQuerySchema = z.object({
  year: z.coerce
    .number({ error: 'Bitte ein Jahr angeben.' })
    .int({ error: 'Bitte ein Jahr angeben.' })
    .min(2000, { error: 'Bitte ein Jahr ab 2000 angeben.' })
    .max(2100, { error: 'Bitte ein Jahr bis 2100 angeben.' }),
});

/** The plausibility check: one line per field a record would be rejected for (no names). */
export const hzeCheckSchema = z.object({
  year: z.int(),
  records: z.int(),
  problems: z.array(
    z.object({
      measureId: idSchema.nullable(),
      caseId: idSchema.nullable(),
      caseNumber: z.string(),
      field: z.string(),
      reason: z.string(),
    }),
  ),
});
export type HzeCheck = z.infer<typeof hzeCheckSchema>;
