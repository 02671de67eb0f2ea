import type { HelpTopicContent } from './types.ts';

/** Help: the § 8a check (docs/child-protection.md). */
export const childProtectionHelp: HelpTopicContent = {
  intro:
    'Werden dem Jugendamt gewichtige Anhaltspunkte für eine Gefährdung eines Kindes bekannt, muss es nach § 8a SGB VIII das Risiko mit mehreren Fachkräften einschätzen, sich wenn nötig einen Eindruck vom Kind verschaffen, Hilfe anbieten und, wo nichts anderes hilft, das Familiengericht anrufen oder das Kind in Obhut nehmen. Der Reiter „Kinderschutz (§ 8a)“ der Fallakte führt durch diese [[gefaehrdungseinschaetzung]].',
  sections: [
    {
      id: 'ablauf',
      heading: 'Der Ablauf',
      blocks: [
        'Für jedes Kind und jede Meldung gibt es eine eigene Prüfung; betrifft eine Meldung mehrere Kinder des Haushalts, bekommt jedes seine. Die Schritte:',
        {
          steps: [
            '[[meldung]]: Eingang mit Datum und Uhrzeit, wer meldete (auch anonym), auf welchem Weg, was berichtet wurde und wer die Meldung aufnahm.',
            'Ersteinschätzung der [[dringlichkeit]]: sofort, innerhalb von 24 Stunden, innerhalb von 72 Stunden oder regulär.',
            'Gefährdungseinschätzung im Zusammenwirken von mindestens zwei verschiedenen Fachkräften: Sachverhalt, Risikofaktoren und Schutzfaktoren.',
            '[[inaugenscheinnahme]]: wann und wie, ob das Kind gesehen wurde und welcher Eindruck entstand; oder die Begründung, warum sie nicht nötig ist.',
            'Ergebnis in einer der vier Kategorien der amtlichen Statistik, mit Art und Quelle der Gefährdung.',
            'Konsequenzen, dann der Abschluss der Prüfung.',
          ],
        },
        'Jeder Schritt kann gespeichert und, solange die Prüfung offen ist, erneut bearbeitet werden. Hat jemand anderes die Prüfung inzwischen geändert, meldet das System einen Konflikt; „Neu laden“ zeigt den neuen Stand.',
      ],
    },
    {
      id: 'fristen',
      heading: 'Fristen',
      blocks: [
        'Die Dringlichkeit setzt die Frist der Gefährdungseinschätzung, gezählt in Stunden ab dem Eingang der Meldung: sofort, 24 Stunden, 72 Stunden oder zwei Wochen bei „regulär“. Die weiteren Schritte haben Fristen aus dem [[kernprozess|Kernprozess]] Kinderschutz (siehe [[hilfe:prozesse|Prozesse]]).',
        'Kinderschutzfristen stehen in der [[hilfe:arbeitsliste|Arbeitsliste]] immer zuerst. Läuft eine ab, erfahren es die Referatsleitung, ihre Vertretungen und die fallführende Fachkraft sofort über die Glocke oben rechts.',
      ],
    },
    {
      id: 'ergebnis',
      heading: 'Das Ergebnis und die Einordnung des Falls',
      blocks: [
        'Das Ergebnis wird als [[kurzberatung]] in die Einordnung des Falls übernommen, mit den beteiligten Fachkräften und dem Tag des Abschlusses der Einschätzung:',
        {
          list: [
            '[[akute-gefaehrdung|Akute Kindeswohlgefährdung]]: [[gefaehrdungsbereich]] (Auflagen).',
            '[[latente-gefaehrdung|Latente Kindeswohlgefährdung]]: [[graubereich]] (Aufträge).',
            'Keine Kindeswohlgefährdung, aber Hilfebedarf: [[leistungsbereich]].',
            'Keine Kindeswohlgefährdung und kein Hilfebedarf: Leistungsbereich.',
          ],
        },
        'Hat eine andere offene Prüfung desselben Falls (etwa für ein Geschwisterkind) ein ernsteres Ergebnis, bleibt der Fall im ernsteren Bereich.',
      ],
    },
    {
      id: 'konsequenzen',
      heading: 'Konsequenzen',
      blocks: [
        {
          list: [
            '[[schutzplan]] oder Schutzvereinbarung: was vereinbart wurde, welche Aufträge und Auflagen dazugehören und mindestens ein Termin zur Überprüfung.',
            'Hilfeangebot: welche Leistung angeboten wurde.',
            'Anrufung des Familiengerichts: wann und warum.',
            '[[inobhutnahme]]: Beginn, Ort, wie die Sorgeberechtigten informiert wurden; Ende und Grund, sobald sie endet, auch nach dem Abschluss der Prüfung.',
            'Abschluss: schließt die Prüfung. Nach einer akuten oder latenten Gefährdung braucht es vorher mindestens eine schützende Konsequenz.',
          ],
        },
      ],
    },
    {
      id: 'auflage-ueberfuehren',
      heading: 'Auftrag in Auflage überführen',
      blocks: [
        'Wird ein [[auftrag]] nicht erfüllt und reicht Mitwirkung nicht mehr aus, überführt „In Auflage überführen“ ihn in eine [[auflage]]. Dazu gehört eine neue Kurzberatung mit mindestens zwei Fachkräften, die den Fall in den Gefährdungsbereich einordnet; die Auflage verweist auf den ursprünglichen Auftrag.',
      ],
    },
    {
      id: 'hausbesuch',
      heading: 'Hausbesuchsmappe und Einschätzungshilfe',
      blocks: [
        'Die [[hausbesuchsmappe]] ist ein PDF für den Besuch: Anschrift, Haushalt, offene Aufträge und Auflagen und die [[einschaetzungshilfe]] zum Ankreuzen. Den Inhalt der Meldung enthält sie bewusst nicht. Nach dem Besuch wird die Einschätzungshilfe bei der Inaugenscheinnahme eingetragen.',
        'Das Formular „Beratungsvorlage und Protokoll zur Risikoeinschätzung“ fasst eine Prüfung oder eine Kurzberatung als PDF zusammen.',
      ],
    },
    {
      id: 'statistik',
      heading: 'Statistik nach § 99 SGB VIII',
      blocks: [
        'Jede abgeschlossene Gefährdungseinschätzung ist ein Datensatz der amtlichen Statistik. Die Wirtschaftliche Jugendhilfe erstellt die Datei für ein Jahr; vorher listet eine Prüfung die Datensätze, denen noch Angaben fehlen (etwa das geschätzte Alter eines Elternteils).',
      ],
    },
  ],
};
