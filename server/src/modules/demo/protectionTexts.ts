import type { CpResult } from '@leuchtturm/shared';

/**
 * Texts of the demo city's § 8a checks and Aktenvermerke: short, plausible, obviously invented. Names of reporters
 * and institutions are the visibly fictional ones of the demo city; nobody here exists.
 */

/** What a reporter of each kind tells, with `{kind}` for the child's first name. */
export const reportTexts: Record<string, readonly string[]> = {
  polizei_gericht: [
    'Einsatz wegen häuslicher Gewalt in der Nacht; {kind} war anwesend und hat den Streit miterlebt.',
    'Die Polizei traf {kind} nachts allein in der Wohnung an, die Mutter war nicht erreichbar.',
    'Bei einer Ruhestörung fiel der Polizei die stark vermüllte Wohnung auf, in der {kind} lebt.',
  ],
  schule: [
    '{kind} kommt seit Wochen ohne Frühstück und in verschmutzter Kleidung in die Schule.',
    '{kind} hat der Klassenlehrerin blaue Flecken am Arm gezeigt und gesagt, der Vater sei wütend gewesen.',
    '{kind} fehlt häufig unentschuldigt; die Eltern reagieren nicht auf Einladungen der Schule.',
  ],
  kita: [
    '{kind} wird oft erst mittags und ungewaschen gebracht; mehrfach wunder Po, Windeln nicht gewechselt.',
    'Die Erzieherin beobachtet, dass {kind} sehr ängstlich ist und beim Abholen nicht nach Hause möchte.',
  ],
  gesundheitswesen: [
    'Die Kinderärztin meldet fehlende Vorsorgeuntersuchungen und eine unbehandelte Zahnentzündung bei {kind}.',
    'Die Klinik behandelte {kind} mit einer Verletzung, deren Entstehung die Eltern nicht schlüssig erklären.',
  ],
  beratungsstelle: [
    'Die Erziehungsberatung berichtet, dass die Mutter sich {kind} gegenüber nicht mehr zu helfen weiß.',
  ],
  jugendhilfe: [
    'Das Jugendfreizeitheim berichtet, dass {kind} abends nicht nach Hause gehen will und Angst äußert.',
  ],
  soziale_dienste: [
    'Das Jobcenter meldet eine drohende Wohnungsräumung; {kind} lebt mit im Haushalt.',
    'Das Jugendamt einer anderen Stadt meldet den Zuzug der Familie und einen früheren Kinderschutzfall.',
  ],
  verwandte: [
    'Die Großmutter berichtet, dass {kind} häufig allein gelassen wird, während die Mutter trinkt.',
  ],
  bekannte_nachbarn: [
    'Nachbarn hören fast täglich lautes Schreien und Weinen von {kind} aus der Wohnung.',
    'Eine Nachbarin sieht {kind} oft bis spät abends allein im Treppenhaus.',
  ],
  eltern: [
    'Die Mutter meldet sich, weil sie mit {kind} überfordert ist und Angst hat, die Kontrolle zu verlieren.',
  ],
  minderjaehrige_selbst: ['{kind} kommt selbst ins Amt und berichtet von Schlägen zu Hause.'],
  anonym: [
    'Anonymer Anruf: {kind} sei oft unbeaufsichtigt und werde angeschrien.',
    'Anonymes Schreiben: In der Wohnung der Familie werde getrunken, {kind} sei sich selbst überlassen.',
  ],
  sonstige: ['Der Sportverein meldet, dass {kind} wiederholt mit Verletzungen zum Training kommt.'],
};

/** Who reported, by kind: visibly fictional people and institutions (null: no name given). */
export const reporterNames: Record<string, readonly (string | null)[]> = {
  polizei_gericht: [
    'Polizeirevier Kranhafen',
    'Polizeirevier Hafenmark',
    'Amtsgericht Hafenstadt, Familiengericht',
  ],
  schule: [
    'Frau Beispiel, Klassenlehrerin',
    'Herr Vorlage, Schulsozialarbeit',
    'Grundschule am Deich, Sekretariat',
  ],
  kita: ['Kita Möwennest, Frau Probe', 'Kita Ankerplatz, Leitung'],
  gesundheitswesen: [
    'Kinderarztpraxis Dr. Modell',
    'Klinikum Hafenstadt, Kinderschutzgruppe',
    'Hebamme Frau Skizze',
  ],
  beratungsstelle: ['Erziehungsberatungsstelle Mitte'],
  jugendhilfe: ['Jugendfreizeitheim Lotsenhaus'],
  soziale_dienste: ['Jobcenter Hafenstadt', 'Jugendamt Weserhausen (fiktiv)'],
  verwandte: ['Großmutter mütterlicherseits', null],
  bekannte_nachbarn: ['Nachbarin aus dem Haus', null],
  eltern: [null],
  minderjaehrige_selbst: [null],
  anonym: [null],
  sonstige: ['Sportverein TuS Hafenstadt (fiktiv), Trainer'],
};

export const assessmentFacts: Record<CpResult, readonly string[]> = {
  akut: [
    'Meldung und Hausbesuch bestätigen eine unmittelbare Gefahr; die Eltern können den Schutz derzeit nicht sicherstellen.',
    'Das Kind hat Verletzungen, die Eltern bestreiten jede Verantwortung und verweigern Hilfe.',
  ],
  latent: [
    'Die Versorgung ist unzureichend, die Mutter ist aber erreichbar und zur Mitarbeit bereit.',
    'Hinweise auf Gewalt in der Partnerschaft; das Kind ist belastet, eine akute Gefahr ist nicht erkennbar.',
  ],
  hilfebedarf: [
    'Keine Gefährdung erkennbar; die Familie ist stark belastet und wünscht Unterstützung im Alltag.',
    'Die Meldung bestätigt sich nicht als Gefährdung, es besteht aber Hilfebedarf bei der Erziehung.',
  ],
  kein_bedarf: [
    'Die Meldung hat sich nicht bestätigt; das Kind ist gut versorgt, die Eltern sind kooperativ.',
    'Ein einmaliger Vorfall, den die Eltern selbst gelöst haben; kein weiterer Hilfebedarf.',
  ],
};

export const riskFactors = [
  'Überforderung der Mutter, wenig Unterstützung im Umfeld',
  'Alkoholkonsum eines Elternteils',
  'Gewalt in der Partnerschaft',
  'Beengte Wohnung, drohender Wohnungsverlust',
  'Psychische Erkrankung eines Elternteils, derzeit unbehandelt',
] as const;

export const protectiveFactors = [
  'Die Großmutter wohnt in der Nähe und hilft',
  'Regelmäßiger Besuch der Kita bzw. Schule',
  'Die Mutter nimmt Hilfe an und hält Termine ein',
  'Das Kind hat eine enge Bindung an die Eltern',
  'Der Vater ist erreichbar und kümmert sich am Wochenende',
] as const;

export const visitFindings: Record<CpResult, readonly string[]> = {
  akut: [
    'Wohnung stark vermüllt, kaum Lebensmittel; das Kind wirkt verängstigt und hat sichtbare Hämatome.',
    'Das Kind war allein zu Hause, die Eltern kamen erst nach einer Stunde; keine Versorgung sichergestellt.',
  ],
  latent: [
    'Wohnung unaufgeräumt, Kühlschrank fast leer; das Kind ist freundlich, aber müde und blass.',
    'Angespannte Stimmung zwischen den Eltern; das Kind zieht sich zurück.',
  ],
  hilfebedarf: [
    'Wohnung in Ordnung, die Mutter wirkt erschöpft; das Kind ist altersgerecht versorgt.',
    'Beengte Verhältnisse, aber Versorgung gesichert; die Eltern wünschen Hilfe bei den Hausaufgaben und Regeln.',
  ],
  kein_bedarf: [
    'Wohnung sauber und kindgerecht, das Kind ist gut versorgt und offen im Kontakt.',
    'Keine Auffälligkeiten; das Kind erzählt unbefangen von Kita und Freunden.',
  ],
};

export const noVisitReasons = [
  'Das Kind ist der Schulsozialarbeit gut bekannt; sie hat es am selben Tag gesehen und berichtet.',
  'Die Familie kam am Folgetag mit dem Kind zur Kinderärztin, deren Befund vorliegt.',
] as const;

export const resultNotes: Record<CpResult, string> = {
  akut: 'Schutz des Kindes sofort sicherstellen; Referatsleitung informiert.',
  latent: 'Schutzplan mit Aufträgen vereinbaren, Überprüfung in vier Wochen.',
  hilfebedarf: 'Hilfe anbieten; Familie ist einverstanden.',
  kein_bedarf: 'Rückmeldung an die meldende Stelle, soweit zulässig; kein weiterer Handlungsbedarf.',
};

export const schutzplanTexts: Record<'akut' | 'latent', readonly string[]> = {
  akut: [
    'Das Kind bleibt bis zur Klärung in der Bereitschaftspflege; Umgang nur begleitet.',
    'Die Mutter sorgt dafür, dass der Partner die Wohnung nicht betritt; wöchentliche Hausbesuche.',
  ],
  latent: [
    'Tägliche Versorgung mit Frühstück und Pausenbrot, Rückmeldung der Schule jeden Freitag.',
    'Die Eltern nehmen Erziehungsberatung in Anspruch; Hausbesuch alle zwei Wochen.',
  ],
};

export const mandateTexts: Record<'auflage' | 'auftrag', readonly string[]> = {
  auflage: [
    'Die Mutter stellt sicher, dass das Kind nicht allein in der Wohnung bleibt.',
    'Die Eltern lassen wöchentliche Hausbesuche des Jugendamts zu.',
    'Die Mutter beginnt eine Suchtberatung und legt Nachweise vor.',
  ],
  auftrag: [
    'Die Eltern stellen das Kind bei der Kinderärztin zur Vorsorgeuntersuchung vor.',
    'Das Kind ist an jedem Schultag pünktlich und mit Frühstück in der Schule.',
    'Die Familie nimmt die Termine der Familienhilfe wahr.',
  ],
};

export const courtReasons = [
  'Die Eltern wirken an der Abwendung der Gefährdung nicht mit (§ 8a Abs. 2 SGB VIII, § 1666 BGB).',
  'Die Eltern widersprechen der Inobhutnahme; Entscheidung des Familiengerichts erforderlich.',
] as const;

export const carePlaces = [
  'Kinder- und Jugendnotdienst Hafenstadt',
  'Bereitschaftspflegefamilie (Anschrift in der Akte)',
  'Kinderschutzhaus Leuchtfeuer (fiktiv)',
] as const;

export const carersInformed = [
  'persönlich beim Hausbesuch, schriftlicher Bescheid folgt',
  'telefonisch durch die fallführende Fachkraft, Gespräch im Amt am Folgetag',
] as const;

/** Einschätzungshilfe notes for an area found auffällig (an auffällig area needs one). */
export const checklistNotes: Record<string, string> = {
  wohnsituation: 'Wohnung vermüllt, kein eigener Schlafplatz des Kindes.',
  versorgung: 'Kaum Lebensmittel im Haushalt, Kleidung nicht wettergerecht.',
  aufsicht: 'Kind war bei Ankunft allein, Mutter kam erst später.',
  gesundheit: 'Hämatome am Oberarm, U-Heft lückenhaft.',
  entwicklung: 'Sprachentwicklung deutlich verzögert, kein Kita-Besuch.',
};

/** Aktenvermerke of open cases beyond the § 8a steps: [kind, text, others]. */
export const everydayNotes: readonly (readonly [string, string, string])[] = [
  [
    'telefonat',
    'Rückruf der Schule: Fehlzeiten sind seit zwei Wochen deutlich weniger geworden.',
    'Schule, Klassenlehrerin',
  ],
  [
    'gespraech_im_amt',
    'Gespräch mit der Mutter über den Stand der Ziele; sie möchte die Hausaufgabenhilfe fortsetzen.',
    'Mutter',
  ],
  [
    'hausbesuch',
    'Hausbesuch: Wohnung aufgeräumt, Kinder zu Hause, ruhige Stimmung. Nächster Termin in vier Wochen.',
    'Mutter; Kinder',
  ],
  [
    'schriftverkehr',
    'Einladung zum Hilfeplangespräch an die Eltern und den Träger versandt.',
    'Eltern; Träger',
  ],
  [
    'fachgespraech',
    'Fachgespräch mit der Familienhilfe: Tagesstruktur gelingt besser, Geldeinteilung bleibt schwierig.',
    'Familienhilfe des Trägers',
  ],
  ['telefonat', 'Der Vater ruft an und bittet um einen Termin wegen des Umgangs am Wochenende.', 'Vater'],
  [
    'sonstiges',
    'Unterlagen für den Antrag auf Hilfe zur Erziehung von der Mutter erhalten und geprüft.',
    'Mutter',
  ],
];
