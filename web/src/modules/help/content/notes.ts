import type { HelpTopicContent } from './types.ts';

/** Help: Aktenvermerke and notifications (docs/case-notes.md). */
export const notesHelp: HelpTopicContent = {
  intro:
    'Der Reiter „Vermerke“ der Fallakte ist die Chronik der Kontakte und Überlegungen eines Falls. Jeder [[aktenvermerk]] gehört zu einem Kontakt und ist, einmal festgeschrieben, dauerhaft Teil der Akte.',
  sections: [
    {
      id: 'schreiben',
      heading: 'Einen Vermerk schreiben',
      blocks: [
        'Ein Vermerk hat den Zeitpunkt des Kontakts, seine Art (Hausbesuch, Gespräch im Amt, Telefonat, Fachgespräch, Schriftverkehr, sonstiges), die beteiligten Kolleginnen, weitere Beteiligte (eine Person oder Stelle je Zeile, z. B. „Frau B. (Mutter)“) und den Text.',
        'Ein Vermerk kann zu einem Eintrag der Akte gehören, etwa zu einem Auftrag oder einer Auflage, einer Kurzberatung oder einem Hilfeplan. Der Eintrag zeigt dann die Vermerke, die zu ihm gehören.',
      ],
    },
    {
      id: 'aendern',
      heading: 'Ändern und korrigieren',
      blocks: [
        '24 Stunden lang kann die Verfasserin ihren Vermerk ändern; die Karte zeigt, bis wann. Niemand sonst kann ihn ändern, auch nicht die Vertretung oder die Referatsleitung.',
        'Danach ist der Vermerk festgeschrieben. Eine [[korrektur]] ist ein neuer Vermerk, der den alten richtigstellt; der alte zeigt, dass und von wem er korrigiert wurde. Korrigiert jemand den Vermerk einer anderen Person, wird diese benachrichtigt. Vermerke werden nie gelöscht.',
      ],
    },
    {
      id: 'anvertraut',
      heading: 'Anvertraute Angaben (§ 65 SGB VIII)',
      blocks: [
        'Was eine Person Ihnen im Vertrauen gesagt hat, kennzeichnen Sie als anvertraut: beim Schreiben eines Vermerks mit dem Kästchen „Anvertraut (§ 65 SGB VIII)“, bei einer Datei, einer Kurzberatung, einem Auftrag oder bei Wille und Ziele später mit „Als anvertraut kennzeichnen“. Kennzeichnen kann, wer den Eintrag geschrieben oder hochgeladen hat (bei Wille und Ziele: wer zuletzt gespeichert hat).',
        'Den Inhalt sehen nur die Person, der er anvertraut wurde, wer ihn gekennzeichnet hat und wem einer von beiden ihn ausdrücklich freigibt („Teilen“, jederzeit widerrufbar). Alle anderen, auch die Referatsleitung, sehen den Hinweis „Anvertraute Angabe – nicht sichtbar“. Wille und Ziele oder ein Auftrag, deren Inhalt Sie nicht sehen, sind für Sie nur lesbar.',
        'In PDFs, Exporte, Übergabepakete und Auskünfte geht der Inhalt erst, wenn mit „Weitergabe festhalten“ eine Einwilligung oder gesetzliche Befugnis festgehalten ist, und auch dann nur in Dokumente, die eine der berechtigten Personen erstellt. „Kennzeichnung aufheben“ macht den Inhalt wieder für alle mit Zugriff auf den Fall sichtbar. Jeder dieser Schritte wird protokolliert.',
      ],
    },
    {
      id: 'benachrichtigungen',
      heading: 'Benachrichtigungen',
      blocks: [
        'Die Glocke oben rechts zeigt, wie viele Benachrichtigungen ungelesen sind. Eine Benachrichtigung nennt den Fall nur mit seinem Aktenzeichen und führt zur passenden Stelle der Akte.',
      ],
    },
  ],
};
