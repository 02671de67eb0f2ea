import type { ageCohorts } from '@leuchtturm/shared';

type AgeCohort = (typeof ageCohorts.values)[number];

/** Texts of the demo cases: short, plausible, and obviously invented. */
export const clientLastNames = [
  'Ahorn',
  'Birke',
  'Distel',
  'Eibe',
  'Farn',
  'Ginster',
  'Hasel',
  'Iris',
  'Jasmin',
  'Kastanie',
  'Lavendel',
  'Mohn',
  'Nessel',
  'Olive',
  'Primel',
  'Quitte',
  'Rose',
  'Salbei',
  'Tanne',
  'Ulme',
  'Veilchen',
  'Wacholder',
  'Zeder',
] as const;
/** First names by sex and role, so that the recorded sex and the household role fit the name. */
export const motherFirstNames = [
  'Aylin',
  'Bianca',
  'Dilara',
  'Frauke',
  'Heike',
  'Ivana',
  'Katja',
  'Marta',
  'Olga',
  'Rania',
  'Sabine',
  'Yasmin',
] as const;
export const fatherFirstNames = [
  'Carsten',
  'Dariusz',
  'Emre',
  'Goran',
  'Jörg',
  'Lamin',
  'Mehmet',
  'Nico',
  'Peter',
  'Stefan',
  'Tomasz',
  'Uwe',
] as const;
export const girlFirstNames = [
  'Celina',
  'Dana',
  'Emma',
  'Fatma',
  'Kiara',
  'Lina',
  'Mila',
  'Nele',
  'Pia',
  'Zara',
] as const;
export const boyFirstNames = [
  'Amir',
  'Ben',
  'Elias',
  'Jonas',
  'Leon',
  'Noah',
  'Omar',
  'Sami',
  'Tim',
  'Yusuf',
] as const;

export const concerns = [
  'Die Mutter fühlt sich mit der Erziehung überfordert und wünscht Unterstützung.',
  'Die Schule meldet häufige Fehlzeiten.',
  'Streit zwischen den Eltern nach der Trennung; Fragen zum Umgang.',
  'Der Jugendliche möchte zu Hause ausziehen.',
  'Die Kita macht sich Sorgen um die Versorgung des Kindes.',
  'Die Polizei meldet einen Einsatz wegen häuslicher Gewalt.',
  'Die Familie ist neu in der Stadt und sucht Anschluss und Beratung.',
  'Der Vater bittet um Hilfe, weil der Sohn nachts nicht nach Hause kommt.',
] as const;

export const wills = [
  'Ich will, dass wieder Ruhe in die Familie kommt.',
  'Wir wollen, dass unser Kind auf seiner Schule bleiben kann.',
  'Ich will meine Ausbildung schaffen und eine eigene Wohnung.',
  'Ich möchte, dass die Kinder morgens pünktlich und satt in der Kita sind.',
] as const;

export const directionGoals = [
  'Das Kind kann bis zum Sommer auf seiner jetzigen Schule bleiben.',
  'Die Familie gestaltet den Alltag so, dass die Kinder regelmäßig versorgt sind.',
  'Der Jugendliche lebt im nächsten Jahr selbstständig in einer eigenen Wohnung.',
  'Die Eltern regeln den Umgang ohne Streit vor den Kindern.',
] as const;

export const actionGoals = [
  'Die Hausaufgaben sind täglich bis 18 Uhr erledigt.',
  'Das Kind ist an jedem Schultag pünktlich in der Schule.',
  'Die Kinder sind um 8 Uhr gefrühstückt in der Kita.',
  'Die Übergabe am Wochenende verläuft ohne Streit.',
  'Der Jugendliche ist um 22 Uhr zu Hause.',
  'Die Miete ist jeden Monat pünktlich überwiesen.',
] as const;

export const resources = {
  persoenlich: [
    'ist sportlich',
    'kann gut zeichnen',
    'ist zuverlässig, wenn er etwas zusagt',
    'spricht drei Sprachen',
  ],
  sozial: [
    'Oma wohnt in der Nähe',
    'Nachbarin hilft beim Einkaufen',
    'Onkel übt Mathe',
    'beste Freundin aus der Klasse',
  ],
  materiell: ['Familie hat ein Auto', 'eigenes Zimmer', 'Fahrrad'],
  sozialraeumlich: [
    'Jugendfreizeitheim um die Ecke',
    'Sportverein im Stadtteil',
    'Haus der Familie',
    'Hausaufgabenhilfe der Gemeinde',
  ],
} as const;

/** What kollegiale Beratungen find missing in the district, by the age cohort the offer is for. */
export const needTexts = {
  '0-3': [
    'offener Treff für Mütter mit Babys',
    'Elterncafé mit Kinderbetreuung',
    'Hebammensprechstunde im Stadtteil',
    'Krabbelgruppe mit Beratung zur Kita-Anmeldung',
  ],
  '3-10': [
    'Sprachförderung für Vorschulkinder am Nachmittag',
    'Hausaufgabenhilfe für Grundschulkinder',
    'Ferienbetreuung für Grundschulkinder',
    'Begleitung zu Ämtern und Schule in der Familiensprache',
  ],
  '10-16': [
    'Hausaufgabenhilfe am Nachmittag für 10- bis 14-Jährige',
    'Freizeitangebot für Mädchen am Wochenende',
    'offener Jugendtreff am Abend',
    'Projekt gegen Mobbing an der Oberschule',
  ],
  '16+': [
    'Beratung zum Übergang Schule-Beruf im Stadtteil',
    'Begleitung bei der Wohnungssuche für junge Erwachsene',
    'Bewerbungstraining im Jugendhaus',
    'Schuldnerberatung für junge Erwachsene',
  ],
} as const satisfies Record<AgeCohort, readonly string[]>;

/** The age cohort of a child of this age in years. */
export function cohortOfAge(years: number): AgeCohort {
  return years < 3 ? '0-3' : years < 10 ? '3-10' : years < 16 ? '10-16' : '16+';
}

export const mandateTexts = [
  'Das Kind wird täglich pünktlich zur Schule gebracht.',
  'Die Mutter nimmt einen Termin in der Erziehungsberatung wahr.',
  'Der Vater stellt die Versorgung der Kinder am Wochenende sicher.',
  'Die Familie lässt einen Hausbesuch zu.',
] as const;
