import type { HelpTopicContent } from './types.ts';

/** Help: Meine Fälle, intake and the case file (docs/domain.md, section 2). */
export const casesHelp: HelpTopicContent = {
  intro:
    'Ein Fall ist die Akte einer Familie oder eines jungen Menschen. Die Fallakte folgt der ressourcen- und sozialraumorientierten Fallarbeit: Zuerst kommen das Anliegen und der [[wille]] der Familie, dann Ziele, Ressourcen und erst danach Hilfen. Jeder Reiter der Fallakte steht für einen Teil dieser Methode.',
  sections: [
    {
      id: 'meine-faelle',
      heading: 'Meine Fälle',
      blocks: [
        'Die Liste zeigt die offenen Fälle, die Sie führen, die Fälle der Kolleginnen, die Sie vertreten, und die Fälle, die Ihnen freigegeben wurden; als Referatsleitung auch die Fälle Ihres Teams. Jede Zeile nennt die nächste Frist und überfällige Aufträge oder Auflagen.',
        'Die Suche verlangt, dass jedes eingegebene Wort passt: Namen der Familie und ihrer Mitglieder, Straße, Hausnummer, Aktenzeichen oder ein Geburtsdatum (TT.MM.JJJJ). Schreibweisen wie Müller, Mueller und Muller gelten als gleich.',
      ],
    },
    {
      id: 'falleingang',
      heading: 'Falleingang',
      blocks: [
        'Ein neuer Fall entsteht in zwei Schritten: erst die Familie (Haushalt mit Anschrift und Personen), dann der Falleingang mit Datum, [[zugangsweg]] und dem Anliegen in den Worten der Familie.',
        'Beim Anlegen einer Person sucht das System nach Personen mit gleichem Geburtsdatum und ähnlichem Namen, damit niemand doppelt angelegt wird. Die Anschrift des Haushalts bestimmt Stadtteil und zuständiges Team ([[zustaendigkeit]]).',
      ],
    },
    {
      id: 'familie-bekannt',
      heading: '„Ist die Familie bekannt?“',
      blocks: [
        'Die Abfrage sagt, ob eine Person dem Jugendamt schon bekannt ist und wo (Team, fallführende Fachkraft), aber nie, was in ihrem Fall steht. Jede Abfrage wird protokolliert, und die Zahl der Abfragen ist begrenzt.',
      ],
    },
    {
      id: 'ueberblick',
      heading: 'Überblick und Verlauf',
      blocks: [
        'Der Überblick zeigt die Personen des Haushalts und den Verlauf: alle Ereignisse des Falls (Falleingang, Einordnung, Aufträge, Hilfepläne, Abschluss …) zusammen mit den [[aktenvermerk|Aktenvermerken]]. Filter grenzen den Verlauf auf Vermerke oder Ereignisse ein.',
      ],
    },
    {
      id: 'einordnung',
      heading: 'Einordnung: Leistungs-, Grau- und Gefährdungsbereich',
      blocks: [
        'Jeder Fall wird in einen von drei Bereichen eingeordnet ([[falleinordnung]]). Der Bereich bestimmt, wie das Jugendamt mit der Familie arbeitet:',
        {
          list: [
            '[[leistungsbereich]]: freiwillige Hilfe; das Anliegen und der Wille der Familie führen.',
            '[[graubereich]]: die Fachkräfte sind besorgt; [[auftrag|Aufträge]] klären einen Verdacht oder beugen einer drohenden Gefährdung vor.',
            '[[gefaehrdungsbereich]]: das Kindeswohl ist gefährdet; [[auflage|Auflagen]] müssen erfüllt werden.',
          ],
        },
        'Eingeordnet wird in einer [[kurzberatung]] mit mindestens zwei Fachkräften. Die Kurzberatungen bleiben als Geschichte erhalten; es gilt die jüngste. Auch das Ergebnis einer Prüfung nach § 8a trägt sich hier als Kurzberatung ein (siehe [[hilfe:kinderschutz|Kinderschutz]]).',
        'Ein Auftrag setzt den Grau- oder Gefährdungsbereich voraus, eine Auflage den Gefährdungsbereich. Zu beiden gehören: was zu tun oder zu zeigen ist, wer es tun soll, bis wann, wie und wann es überprüft wird und welche Konsequenz droht. Das Ergebnis lautet erfüllt, teilweise erfüllt oder nicht erfüllt. Ein gescheiterter Auftrag kann in eine Auflage überführt werden: Eine neue Kurzberatung ordnet den Fall dann in den Gefährdungsbereich ein.',
      ],
    },
    {
      id: 'wille-und-ziele',
      heading: 'Wille und Ziele',
      blocks: [
        'Am Anfang steht der [[wille]] der Familie in ihren eigenen Worten. Daraus wird gemeinsam ein [[richtungsziel]] formuliert: ein positiver Zustand in der Zukunft, dem alle zustimmen können.',
        'Das Richtungsziel wird durch [[handlungsziel|Handlungsziele]] konkret: beobachtbar und mit Termin. Zu jedem Handlungsziel gehören [[handlungsschritt|Handlungsschritte]]: wer tut was bis wann, mit welcher Ressource.',
        'Ziele beschreiben Zustände, keine Hilfen. „Fünf Stunden Familienhilfe pro Woche“ ist ein möglicher Weg, aber kein Ziel.',
      ],
    },
    {
      id: 'ressourcen',
      heading: 'Ressourcen',
      blocks: [
        'Die [[ressourcenkarte]] sammelt, worauf die Familie bauen kann: persönliche Stärken, soziale Beziehungen, materielle Mittel und Angebote im Stadtteil. Jede Ressource kann dem Ziel zugeordnet werden, dem sie dient.',
      ],
    },
    {
      id: 'netzwerkkarte',
      heading: 'Netzwerkkarte',
      blocks: [
        'Die [[netzwerkkarte]] zeigt als Bild, wer um die Familie herum wichtig ist: Menschen und Einrichtungen, ihre Nähe (innerer bis äußerer Ring) und die Art der Beziehung.',
      ],
    },
    {
      id: 'kollegiale-beratung',
      heading: 'Kollegiale Beratung',
      blocks: [
        'In der Wochenkonferenz bringt die fallführende Fachkraft eine offene Frage ein. Drei verschiedene Kolleginnen übernehmen Moderation, Protokoll und den [[perspektivwechsel]]. Die Ideen werden nach ihrer Quelle geordnet: die Person selbst, ihr Umfeld, der Stadtteil, Hilfen zur Erziehung.',
        'Jede Beratung endet mit der [[schlussfrage]]. Ihre Antwort wird ein [[bedarf]] des Stadtteils und der Altersgruppe (siehe [[hilfe:bedarfe|Bedarfe]]).',
      ],
    },
    {
      id: 'hilfeplan',
      heading: 'Hilfeplan',
      blocks: [
        'Der [[hilfeplan]] nach § 36 SGB VIII hält fest, wer den Antrag gestellt hat, wer am Hilfeplangespräch beteiligt war (auch das Kind), welche Ziele gelten und welche Hilfen vereinbart sind. Die Überprüfung ist spätestens sechs Monate nach dem Gespräch fällig; ein späterer Termin ist möglich, das System warnt dann.',
        'Bei der Überprüfung wird für jedes Handlungsziel die [[zielerreichung]] eingetragen und eine [[fortschreibung]] gespeichert. Ältere Fassungen bleiben unverändert und können verglichen werden.',
      ],
    },
    {
      id: 'familienrat',
      heading: 'Familienrat',
      blocks: [
        'Im [[familienrat]] entwickelt die Familie mit Menschen aus ihrem Umfeld selbst einen Plan. Das Jugendamt benennt vorher seine Sorge und stimmt dem Plan am Ende zu oder bittet um Änderungen. Der Folgerat etwa drei Monate später prüft, ob der Plan trägt.',
      ],
    },
    {
      id: 'einwilligungen',
      heading: 'Einwilligungen',
      blocks: [
        'Hier stehen die [[schweigepflichtentbindung|Schweigepflichtentbindungen]]: wer wen wofür und für welchen Zeitraum entbunden hat. Eine widerrufene oder abgelaufene Entbindung gilt nicht mehr.',
      ],
    },
    {
      id: 'dokumente',
      heading: 'Dokumente',
      blocks: [
        'Formulare entstehen als PDF aus den Einträgen der Fallakte, z. B. Falleingang, Schweigepflichtentbindung, Protokoll der kollegialen Beratung, Antrag auf Hilfe zur Erziehung und Hilfeplan. Dazu kommen hochgeladene Dateien.',
      ],
    },
    {
      id: 'abschluss',
      heading: 'Abschluss',
      blocks: [
        'Ein Fall wird mit Datum, Grund und Ergebnis abgeschlossen; ein „Tipp aus dem abgeschlossenen Fall“ kann dem Team weiterhelfen. Danach kann die Fallakte nur noch gelesen werden.',
      ],
    },
    {
      id: 'uebergaben',
      heading: 'Übergaben und Übermittlungen',
      blocks: [
        '„Fall umziehen“: Zieht die Familie um, geht der Fall mit seiner ganzen Akte an das Team, das für die neue Anschrift zuständig ist (die Referatsleitung kann das Team auch selbst wählen). Das bisherige Team verliert den Zugriff; nur wer im selben Schritt Zugriff bis zu einem Tag erhält, liest den Fall weiter.',
        '„Abgabe an anderes Jugendamt (§ 86c)“ schließt den Fall hier ab und vermerkt das übernehmende Jugendamt, den Tag und den Grund. Laufende und geplante Hilfen werden dabei wie beim Abschluss beendet oder zurückgezogen. Danach entsteht das Übergabepaket: die Fallakte als PDF.',
        'Ein Bericht für das Familiengericht, einen Träger oder ein anderes Amt und das Übergabepaket entstehen nur mit einer gültigen [[schweigepflichtentbindung|Schweigepflichtentbindung]] oder einer gesetzlichen Grundlage aus der Liste. Jede Übermittlung steht mit Empfänger, Grundlage, Person und Zeitpunkt unter „Übermittlungen“.',
      ],
    },
    {
      id: 'zugriff',
      heading: 'Fallführung und Zugriff',
      blocks: [
        'Einen Fall sehen nur, die für ihn verantwortlich sind: die [[fallfuehrung|fallführende Fachkraft]], ihre [[vertretung|Vertretungen]], die [[referatsleitung]] des Teams und Personen, denen der Fall ausdrücklich freigegeben wurde. Andere Teams, die Leitung des Jugendamts und das Controlling sehen ihn nicht.',
        'Der Reiter zeigt der Referatsleitung und der fallführenden Fachkraft, wer Zugriff hat und warum. Die Referatsleitung kann die Fallführung übergeben und Zugriff gewähren oder entziehen. Jeder Zugriff und jede Ablehnung wird [[hilfe:protokoll|protokolliert]].',
      ],
    },
  ],
};
