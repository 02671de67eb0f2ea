import type { HelpTopicContent } from './types.ts';

/** Help: the districts' needs (docs/domain.md, section 4). */
export const needsHelp: HelpTopicContent = {
  intro:
    'Die [[sozialraum|Sozialraumorientierung]] fragt nicht nur, welche Hilfe eine Familie braucht, sondern auch, welche Angebote im Stadtteil fehlen. Die Seite „Bedarfe“ sammelt diese fallübergreifenden [[bedarf|Bedarfe]] je Stadtteil und Altersgruppe.',
  sections: [
    {
      id: 'entstehen',
      heading: 'Wie Bedarfe entstehen',
      blocks: [
        'Jede [[kollegiale-beratung|kollegiale Beratung]] endet mit der [[schlussfrage]]: Welche Angebote bräuchten wir künftig im Stadtteil, damit die eben beschlossene Hilfe ergänzt werden könnte oder weniger intensiv nötig wäre? Die Antwort wird ein Bedarf des Stadtteils des Falls und der gewählten Altersgruppe.',
        'Wird derselbe Bedarf (gleicher Text, Groß- und Kleinschreibung und Leerzeichen egal) im selben Stadtteil und für dieselbe Altersgruppe erneut genannt, zählt er hoch, statt doppelt zu erscheinen.',
      ],
    },
    {
      id: 'liste',
      heading: 'Die Liste',
      blocks: [
        'Die häufigsten Nennungen stehen oben. Filter grenzen auf Stadtteil und Altersgruppe ein. Der Status zeigt, ob ein Bedarf offen, in Arbeit oder erledigt ist. Bedarfe enthalten keine Angaben zu Personen.',
        'Die Altersgruppen folgen den Netzwerken der Stadtteile: Schwangerschaft bis 3 Jahre, 3 bis 10 (Kita und Grundschule), 10 bis 16 (Oberschule) und ab 16 (Übergang Schule und Beruf).',
      ],
    },
  ],
};
