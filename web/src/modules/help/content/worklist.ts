import type { HelpTopicContent } from './types.ts';

/** Help: the work list on the start page (docs/worklist.md). */
export const worklistHelp: HelpTopicContent = {
  intro:
    'Die Startseite zeigt allen, die an Fällen arbeiten, ihre [[arbeitsliste]]: was in ihren offenen Fällen überfällig ist, heute fällig wird und in dieser Woche (bis Sonntag). Kinderschutz steht in jeder Gruppe zuerst, in Worten und mit einem breiten roten Rand gekennzeichnet.',
  sections: [
    {
      id: 'was-erscheint',
      heading: 'Was erscheint',
      blocks: [
        {
          list: [
            'Kinderschutzfristen: die Frist der Gefährdungseinschätzung und die Schritte des Kinderschutzprozesses.',
            'Prozessschritte der anderen Prozesse (Hilfe zur Erziehung, Beratung).',
            'Die Überprüfung des aktuellen Hilfeplans.',
            'Fristen und Überprüfungen offener Aufträge und Auflagen.',
            'Das geplante Ende einer Hilfe und Hilfen, die über ihr geplantes Ende hinaus laufen.',
          ],
        },
        'Jeder Eintrag nennt Fall, fallführende Fachkraft, was fällig ist und wann, und führt zum passenden Reiter der Fallakte.',
      ],
    },
    {
      id: 'ueberfaellig',
      heading: 'Wann ist etwas überfällig?',
      blocks: [
        'Eine Frist in Stunden (Kinderschutz, Prozessschritte) ist ab dem Moment überfällig, in dem sie abläuft. Eine Frist mit Datum (Auftrag, Überprüfung, geplantes Ende) gilt den ganzen Tag als rechtzeitig und ist ab dem nächsten Tag überfällig.',
        'Läuft eine Kinderschutzfrist ab, benachrichtigt das System einmal die Referatsleitung, ihre Vertretungen und die fallführende Fachkraft.',
      ],
    },
    {
      id: 'team',
      heading: 'Für Referatsleitungen: das Team',
      blocks: [
        'Die [[referatsleitung]] wechselt zwischen der eigenen Liste und der des Teams und kann sie auf eine Fachkraft eingrenzen. Die Fallbelastung zeigt je Fachkraft die offenen Fälle nach [[falleinordnung]] und die überfälligen Einträge.',
      ],
    },
    {
      id: 'wessen-faelle',
      heading: 'Wessen Fälle?',
      blocks: [
        'Die eigene Liste enthält die Fälle, die Sie führen, die Fälle der Kolleginnen, die Sie vertreten ([[vertretung]]), und die Fälle, die Ihnen freigegeben wurden: dieselben wie unter „Meine Fälle“.',
      ],
    },
  ],
};
