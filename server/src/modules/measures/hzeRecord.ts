import {
  type HzeOffice,
  hzeEndReasonOf,
  hzeFamilyStatisticsSchema,
  hzeHelpCodes,
  hzeMeasureStatisticsSchema,
  subTypeFor,
} from '@leuchtturm/shared';
import type { HzeRow } from './queries/statistics.ts';

/**
 * The official record of the KJH statistics Teil I per help (docs/hze-statistics.md maps every column) and the
 * plausibility rules a record must pass before the statistical office accepts it. Pure: rows in, strings out.
 */

export const hzeColumns = [
  'Berichtsjahr',
  'Land',
  'Kreis',
  'Jugendamt',
  'Kennung',
  'Art des Trägers',
  'Art der Hilfe',
  'Unterart der Hilfe',
  'Hilfe für junge Volljährige (§ 41)',
  'Beginn Monat',
  'Beginn Jahr',
  'Ende Monat',
  'Ende Jahr',
  'Stand',
  'Geschlecht',
  'Geburtsmonat',
  'Geburtsjahr',
  'Ausländische Herkunft eines Elternteils',
  'Deutsch vorrangig in der Familie',
  'Situation in der Herkunftsfamilie',
  'Transferleistungen',
  'Aufenthalt vor der Hilfe',
  'Anregung durch',
  'Familiengerichtliche Entscheidung',
  'Vorausgegangene Gefährdungseinschätzung',
  'Hauptgrund',
  'Weiterer Grund 1',
  'Weiterer Grund 2',
  'Ort der Hilfe',
  'Stunden pro Woche',
  'Grund der Beendigung',
  'Aufenthalt nach der Hilfe',
] as const;

const providerCodes: Record<string, string> = { oeffentlich: '1', frei: '2', privat: '3' };
const genderCodes: Record<string, string> = { maennlich: '1', weiblich: '2', divers: '3', ohne_angabe: '4' };
const yesNo = (v: boolean) => (v ? '1' : '2');

/** The help the record counts: § 41 is a flag on the underlying help of §§ 27-35a, not a help of its own. */
export const recordHelpCode = (r: { help_type_code: string; underlying_code: string | null }) =>
  r.help_type_code === '41' ? r.underlying_code : r.help_type_code;

/** Whole years of age on `day`. */
function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

const endedIn = (r: HzeRow, yearEnd: string) => (r.end_on !== null && r.end_on <= yearEnd ? r.end_on : null);

/** Parsed statistics (null when missing or not valid any more). */
const measureStats = (r: HzeRow) => {
  const parsed = hzeMeasureStatisticsSchema.safeParse(r.statistics);
  return parsed.success ? parsed.data : null;
};
const familyStats = (r: HzeRow) => {
  const parsed = hzeFamilyStatisticsSchema.safeParse(r.family_statistics);
  return parsed.success ? parsed.data : null;
};

/** One help's record for the year ending on `yearEnd`, in the order of `hzeColumns`; missing fields stay empty. */
export function hzeRecord(r: HzeRow, yearEnd: string, office: HzeOffice | null): string[] {
  const ended = endedIn(r, yearEnd);
  const s = measureStats(r);
  const f = familyStats(r);
  const help = recordHelpCode(r);
  const endReason = ended ? (s?.endReason ?? hzeEndReasonOf[r.end_reason ?? ''] ?? '') : '';
  return [
    yearEnd.slice(0, 4),
    office?.land ?? '',
    office?.kreis ?? '',
    office?.jugendamt ?? '',
    r.id,
    // A help with an individual rate has no offer: the office itself provides it.
    providerCodes[r.provider_kind ?? 'oeffentlich'] ?? '',
    help ? (hzeHelpCodes[help as keyof typeof hzeHelpCodes] ?? '') : '',
    s?.subType ?? '',
    yesNo(r.help_type_code === '41'),
    r.begin_on.slice(5, 7),
    r.begin_on.slice(0, 4),
    ended ? ended.slice(5, 7) : '',
    ended ? ended.slice(0, 4) : '',
    ended ? '1' : '2',
    genderCodes[r.gender] ?? '',
    // Unknown (null) stays empty: the check reports it rather than the export inventing a month and year.
    r.birth_date?.slice(5, 7) ?? '',
    r.birth_date?.slice(0, 4) ?? '',
    f?.parentForeignOrigin ?? '',
    f?.germanAtHome ?? '',
    f?.familySituation ?? '',
    f?.transferBenefits ?? '',
    s?.residenceBefore ?? '',
    s?.initiator ?? '',
    s?.familyCourt ?? '',
    yesNo(Boolean(r.preceding_assessment)),
    s?.mainGround ?? '',
    s?.furtherGrounds[0] ?? '',
    s?.furtherGrounds[1] ?? '',
    s?.placeOfHelp ?? '',
    s?.hoursPerWeek === null || s?.hoursPerWeek === undefined ? '' : String(s.hoursPerWeek).replace('.', ','),
    endReason,
    ended ? (s?.residenceAfter ?? '') : '',
  ];
}

export interface HzeProblem {
  field: string;
  reason: string;
}

/** Helps with hours of professional work per week, where the record needs the intensity. */
const hourly = new Set(['27.2', '29', '30', '31']);
/** Where the young person lives during a help outside the family (§ 33: a family; § 34: an institution). */
const placesFor: Record<string, readonly string[]> = {
  '33': ['2', '3'],
  '34': ['4', '5', '6'],
};
/** Helps in the family: the place cannot be a foster family or an institution (that would be § 33 or § 34). */
const inFamily = new Set(['28', '29', '30', '31', '32']);

/** Every reason the statistical office would reject this record (field and reason, in German for the office). */
export function hzeProblems(r: HzeRow, yearEnd: string): HzeProblem[] {
  const problems: HzeProblem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });
  const help = recordHelpCode(r);
  if (!help || !(help in hzeHelpCodes))
    add('helpType', 'Die Hilfeart hat keinen Schlüssel der Statistik (§ 41: zugrunde liegende Hilfe fehlt).');
  if (!r.birth_date) add('birthDate', 'Geburtsmonat und -jahr der jungen Person fehlen.');
  else {
    const age = ageOn(r.birth_date, r.begin_on);
    if (age >= 27) add('birthDate', 'Die junge Person war zu Beginn 27 Jahre oder älter.');
    else if (age >= 18 && r.help_type_code !== '41')
      add('helpType', 'Die junge Person war zu Beginn volljährig: Hilfe für junge Volljährige (§ 41).');
    if (age < 18 && r.help_type_code === '41')
      add(
        'helpType',
        'Hilfe für junge Volljährige (§ 41), aber die junge Person war zu Beginn minderjährig.',
      );
  }
  if (!familyStats(r))
    add(
      'familyStatistics',
      'Die Statistikangaben der Familie fehlen (Herkunft, Sprache, Situation, Transfer).',
    );
  const s = measureStats(r);
  if (!s) {
    add('statistics', 'Die Statistikangaben der Hilfe fehlen.');
    return problems;
  }
  const subTypes = help ? subTypeFor(help) : undefined;
  if (subTypes && !(s.subType && subTypes.values.includes(s.subType)))
    add('subType', 'Bitte die Unterart der Hilfe angeben.');
  if (!subTypes && s.subType) add('subType', 'Diese Hilfeart hat keine Unterart.');
  const allowed = help ? placesFor[help] : undefined;
  if (allowed && !allowed.includes(s.placeOfHelp))
    add('placeOfHelp', 'Der Ort der Hilfe passt nicht zur Hilfeart.');
  if (help && inFamily.has(help) && ['3', '4', '5'].includes(s.placeOfHelp))
    add('placeOfHelp', 'Eine Hilfe in der Familie findet nicht in Pflegefamilie oder Einrichtung statt.');
  const needsHours =
    (help && hourly.has(help)) ||
    (help === '35' && r.category === 'ambulant') ||
    (help === '35a' && s.subType === '1');
  if (needsHours && s.hoursPerWeek === null) add('hoursPerWeek', 'Bitte die Stunden pro Woche angeben.');
  if (s.furtherGrounds.includes(s.mainGround) || new Set(s.furtherGrounds).size < s.furtherGrounds.length)
    add('furtherGrounds', 'Ein Grund darf nur einmal genannt werden.');
  if (endedIn(r, yearEnd)) {
    if (!(s.endReason ?? hzeEndReasonOf[r.end_reason ?? '']))
      add('endReason', 'Bitte den Grund der Beendigung nach der Liste der Statistik angeben.');
    if (!s.residenceAfter) add('residenceAfter', 'Bitte den Aufenthalt nach dem Ende der Hilfe angeben.');
  }
  return problems;
}
