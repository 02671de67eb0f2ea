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
/** First names of the family members, by sex (the generator knows it: mothers, fathers, each child's gender). */
export const firstNamesBySex = {
  adult: {
    weiblich: [
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
    ],
    maennlich: [
      'Carsten',
      'Emre',
      'Goran',
      'Jörg',
      'Lamin',
      'Nico',
      'Peter',
      'Tomasz',
      'Bernd',
      'Murat',
      'Stefan',
      'Dariusz',
    ],
  },
  child: {
    weiblich: [
      'Celina',
      'Dana',
      'Fatma',
      'Kiara',
      'Mila',
      'Nele',
      'Pia',
      'Zara',
      'Emma',
      'Lina',
      'Sofia',
      'Ida',
    ],
    maennlich: [
      'Amir',
      'Ben',
      'Elias',
      'Jonas',
      'Leon',
      'Omar',
      'Sami',
      'Tim',
      'Paul',
      'Noah',
      'Luca',
      'Mats',
    ],
  },
} as const;

/** A first name fitting the sex, from one draw in [0, 1) taken before the sex was known (so the draws stay in order). */
export function firstNameFor(draw: number, age: 'adult' | 'child', gender: string): string {
  const names = firstNamesBySex[age][gender === 'maennlich' ? 'maennlich' : 'weiblich'];
  return names[Math.floor(draw * names.length)] ?? names[0];
}

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

export const needTexts = [
  'Hausaufgabenhilfe am Nachmittag für 10- bis 14-Jährige',
  'Elterncafé mit Kinderbetreuung',
  'offener Treff für Mütter mit Babys',
  'Begleitung zu Ämtern in der Familiensprache',
  'Freizeitangebot für Mädchen am Wochenende',
  'Beratung zum Übergang Schule-Beruf im Stadtteil',
] as const;

export const mandateTexts = [
  'Das Kind wird täglich pünktlich zur Schule gebracht.',
  'Die Mutter nimmt einen Termin in der Erziehungsberatung wahr.',
  'Der Vater stellt die Versorgung der Kinder am Wochenende sicher.',
  'Die Familie lässt einen Hausbesuch zu.',
] as const;
