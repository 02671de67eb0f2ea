import type { HelpTopicContent } from './types.ts';

/** Help: the organisation (docs/domain.md, section 1). */
export const organisationHelp: HelpTopicContent = {
  intro:
    'Die Seite „Organisation“ bildet das Jugendamt ab: [[sozialzentrum|Sozialzentren]], Stadtteile, [[stadtteilteam|Stadtteilteams]], Straßen und Mitarbeitende. Aus ihr ergibt sich, welches Team für eine Familie zuständig ist und wer einen Fall sehen darf.',
  sections: [
    {
      id: 'aufbau',
      heading: 'Aufbau',
      blocks: [
        'Das Jugendamt gliedert sich in Sozialzentren, jedes mit mehreren Stadtteilteams (Referat Junge Menschen) unter einer [[referatsleitung]]. Die Teams bestehen aus Fachkräften, die die Fälle führen.',
      ],
    },
    {
      id: 'zustaendigkeit',
      heading: 'Straßen und Zuständigkeit',
      blocks: [
        'Jede Straße, oder ein Abschnitt nach Hausnummern, ist einem Stadtteil und einem Team zugeordnet ([[zustaendigkeit]]). „Zuständigkeit prüfen“ zeigt für eine Anschrift, welches Team zuständig ist. Innerhalb des Teams teilt die Referatsleitung die Fälle den Fachkräften zu.',
      ],
    },
    {
      id: 'mitarbeitende',
      heading: 'Mitarbeitende',
      blocks: [
        'Zu jeder Person gehören Rollen, Team, Stellenanteil, fachliche Schwerpunkte (z. B. Sucht, psychische Erkrankung, junge Mütter), damit Kolleginnen sie finden, und ihre [[vertretung|Vertretungen]].',
        'Die Rollen bestimmen, was jemand im System tun darf:',
        {
          list: [
            'Fachkraft (Case Management): führt Fälle.',
            'Referatsleitung: leitet ein Team, bewilligt Hilfen über der Betragsgrenze, sieht die Fristen des Teams.',
            'Sozialzentrumsleitung, Sozialraumkoordination und Jugendamtsleitung: sehen Bedarfe und Kennzahlen.',
            'Verwaltungskraft: unterstützt das Team.',
            'Wirtschaftliche Jugendhilfe: Träger, Sätze, Zahlungen und Statistiken.',
            'Controlling: Kennzahlen und Importe, ohne Zugang zu Personen.',
            'Administration: Organisation, Benutzerkonten, Kataloge, Prozesse und Protokoll.',
          ],
        },
        'Welche Fälle jemand öffnen darf, entscheidet nicht die Rolle, sondern die Zugriffsregel (siehe [[hilfe:faelle#zugriff|Fallführung und Zugriff]]).',
      ],
    },
  ],
};
