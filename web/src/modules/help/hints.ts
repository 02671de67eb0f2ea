import type { GlossaryId } from './glossary.ts';

/**
 * Short hints under form fields whose term is not obvious, each with the glossary terms it links to. Forms import
 * this (not the glossary itself, which loads with the help pages); hints.test.ts proves every term exists there.
 */
export interface FieldHintText {
  text: string;
  /** Glossary id and the link's words, which are the term or one of its other names. */
  terms: readonly (readonly [GlossaryId, string])[];
}

export const fieldHints = {
  falleinordnung: {
    text: 'Der Bereich entscheidet, ob die Familie freiwillig Hilfe bekommt, Aufträge oder Auflagen gelten.',
    terms: [
      ['falleinordnung', 'Falleinordnung'],
      ['graubereich', 'Graubereich'],
    ],
  },
  mandateKind: {
    text: 'Auftrag: setzt auf Mitwirkung, im Grau- oder Gefährdungsbereich. Auflage: muss erfüllt werden, nur im Gefährdungsbereich.',
    terms: [
      ['auftrag', 'Auftrag'],
      ['auflage', 'Auflage'],
    ],
  },
  mandatePurpose: {
    text: 'Klärung: einen Verdacht auf Gefährdung prüfen. Abwendung: eine drohende Gefährdung verhindern.',
    terms: [
      ['klaerung', 'Klärung'],
      ['abwendung', 'Abwendung'],
    ],
  },
  wille: {
    text: 'In den Worten der Familie: Was will sie erreichen, was soll anders werden?',
    terms: [['wille', 'Wille']],
  },
  richtungsziel: {
    text: 'Ein positiver zukünftiger Zustand, mit der Familie vereinbart (Konsensziel), z. B. „Muharem kann an seiner Schule bleiben.“',
    terms: [['richtungsziel', 'Richtungsziel']],
  },
  handlungsziel: {
    text: 'Ein beobachtbarer Zustand mit Termin, der zum Richtungsziel führt, z. B. „Die Hausaufgaben sind täglich bis 18 Uhr erledigt.“ Keine Maßnahme.',
    terms: [['handlungsziel', 'Handlungsziel']],
  },
  fallfuehrung: {
    text: 'Die Fachkraft, die den Fall verantwortlich führt; seine Fristen stehen in ihrer Arbeitsliste.',
    terms: [['fallfuehrung', 'Fallführung']],
  },
  zugangsweg: {
    text: 'Wie der Fall zum Jugendamt kam: Selbstmeldung, Meldung durch Dritte oder Krise.',
    terms: [['zugangsweg', 'Zugangsweg']],
  },
  dringlichkeit: {
    text: 'Die Frist der Gefährdungseinschätzung zählt ab dem Eingang der Meldung: sofort, 24 Stunden, 72 Stunden oder zwei Wochen.',
    terms: [['dringlichkeit', 'Dringlichkeit']],
  },
  inaugenscheinnahme: {
    text: 'Ein unmittelbarer Eindruck vom Kind und seiner Umgebung, meist beim Hausbesuch; sonst begründen, warum er nicht nötig ist.',
    terms: [['inaugenscheinnahme', 'Inaugenscheinnahme']],
  },
  ergebnis: {
    text: 'Akut: das Kind ist gegenwärtig gefährdet (Gefährdungsbereich). Latent: eine Gefährdung ist nicht auszuschließen (Graubereich).',
    terms: [
      ['akute-gefaehrdung', 'Akute Kindeswohlgefährdung'],
      ['latente-gefaehrdung', 'Latente Kindeswohlgefährdung'],
    ],
  },
  fragestellung: {
    text: 'Offen formuliert, z. B. „Wie kann es gelingen, dass …?“',
    terms: [['kollegiale-beratung', 'Kollegiale Beratung']],
  },
  schlussfrage: {
    text: 'Pflichtfrage am Ende jeder kollegialen Beratung; die Antwort wird ein Bedarf im Stadtteil.',
    terms: [
      ['schlussfrage', 'Schlussfrage'],
      ['bedarf', 'Bedarf'],
    ],
  },
  hilfeart: {
    text: 'Mit Paragraph und Kategorie (ambulant, teilstationär, stationär, sonstige).',
    terms: [
      ['hilfeart', 'Hilfeart'],
      ['hilfe-zur-erziehung', 'HzE'],
    ],
  },
  leistungsangebot: {
    text: 'Träger und Angebot mit dem Satz zum Beginn der Hilfe.',
    terms: [
      ['leistungsangebot', 'Leistungsangebot'],
      ['fachleistungsstunde', 'Fachleistungsstunde'],
    ],
  },
  hilfeplanReview: {
    text: 'Spätestens sechs Monate nach dem Gespräch.',
    terms: [['hilfeplan', 'Hilfeplan']],
  },
} as const satisfies Record<string, FieldHintText>;

export type FieldHintKey = keyof typeof fieldHints;
