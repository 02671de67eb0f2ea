/** The domain's fixed lists with their German labels (docs/domain.md, section 2). */
export const labelled = <const T extends Record<string, string>>(labels: T) => ({
  values: Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]],
  labels,
});

export const genders = labelled({
  weiblich: 'weiblich',
  maennlich: 'männlich',
  divers: 'divers',
  ohne_angabe: 'ohne Angabe',
});

/** Where a household lives: an address of the street directory, or no fixed address (docs/intake.md). */
export const addressKinds = labelled({
  fest: 'Feste Adresse',
  wohnungslos: 'Wohnungslos',
  unbekannt_verzogen: 'Unbekannt verzogen',
});

export const householdRoles = labelled({
  kind: 'Kind',
  mutter: 'Mutter',
  vater: 'Vater',
  personensorgeberechtigt: 'Personensorgeberechtigte/r',
  pflegeeltern: 'Pflegeeltern',
  geschwister: 'Geschwister',
  sonstige: 'sonstige',
});

export const custodyKinds = labelled({
  gemeinsam: 'gemeinsame Sorge der Eltern',
  mutter: 'alleinige Sorge der Mutter',
  vater: 'alleinige Sorge des Vaters',
  vormund: 'Vormundschaft',
  pflegschaft: 'Ergänzungspflegschaft',
  unbekannt: 'ungeklärt',
});

export const accessRoutes = labelled({
  selbstmeldung: 'Selbstmeldung',
  schule: 'Meldung durch Dritte: Schule',
  kita: 'Meldung durch Dritte: Kita',
  polizei: 'Meldung durch Dritte: Polizei',
  arzt_klinik: 'Meldung durch Dritte: Arzt/Klinik',
  nachbarn: 'Meldung durch Dritte: Nachbarn',
  anonym: 'Meldung durch Dritte: anonym',
  andere_behoerde: 'Meldung durch Dritte: andere Behörde',
  krise: 'Krise/Inobhutnahme',
});

export const caseAreas = labelled({
  leistung: 'Leistungsbereich',
  grau: 'Graubereich',
  gefaehrdung: 'Gefährdungsbereich',
});

export const mandateKinds = labelled({ auftrag: 'Auftrag', auflage: 'Auflage' });
/**
 * What a mandate is for (Lüttringhaus): an Auftrag either clarifies a suspected endangerment or counters a
 * threatened one; an Auflage always averts an endangerment.
 */
export const mandatePurposes = labelled({
  klaerung: 'Klärung einer vermuteten Gefährdung',
  abwendung: 'Abwendung einer (drohenden) Gefährdung',
});
export const mandateResults = labelled({
  offen: 'offen',
  erfuellt: 'erfüllt',
  teilweise: 'teilweise erfüllt',
  nicht_erfuellt: 'nicht erfüllt',
});

export const resourceAreas = labelled({
  persoenlich: 'persönlich',
  sozial: 'sozial',
  materiell: 'materiell',
  sozialraeumlich: 'sozialräumlich',
});

export const tieQualities = labelled({
  stark: 'stark',
  mittel: 'mittel',
  schwach: 'schwach',
  belastet: 'belastet',
});
export const tieKinds = labelled({ person: 'Person', institution: 'Institution' });

export const ideaSources = labelled({
  person: 'Ressourcen der Person',
  umfeld: 'Ressourcen des Umfelds',
  sozialraum: 'Ressourcen des Sozialraums',
  hze: 'Hilfen zur Erziehung',
});

export const ageCohorts = labelled({
  '0-3': 'Schwangerschaft bis 3 Jahre',
  '3-10': '3 bis 10 Jahre (Kita/Grundschule)',
  '10-16': '10 bis 16 Jahre (Oberschule)',
  '16+': 'ab 16 Jahre (Übergang Schule-Beruf)',
});

export const attainmentScale = labelled({
  '1': 'nicht erreicht',
  '2': 'kaum erreicht',
  '3': 'teilweise erreicht',
  '4': 'weitgehend erreicht',
  '5': 'voll erreicht',
});

export const closingReasons = labelled({
  ziele_erreicht: 'Ziele erreicht',
  keine_hilfe_noetig: 'keine Hilfe (mehr) notwendig',
  weitervermittlung: 'Weitervermittlung an andere Stelle',
  zustaendigkeitswechsel: 'Zuständigkeitswechsel (Umzug)',
  mitwirkung_beendet: 'Mitwirkung durch die Familie beendet',
  volljaehrigkeit: 'Volljährigkeit ohne weiteren Bedarf',
  sonstiges: 'sonstiges',
});

export const closingOutcomes = labelled({
  positiv: 'überwiegend positiv',
  teilweise: 'teilweise erfolgreich',
  negativ: 'nicht erfolgreich',
});

export const familyConferencePhases = labelled({
  vorbereitung: 'Vorbereitung',
  information: 'Informationsphase',
  familienphase: 'Familienphase',
  entscheidung: 'Entscheidungsphase',
  folgerat: 'Folgerat',
  abgeschlossen: 'abgeschlossen',
});
