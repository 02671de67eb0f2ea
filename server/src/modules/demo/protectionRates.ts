import type { CpResult, CpUrgency } from '@leuchtturm/shared';

/**
 * How often the demo city's cases get § 8a reports and what they come to (protectionHistory.ts draws by these).
 * The proportions, at every scale (docs/domain.md, "Demo data"):
 * - A report opens about one case in fourteen, more often in the cases the intake placed in the danger area
 *   (REPORT_RATE) and more often when the police, a Kita, a school or a clinic brought the case (ROUTE_WEIGHT; a
 *   family asking for help itself rarely comes with a report). About one case in sixty later gets a report while
 *   it runs. A report concerns one child, or (one in four) every child of the household under 18, each with a
 *   check of its own: about 7 % of the cases have a check (8 checks to 100 cases), some 290 a year at `city`.
 * - Results follow the case's intake area (RESULTS_BY_AREA) and add up to roughly the national statistic: at
 *   `city` 16 % acute and 19 % latent endangerment, a third each "keine Gefährdung, aber Hilfebedarf" and "kein
 *   Hilfebedarf".
 * - The urgency follows the result (URGENCY_BY_RESULT); the assessment is held within its deadline, about one in
 *   twenty late. About one acute report in eight ends in an Inobhutnahme (of every child it concerns), and about
 *   a third of the acute ones call the family court.
 */

export type Area = 'leistung' | 'grau' | 'gefaehrdung';
export const REPORT_RATE: Record<Area, number> = { gefaehrdung: 0.45, grau: 0.08, leistung: 0.022 };
export const LATER_REPORT_RATE = 0.015;
export const ROUTE_WEIGHT: Record<string, number> = {
  polizei: 2.5,
  kita: 1.8,
  schule: 1.8,
  arzt_klinik: 1.8,
  nachbarn: 2,
  andere_behoerde: 1.2,
  krise: 1.5,
  selbstmeldung: 0.25,
};
/** The mean route weight of the case mix (selbstmeldung counts twice there), so that the rate stays the rate. */
export const ROUTE_MEAN = 13.1 / 9;

export const RESULTS_BY_AREA: Record<Area, readonly (readonly [CpResult, number])[]> = {
  gefaehrdung: [
    ['akut', 40],
    ['latent', 30],
    ['hilfebedarf', 20],
    ['kein_bedarf', 10],
  ],
  grau: [
    ['akut', 3],
    ['latent', 27],
    ['hilfebedarf', 48],
    ['kein_bedarf', 22],
  ],
  leistung: [
    ['latent', 5],
    ['hilfebedarf', 33],
    ['kein_bedarf', 62],
  ],
};

export const URGENCY_BY_RESULT: Record<CpResult, readonly (readonly [CpUrgency, number])[]> = {
  akut: [
    ['sofort', 45],
    ['innerhalb_24h', 40],
    ['innerhalb_72h', 15],
  ],
  latent: [
    ['innerhalb_24h', 30],
    ['innerhalb_72h', 45],
    ['regulaer', 25],
  ],
  hilfebedarf: [
    ['innerhalb_24h', 10],
    ['innerhalb_72h', 35],
    ['regulaer', 55],
  ],
  kein_bedarf: [
    ['innerhalb_24h', 5],
    ['innerhalb_72h', 30],
    ['regulaer', 65],
  ],
};

/** Who reports, when the case's access route does not say (the national statistic's order of magnitude). */
export const REPORTERS: readonly (readonly [string, number])[] = [
  ['polizei_gericht', 28],
  ['schule', 12],
  ['bekannte_nachbarn', 9],
  ['anonym', 9],
  ['gesundheitswesen', 7],
  ['eltern', 7],
  ['soziale_dienste', 6],
  ['kita', 5],
  ['jugendhilfe', 4],
  ['verwandte', 4],
  ['sonstige', 4],
  ['beratungsstelle', 2],
  ['minderjaehrige_selbst', 3],
];
export const REPORTER_BY_ROUTE: Record<string, readonly (readonly [string, number])[]> = {
  polizei: [['polizei_gericht', 1]],
  kita: [['kita', 1]],
  schule: [['schule', 1]],
  arzt_klinik: [['gesundheitswesen', 1]],
  nachbarn: [
    ['bekannte_nachbarn', 55],
    ['anonym', 35],
    ['verwandte', 10],
  ],
  andere_behoerde: [
    ['soziale_dienste', 60],
    ['beratungsstelle', 20],
    ['jugendhilfe', 20],
  ],
  krise: [
    ['polizei_gericht', 40],
    ['minderjaehrige_selbst', 20],
    ['eltern', 20],
    ['anonym', 20],
  ],
  selbstmeldung: [
    ['eltern', 80],
    ['minderjaehrige_selbst', 20],
  ],
};
