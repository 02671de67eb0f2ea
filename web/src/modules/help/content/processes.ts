import type { HelpTopicContent } from './types.ts';

/** Help: core processes (docs/processes.md). */
export const processesHelp: HelpTopicContent = {
  intro:
    'Das Jugendamt arbeitet in festen [[kernprozess|Kernprozessen]]: Kinderschutz nach § 8a, Hilfe zur Erziehung und Beratung. Jeder Prozess ist eine geordnete Folge von Schritten mit zuständiger Rolle, [[frist]], Checkliste und den nötigen Unterlagen.',
  sections: [
    {
      id: 'im-fall',
      heading: 'Prozesse im Fall',
      blocks: [
        'Der Reiter „Prozesse“ der Fallakte zeigt, wo der Fall in seinen Prozessen steht: welche Schritte erledigt, offen oder übersprungen sind und bis wann der nächste fällig ist.',
        'Viele Schritte erledigen sich selbst, sobald der passende Eintrag gespeichert wird, z. B. die Kurzberatung, Wille und Ziele, die kollegiale Beratung, der Hilfeplan, die Bewilligung oder der Abschluss. Andere hakt die Fachkraft ab. Ein Schritt kann mit Begründung übersprungen werden.',
        'Der Prozess Kinderschutz beginnt von selbst mit jeder Meldung. Die Überprüfung des Hilfeplans kehrt regelmäßig wieder, solange die Hilfe läuft.',
      ],
    },
    {
      id: 'fristen',
      heading: 'Fristen',
      blocks: [
        'Eine Frist zählt ab dem Start des Prozesses oder ab einem früheren Schritt: in Stunden (rund um die Uhr, auch über die Zeitumstellung), in Kalendertagen, in Arbeitstagen (ohne Wochenenden und Bremer Feiertage) oder in Monaten. Fristen in Tagen enden um Mitternacht des letzten Tages.',
        'Fällige und überfällige Schritte stehen in der [[hilfe:arbeitsliste|Arbeitsliste]].',
      ],
    },
    {
      id: 'definitionen',
      heading: 'Prozesse verwalten',
      blocks: [
        'Die Administration sieht auf der Seite „Prozesse“ jeden Prozess als Ablaufdiagramm. Geändert wird ein Prozess, indem eine neue Version gespeichert wird; bestehende Versionen ändern sich nie. Neue Fälle starten mit der neuesten Version, laufende behalten ihre.',
      ],
    },
  ],
};
