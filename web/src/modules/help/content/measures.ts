import type { HelpTopicContent } from './types.ts';

/** Help: measures, approvals and the finance side (docs/domain.md, section 3). */
export const measuresHelp: HelpTopicContent = {
  intro:
    'Hilfen (Maßnahmen) sind die Leistungen, die das Jugendamt einem jungen Menschen oder einer Familie gewährt, meist [[hilfe-zur-erziehung|Hilfen zur Erziehung]]. Sie werden im Reiter „Hilfen“ der Fallakte geplant; ihre Kosten rechnet das System aus den Sätzen der Träger.',
  sections: [
    {
      id: 'planen',
      heading: 'Eine Hilfe planen',
      blocks: [
        'Zu einer Hilfe gehören der junge Mensch, die [[hilfeart]], der [[traeger]] mit seinem [[leistungsangebot]], Beginn und geplantes Ende, bei Abrechnung nach [[fachleistungsstunde|Fachleistungsstunden]] die Stunden pro Woche, der zugehörige Hilfeplan und bis zu drei Gründe für die Gewährung (für die Statistik).',
        'Bei der flexiblen Hilfe nach § 27 Abs. 2 kann statt eines Leistungsangebots ein individueller Satz gelten. Bei §§ 35 und 35a wird die Kategorie ([[ambulant-stationaer|ambulant oder stationär]]) je Hilfe gewählt; die Hilfe für junge Volljährige (§ 41) folgt der zugrunde liegenden Hilfe.',
      ],
    },
    {
      id: 'bewilligen',
      heading: 'Bewilligen, zurückziehen, beenden',
      blocks: [
        'Eine neue Hilfe ist zunächst geplant. Liegen ihre erwarteten Kosten im ersten vollen Monat über der Betragsgrenze, muss die Referatsleitung sie bewilligen (Seite „Bewilligungen“); darunter genügt die fallführende Fachkraft ([[bewilligung]]). Nur bewilligte Hilfen laufen und kosten Geld.',
        'Eine geplante Hilfe kann zurückgezogen werden: Sie lief nie, kostet nichts und bleibt als solche in der Akte. Eine laufende Hilfe wird mit Datum und Grund beendet: planmäßig, Abbruch, Wechsel oder Zuständigkeitswechsel.',
      ],
    },
    {
      id: 'kosten',
      heading: 'Wie die Kosten berechnet werden',
      blocks: [
        'Für jeden Tag, an dem eine bewilligte Hilfe läuft, gilt der an diesem Tag gültige Satz: ein Tagessatz einmal je Tag, eine Monatspauschale anteilig nach den Tagen des Monats, eine Fachleistungsstunde mit den Wochenstunden geteilt durch sieben. Gerechnet wird exakt und erst am Ende auf den Cent gerundet.',
        'Sind für eine Hilfe und einen Monat tatsächliche Zahlungen importiert, ersetzen sie den berechneten Betrag.',
      ],
    },
    {
      id: 'finanzen',
      heading: 'Wirtschaftliche Jugendhilfe',
      blocks: [
        'Die Seite „Finanzen“ ist für die [[wirtschaftliche-jugendhilfe]]:',
        {
          list: [
            'Monatskosten: alle Hilfen, die in einem Monat laufen, mit ihren Kosten und der Summe.',
            'Zahlungen importieren: eine CSV-Datei mit Maßnahme, Monat und Betrag wird erst geprüft, dann übernommen.',
            'Träger und Sätze: Träger, ihre Leistungsangebote und Sätze mit Gültigkeit.',
            'Statistik: die Dateien der amtlichen Statistik für Hilfen zur Erziehung und für Gefährdungseinschätzungen nach § 8a.',
            'Einstellungen: die Betragsgrenze für die Bewilligung durch die Referatsleitung.',
          ],
        },
      ],
    },
  ],
};
