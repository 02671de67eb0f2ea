import type { HelpTopicContent } from './types.ts';

/** Help: key figures and steering (docs/domain.md, section 6). */
export const controllingHelp: HelpTopicContent = {
  intro:
    'Die Seite „Steuerung“ macht die Entwicklung der Hilfen und Kosten sichtbar: für die Stadt, ein Sozialzentrum, ein Team oder einen Stadtteil, über einen Zeitraum oder an einem [[stichtag]]. Sie zeigt nur zusammengefasste Zahlen, nie Angaben zu Personen.',
  sections: [
    {
      id: 'kennzahlen',
      heading: 'Die Kennzahlen',
      blocks: [
        {
          list: [
            '[[kostenfall|Kostenfälle]] und [[beratungsfall|Beratungsfälle]] am Stichtag sowie [[neufall|Neufälle]] im Zeitraum.',
            'Laufende Hilfen nach Kategorie ([[ambulant-stationaer|ambulant, teilstationär, stationär, sonstige]]) und nach Hilfeart.',
            '[[hilfedichte]]: laufende Hilfen zur Erziehung je 1.000 [[jugendeinwohner]].',
            '[[inanspruchnahme]] eines Jahres je 10.000 Jugendeinwohner unter 21.',
            'Ausgaben nach Kategorie, gesamt und je Jugendeinwohner, berechnet nach derselben Regel wie die Monatskosten (siehe [[hilfe:hilfen#kosten|Kostenberechnung]]).',
            'Veränderung gegenüber einem Basisjahr in Prozent.',
          ],
        },
        'Zahlen werden einheitlich geschrieben: Punkt zwischen den Tausendern, Komma vor den Nachkommastellen, Fallzahlen ganz, Quoten mit einer Nachkommastelle, Geld mit Cent.',
      ],
    },
    {
      id: 'importiert',
      heading: 'Berechnete und importierte Werte',
      blocks: [
        'Wo Einträge vorliegen, werden die Zahlen aus ihnen berechnet. Für Jahre vor dem System und für andere Städte werden Werte importiert und als importiert gekennzeichnet. Das [[einfuehrungsjahr]] ist vollständig berechnet, aber unvollständig; Vergleiche mit ihm zeigen die Einführung, keine Entwicklung.',
      ],
    },
    {
      id: 'reiter',
      heading: 'Die Reiter',
      blocks: [
        {
          list: [
            'Übersicht: Kennzahlen des Stichtagsjahrs, Zeitreihen je Quartal und die Kosten je Jahr; Download der Quartalszahlen zur Veröffentlichung und des Kennzahlenberichts als PDF.',
            'Karte der Stadtteile: eine Kennzahl je Stadtteil als Farbe, mit Tabelle.',
            'Städtevergleich (IKO): Ausgaben je Jugendeinwohner und Hilfedichte der Vergleichsstädte, mit dem Median.',
            'Personal: Soll und Ist in Vollzeitäquivalenten (VZE) je Sozialzentrum und die Personalbemessung, die ein Gesamt-Soll nach Jugendeinwohnern und sozialer Belastung verteilt, nicht nach Fallzahlen.',
            'Daten importieren: Werte früherer Jahre, anderer Städte und des Personal-Solls als CSV (nur mit dem Recht dazu).',
          ],
        },
      ],
    },
    {
      id: 'veroeffentlichung',
      heading: 'Veröffentlichung und kleine Zahlen',
      blocks: [
        'In allem, was zur Veröffentlichung exportiert wird, erscheinen Fallzahlen von 1 bis 4 als „<5“, damit niemand erkennbar wird. Null bleibt null; Geldbeträge und Quoten sind keine Fallzahlen. Eine Veränderung zwischen zwei Zahlen entfällt, wenn eine davon „<5“ ist.',
        'Eine Hilfedichte ist „gesperrt“, wenn sich aus ihr und den Jugendeinwohnern eine Zahl unter 5 errechnen ließe. Werden Stadt und Stadtteile nebeneinander veröffentlicht, gäbe die Stadt minus die übrigen Stadtteile eine „<5“-Zahl zurück; deshalb wird dann in derselben Spalte eine weitere Zahl „gesperrt“, notfalls auch die Zahl der Stadt selbst (etwa bei vier Stadtteilen mit je einer Hilfe und der Stadt mit 4). Für Stadt und Stadtteile gibt es dafür den Download „Stadt und alle Stadtteile zur Veröffentlichung“. Einzelne Dateien der Stadt oder eines Stadtteils folgen demselben Muster und passen zusammen; Dateien der Sozialzentren oder Teams werden je Datei gesperrt und dürfen nicht neben der Stadt oder den Stadtteilen veröffentlicht werden.',
      ],
    },
    {
      id: 'rentabilitaet',
      heading: 'Rentabilitätsbetrachtung',
      blocks: [
        'Die [[rentabilitaetsbetrachtung]] folgt dem Bericht über das Modellprojekt in Walle: Hätten sich die Kosten der Projektregion wie die der Vergleichsregion entwickelt, wären sie um einen bestimmten Betrag höher gewesen. Diese Einsparung abzüglich der Mehrkosten des Projekts (Personal, Fortbildung) ist der Nettoeffekt.',
        'Der Reiter „Rentabilität“ zeigt sie über mehrere Jahre mit dem kumulierten Nettoeffekt und, wenn geplante Kosten erfasst sind, Prognosezeilen. Gezählt werden voreingestellt die Ausgaben für die Hilfen zur Erziehung ohne Inobhutnahme und § 19; welche Kostenarten zählen, ist eine Einstellung. Mehrkosten werden je Jahr nach Personal, Qualifizierung und Sonstigem erfasst.',
        'Zielwerte je Kennzahl, Region und Jahr stehen in der Übersicht unter „Ziele und Veränderung“ mit einer Ampel in Worten: „Ziel erreicht“, „knapp verfehlt“ (innerhalb der Toleranz) oder „verfehlt“. Dort steht auch die Veränderung jeder Kennzahl gegenüber einem Basisjahr.',
      ],
    },
  ],
};
