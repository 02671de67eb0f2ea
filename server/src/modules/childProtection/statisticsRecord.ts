import {
  type CpStatisticsField,
  cpDangerSources,
  cpEndangeringResults,
  cpEndangermentTypes,
  cpParentAgeGroups,
  cpReporterKinds,
  cpResidences,
  cpResults,
  cpServiceKinds,
  cpStatisticsFields,
  cpYesNoUnknown,
  genders,
} from '@leuchtturm/shared';
import type { ConsequenceRow, StatisticsRow } from './queries/statistics.ts';

/**
 * One record of the § 8a statistic (§ 99 Abs. 6 SGB VIII) per completed assessment: the columns and how each is
 * filled, mapped in docs/child-protection-statistics.md. Values are the questionnaire's words (the catalogues'
 * German labels); a box of a multiple choice is a column of its own ("ja"/"nein"). A field the record lacks is left
 * empty and named in the last column, "Fehlende Angaben".
 */

const yesNo = (value: boolean) => (value ? 'ja' : 'nein');
const label = <V extends string>(labels: Record<V, string>, value: string | null) =>
  value !== null && value in labels ? labels[value as V] : '';

export const cpStatisticsColumns = [
  'Kennung',
  'Geschlecht',
  'Geburtsmonat',
  'Geburtsjahr',
  'Abschluss Monat',
  'Abschluss Jahr',
  'Bekanntwerden durch',
  'Wiederholte Meldung im Jahr',
  'Aufenthaltsort des Kindes',
  'Alter der Mutter',
  'Alter des Vaters',
  'Ausländische Herkunft mindestens eines Elternteils',
  'In der Familie vorrangig Deutsch gesprochen',
  'Leistung in Anspruch genommen',
  ...cpServiceKinds.values.map((k) => `Leistung: ${cpServiceKinds.labels[k]}`),
  'Ergebnis',
  ...cpEndangermentTypes.values.map((t) => `Gefährdung: ${cpEndangermentTypes.labels[t]}`),
  ...cpDangerSources.values.map((s) => `Gefährdung durch: ${cpDangerSources.labels[s]}`),
  ...cpServiceKinds.values.map((k) => `Neue Hilfe: ${cpServiceKinds.labels[k]}`),
  'Anrufung des Familiengerichts',
  'Inobhutnahme (§ 42)',
  'Kind in Augenschein genommen',
  'Einschätzung durch mehrere Fachkräfte',
  'Fehlende Angaben',
];

const endangering = (r: StatisticsRow) => cpEndangeringResults.some((e) => e === r.result);
/** An age group the questionnaire takes: "unbekannt" is not one (it asks for a careful estimate). */
const ageGroup = (value: string | null) => (value === null || value === 'unbekannt' ? null : value);

/** The required fields this record lacks, in the order of the columns. */
export function missingFields(r: StatisticsRow): CpStatisticsField[] {
  const missing: CpStatisticsField[] = [];
  if (r.birth_date === null) missing.push('birthDate');
  if (r.residence === null) missing.push('residence');
  if (ageGroup(r.mother_age_group) === null) missing.push('motherAgeGroup');
  if (ageGroup(r.father_age_group) === null) missing.push('fatherAgeGroup');
  if (r.parent_foreign_origin === null) missing.push('parentForeignOrigin');
  if (r.german_at_home === null) missing.push('germanAtHome');
  if (r.services_in_use === null) missing.push('servicesInUse');
  else if (r.services_in_use && r.service_kinds.length === 0) missing.push('serviceKinds');
  if (endangering(r) && r.endangerment_types.length === 0) missing.push('endangermentTypes');
  if (endangering(r) && r.danger_sources.length === 0) missing.push('dangerSources');
  return missing;
}

/** The record of one assessment, in the order of `cpStatisticsColumns`; `consequences` are the check's. */
export function statisticsRecord(r: StatisticsRow, consequences: readonly ConsequenceRow[]): string[] {
  const completedOn = r.completed_on ?? '';
  const offered = new Set(consequences.filter((c) => c.kind === 'hilfeangebot').map((c) => c.offer_kind));
  const has = (kind: string) => consequences.some((c) => c.kind === kind);
  const ticked = (values: readonly string[], chosen: readonly string[], asked: boolean) =>
    values.map((v) => (asked ? yesNo(chosen.includes(v)) : ''));
  return [
    r.id,
    label(genders.labels, r.gender),
    r.birth_date?.slice(5, 7) ?? '',
    r.birth_date?.slice(0, 4) ?? '',
    completedOn.slice(5, 7),
    completedOn.slice(0, 4),
    label(cpReporterKinds.labels, r.reporter_kind),
    yesNo(Number(r.nth) > 1),
    label(cpResidences.labels, r.residence),
    label(cpParentAgeGroups.labels, ageGroup(r.mother_age_group)),
    label(cpParentAgeGroups.labels, ageGroup(r.father_age_group)),
    label(cpYesNoUnknown.labels, r.parent_foreign_origin),
    label(cpYesNoUnknown.labels, r.german_at_home),
    r.services_in_use === null ? '' : yesNo(r.services_in_use),
    ...ticked(cpServiceKinds.values, r.service_kinds, r.services_in_use !== null),
    label(cpResults.labels, r.result),
    ...ticked(cpEndangermentTypes.values, r.endangerment_types, endangering(r)),
    ...ticked(cpDangerSources.values, r.danger_sources, endangering(r)),
    ...cpServiceKinds.values.map((k) => yesNo(offered.has(k))),
    yesNo(has('familiengericht')),
    yesNo(has('inobhutnahme')),
    yesNo(r.child_seen === true),
    yesNo((r.assessment_participant_ids?.length ?? 0) >= 2),
    missingFields(r)
      .map((f) => cpStatisticsFields.labels[f])
      .join('; '),
  ];
}
