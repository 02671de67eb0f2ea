import type { HelpTopicContent } from './types.ts';

/** Help: the audit trail (docs/domain.md, section 9). */
export const auditHelp: HelpTopicContent = {
  intro:
    'Sozialdaten sind besonders geschützt. Das [[protokoll]] hält deshalb jeden Lesezugriff auf personenbezogene Daten, jede Änderung, jeden Export und jede Ablehnung eines Zugriffs fest.',
  sections: [
    {
      id: 'eintraege',
      heading: 'Was ein Eintrag enthält',
      blocks: [
        'Jeder Eintrag nennt Zeitpunkt, Person, Aktion (z. B. gelesen, angelegt, geändert, abgelehnt), die Art des Datensatzes und seine Kennung. Die Daten selbst stehen nicht im Protokoll, nur welche Felder betroffen waren.',
      ],
    },
    {
      id: 'kette',
      heading: 'Die Kette prüfen',
      blocks: [
        'Jeder Eintrag enthält einen Prüfwert, der aus dem vorherigen Eintrag berechnet wird. Wird nachträglich ein Eintrag verändert oder entfernt, passt die Kette nicht mehr. „Kette prüfen“ rechnet sie nach und nennt beschädigte Einträge.',
      ],
    },
    {
      id: 'wer',
      heading: 'Wer das Protokoll sieht',
      blocks: [
        'Das Protokoll sieht nur die Administration. Es wird nie geändert; neue Einträge kommen nur hinzu.',
      ],
    },
  ],
};
