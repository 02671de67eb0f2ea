import { labelled } from './catalogues.ts';

/**
 * Child protection under § 8a SGB VIII (docs/child-protection.md): the fixed lists of the process and of the
 * official statistic (§ 99 (6) SGB VIII, "Gefährdungseinschätzungen nach § 8a Absatz 1", questionnaire KWG), with
 * their German labels, and the two rules the process needs everywhere: the deadline of the assessment and the
 * classification a result leads to.
 */

/** Ersteinschätzung: how soon the risk must be assessed. */
export const cpUrgencies = labelled({
  sofort: 'sofort',
  innerhalb_24h: 'innerhalb 24 Stunden',
  innerhalb_72h: 'innerhalb 72 Stunden',
  regulaer: 'regulär',
});
export type CpUrgency = (typeof cpUrgencies.values)[number];

/** Hours from the report's receipt to the assessment's deadline; "regulär" has the default of two weeks. */
export const cpUrgencyHours: Record<CpUrgency, number> = {
  sofort: 0,
  innerhalb_24h: 24,
  innerhalb_72h: 72,
  regulaer: 14 * 24,
};

/**
 * The one place that turns an urgency into the deadline of the Gefährdungseinschätzung: elapsed hours from the
 * moment the report was received (not calendar or working days; "sofort" is due on receipt).
 */
export function assessmentDueAt(receivedAt: Date, urgency: CpUrgency): Date {
  return new Date(receivedAt.getTime() + cpUrgencyHours[urgency] * 3_600_000);
}

/** Who made the possible endangerment known: the statistic's categories ("Bekanntwerden durch"). */
export const cpReporterKinds = labelled({
  polizei_gericht: 'Polizei, Gericht, Staatsanwaltschaft',
  schule: 'Schule',
  kita: 'Kindertageseinrichtung, Kindertagespflege',
  gesundheitswesen: 'Hebamme, Arzt/Ärztin, Klinik, Gesundheitsamt u. ä. Dienste',
  beratungsstelle: 'Beratungsstelle',
  jugendhilfe: 'Einrichtung der Jugendarbeit oder Kinder- und Jugendhilfe',
  soziale_dienste: 'Soziale Dienste, Jugendamt',
  verwandte: 'Verwandte',
  bekannte_nachbarn: 'Bekannte, Nachbarn',
  eltern: 'Eltern(teil), Personensorgeberechtigte/r',
  minderjaehrige_selbst: 'der/die Minderjährige selbst',
  anonym: 'anonym',
  sonstige: 'sonstige',
});

/** How the report came in. */
export const cpChannels = labelled({
  telefonisch: 'telefonisch',
  persoenlich: 'persönlich',
  schriftlich: 'schriftlich (Brief, Fax)',
  email: 'E-Mail',
  sonstige: 'sonstiger Weg',
});

/** How the child was seen (Inaugenscheinnahme). */
export const cpVisitKinds = labelled({
  hausbesuch: 'Hausbesuch',
  einrichtung: 'Besuch in Kita, Schule oder Einrichtung',
  einbestellung: 'Einbestellung ins Jugendamt',
  sonstige: 'sonstige',
});
export const cpVisitStatuses = labelled({
  durchgefuehrt: 'durchgeführt',
  nicht_erforderlich: 'nicht erforderlich',
});

/** The result of the assessment: the four categories of the official statistic. */
export const cpResults = labelled({
  akut: 'akute Kindeswohlgefährdung',
  latent: 'latente Kindeswohlgefährdung',
  hilfebedarf: 'keine Kindeswohlgefährdung, aber Hilfe-/Unterstützungsbedarf',
  kein_bedarf: 'keine Kindeswohlgefährdung und kein (weiterer) Hilfebedarf',
});
export type CpResult = (typeof cpResults.values)[number];
/** The results that name an endangerment: only these carry its types and its source. */
export const cpEndangeringResults: readonly CpResult[] = ['akut', 'latent'];

/** Types of endangerment (several may apply). */
export const cpEndangermentTypes = labelled({
  vernachlaessigung: 'Vernachlässigung',
  koerperlich: 'körperliche Misshandlung',
  psychisch: 'psychische Misshandlung',
  sexuell: 'sexuelle Gewalt',
});

/** From whom the endangerment comes (several may apply). */
export const cpDangerSources = labelled({
  mutter: 'Mutter',
  vater: 'Vater',
  stiefelternteil: 'Stiefelternteil, Partner/in eines Elternteils',
  sonstige: 'sonstige Person(en)',
});

/** Where the child usually lived when the assessment took place. */
export const cpResidences = labelled({
  eltern: 'bei den Eltern (zusammenlebend)',
  elternteil_partner: 'bei einem Elternteil mit Stiefelternteil oder Partner/in',
  alleinerziehend: 'bei einem alleinerziehenden Elternteil',
  verwandte: 'bei Großeltern oder Verwandten',
  pflegefamilie: 'in einer Pflegefamilie',
  heim: 'in einem Heim oder einer betreuten Wohnform',
  eigene_wohnung: 'in eigener Wohnung',
  ohne_festen: 'ohne festen Aufenthalt',
  unbekannt: 'an unbekanntem Ort',
  sonstige: 'sonstiger Aufenthalt',
});

/** Age group of a (birth or adoptive) parent when the assessment took place; an estimate is enough. */
export const cpParentAgeGroups = labelled({
  unter_18: 'unter 18 Jahre',
  von_18_bis_26: '18 bis unter 27 Jahre',
  ab_27: '27 Jahre oder älter',
  unbekannt: 'unbekannt',
});

export const cpYesNoUnknown = labelled({ ja: 'ja', nein: 'nein', unbekannt: 'unbekannt' });

/** Services of child and youth welfare: in use when the assessment took place, or offered as its consequence. */
export const cpServiceKinds = labelled({
  foerderung_familie: 'Förderung der Erziehung in der Familie (§§ 16–19 SGB VIII)',
  kindertagesbetreuung: 'Kindertagesbetreuung (§§ 22–25 SGB VIII)',
  hze_ambulant: 'Hilfe zur Erziehung, ambulant (§§ 27–32 SGB VIII)',
  hze_stationaer: 'Hilfe zur Erziehung, außerhalb der Familie (§§ 33–35 SGB VIII)',
  eingliederungshilfe: 'Eingliederungshilfe (§ 35a SGB VIII)',
  sonstige: 'sonstige Leistung',
});

/** Consequences of a § 8a check. */
export const cpMeasureKinds = labelled({
  schutzplan: 'Schutzplan / Schutzvereinbarung',
  hilfeangebot: 'Hilfeangebot',
  familiengericht: 'Anrufung des Familiengerichts (§ 8a Abs. 2 SGB VIII, § 1666 BGB)',
  inobhutnahme: 'Inobhutnahme (§ 42 SGB VIII)',
  abschluss: 'Abschluss der Gefährdungseinschätzung',
});
export type CpMeasureKind = (typeof cpMeasureKinds.values)[number];

/** Why a taking into care (Inobhutnahme) ended. */
export const cpCareEndReasons = labelled({
  rueckkehr: 'Rückkehr zu den Personensorgeberechtigten',
  hilfe: 'Übergang in eine Hilfe (z. B. Hilfe zur Erziehung)',
  andere_stelle: 'Übergabe an ein anderes Jugendamt oder eine andere Stelle',
  entweichung: 'Entweichung, Aufenthalt unbekannt',
  sonstige: 'sonstiger Grund',
});

export const cpStatuses = labelled({ offen: 'offen', abgeschlossen: 'abgeschlossen' });

/** The step a check waits for next (null when it is closed). */
export const cpSteps = labelled({
  ersteinschaetzung: 'Ersteinschätzung',
  gefaehrdungseinschaetzung: 'Gefährdungseinschätzung',
  inaugenscheinnahme: 'Inaugenscheinnahme',
  ergebnis: 'Ergebnis',
  konsequenzen: 'Konsequenzen und Abschluss',
});

/**
 * The case's Falleinordnung a result leads to (docs/child-protection.md): an acute endangerment is the danger
 * area (Auflagen); a latent one, where a danger is suspected or cannot be ruled out, the grey area (Aufträge to
 * clarify or avert it); no endangerment, with or without a need for help, the service area.
 */
export const cpResultAreas: Record<CpResult, 'leistung' | 'grau' | 'gefaehrdung'> = {
  akut: 'gefaehrdung',
  latent: 'grau',
  hilfebedarf: 'leistung',
  kein_bedarf: 'leistung',
};

const areaRank = { leistung: 0, grau: 1, gefaehrdung: 2 } as const;

/** The most serious of these areas (danger before grey before service); null for none. */
export function mostSeriousArea(
  areas: readonly ('leistung' | 'grau' | 'gefaehrdung')[],
): 'leistung' | 'grau' | 'gefaehrdung' | null {
  let worst: 'leistung' | 'grau' | 'gefaehrdung' | null = null;
  for (const area of areas) if (worst === null || areaRank[area] > areaRank[worst]) worst = area;
  return worst;
}
