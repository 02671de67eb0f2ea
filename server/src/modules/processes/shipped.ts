import type { ProcessStepDefinition } from '@leuchtturm/shared';

/**
 * The core processes every Jugendamt starts with (docs/processes.md): child protection (§ 8a SGB VIII), help for
 * education (§§ 27 ff.) and counselling, after the JuWe core processes. Migration 0011 gives them to the tenants
 * that existed then, createTenant to every new one.
 *
 * A shipped version never changes (shipped.test.ts pins its content): migration 0011 inserts what is written
 * here, and instances refer to it. A change is a new entry with the next version, inserted by a new migration and
 * by createTenant.
 */
export interface ShippedDefinition {
  key: string;
  version: number;
  name: string;
  steps: ProcessStepDefinition[];
}

type Step = Omit<ProcessStepDefinition, 'completedBy' | 'repeatEvery' | 'setsUrgency' | 'documents'> &
  Partial<Pick<ProcessStepDefinition, 'completedBy' | 'repeatEvery' | 'setsUrgency' | 'documents'>>;
const step = (s: Step): ProcessStepDefinition => ({
  completedBy: null,
  repeatEvery: null,
  setsUrgency: false,
  documents: [],
  ...s,
});

/**
 * The deadlines of the assessment and the home visit, counted from the report's receipt, by the urgency the
 * Ersteinschätzung decides (the child-protection module's rule, assessmentDueAt): 24 or 72 elapsed hours, two weeks
 * when regular; "sofort" is due on receipt, here one hour (a deadline is at least one unit). Until the urgency is
 * known, two weeks.
 */
const byUrgency = {
  sofort: { unit: 'hours', amount: 1 },
  innerhalb_24h: { unit: 'hours', amount: 24 },
  innerhalb_72h: { unit: 'hours', amount: 72 },
  regulaer: { unit: 'hours', amount: 336 },
} as const;

const childProtection: ShippedDefinition = {
  key: 'kinderschutz',
  version: 1,
  name: 'Kinderschutz (§ 8a SGB VIII)',
  steps: [
    step({
      key: 'meldung',
      title: 'Meldung aufnehmen',
      role: 'case_manager',
      deadline: { unit: 'hours', amount: 24, from: 'start' },
      checklist: [
        'Wer meldet, wann und auf welchem Weg; Erreichbarkeit für Rückfragen',
        'Was wurde beobachtet? Möglichst im Wortlaut festhalten',
        'Welche Kinder leben im Haushalt, wie alt sind sie?',
        'Ist die Familie bekannt? Frühere Vorgänge prüfen',
      ],
      documents: ['Meldebogen Kindeswohlgefährdung'],
      completedBy: 'child_protection.report',
    }),
    step({
      key: 'ersteinschaetzung',
      title: 'Ersteinschätzung der Dringlichkeit',
      role: 'case_manager',
      deadline: {
        unit: 'hours',
        amount: 24,
        from: { step: 'meldung' },
        byUrgency: { sofort: { unit: 'hours', amount: 1 } },
      },
      checklist: [
        'Dringlichkeit einschätzen: sofort, innerhalb von 24 Stunden, innerhalb von 72 Stunden oder regulär',
        'Referatsleitung informieren',
        'Bei akuter Gefahr sofort Schutz sicherstellen',
      ],
      documents: ['Dokumentationsbogen Ersteinschätzung'],
      completedBy: 'child_protection.initial_assessment',
      setsUrgency: true,
    }),
    step({
      key: 'gefaehrdungseinschaetzung',
      title: 'Gefährdungseinschätzung im Zusammenwirken mehrerer Fachkräfte',
      role: 'case_manager',
      deadline: { unit: 'hours', amount: 336, from: { step: 'meldung' }, byUrgency },
      checklist: [
        'Mindestens zwei Fachkräfte schätzen gemeinsam ein',
        'Eltern und Kind einbeziehen, soweit der Schutz des Kindes dadurch nicht gefährdet wird',
        'Bei Bedarf eine insoweit erfahrene Fachkraft hinzuziehen',
      ],
      documents: ['Protokoll der Gefährdungseinschätzung'],
      completedBy: 'child_protection.assessment',
    }),
    step({
      key: 'hausbesuch',
      title: 'Inaugenscheinnahme / Hausbesuch',
      role: 'case_manager',
      deadline: { unit: 'hours', amount: 336, from: { step: 'meldung' }, byUrgency },
      checklist: [
        'Hausbesuch zu zweit',
        'Das Kind selbst in Augenschein nehmen',
        'Wohnsituation, Versorgung und Verhalten festhalten',
      ],
      documents: ['Hausbesuchsmappe'],
      completedBy: 'child_protection.visit',
    }),
    step({
      key: 'ergebnis',
      title: 'Ergebnis der Gefährdungseinschätzung',
      role: 'team_lead',
      deadline: { unit: 'workingDays', amount: 3, from: { step: 'hausbesuch' } },
      checklist: [
        'Ergebnis festhalten: akute oder latente Kindeswohlgefährdung, keine Kindeswohlgefährdung aber Hilfebedarf, keine Kindeswohlgefährdung und kein Hilfebedarf',
        'Die Referatsleitung zeichnet mit',
      ],
      documents: ['Ergebnisbogen der Gefährdungseinschätzung'],
      completedBy: 'child_protection.result',
    }),
    step({
      key: 'schutzplan',
      title: 'Schutzplan und Konsequenzen',
      role: 'case_manager',
      deadline: { unit: 'workingDays', amount: 5, from: { step: 'ergebnis' } },
      checklist: [
        'Schutzplan mit Auflagen und Fristen vereinbaren',
        'Hilfe anbieten',
        'Familiengericht anrufen, wenn die Eltern nicht mitwirken (§ 8a Abs. 2)',
        'Inobhutnahme (§ 42) bei dringender Gefahr',
        'Der meldenden Stelle rückmelden, soweit zulässig',
      ],
      documents: ['Schutzplan', 'Erhebungsbogen § 8a für die Statistik'],
      completedBy: 'child_protection.consequence',
    }),
  ],
};

const helpForEducation: ShippedDefinition = {
  key: 'hilfe_zur_erziehung',
  version: 1,
  name: 'Hilfe zur Erziehung (§§ 27 ff. SGB VIII)',
  steps: [
    step({
      key: 'antrag',
      title: 'Antrag auf Hilfe zur Erziehung',
      role: 'case_manager',
      deadline: { unit: 'workingDays', amount: 5, from: 'start' },
      checklist: [
        'Antrag der Personensorgeberechtigten liegt vor',
        'Über Hilfearten und Folgen beraten (§ 36 Abs. 1)',
        'Wille und Ziele der Familie erfasst',
      ],
      documents: ['Antrag auf Hilfe zur Erziehung'],
    }),
    step({
      key: 'kollegiale_beratung',
      title: 'Kollegiale Beratung',
      role: 'case_manager',
      deadline: { unit: 'workingDays', amount: 15, from: { step: 'antrag' } },
      checklist: [
        'Fragestellung vorbereitet',
        'Moderation, Protokoll und Perspektivwechsel an drei Personen verteilt',
        'Abschlussfrage zum Sozialraum beantwortet',
      ],
      documents: ['Beratungsvorlage', 'Protokoll der kollegialen Beratung'],
      completedBy: 'peer_consultation',
    }),
    step({
      key: 'hilfeplangespraech',
      title: 'Hilfeplangespräch',
      role: 'case_manager',
      deadline: { unit: 'workingDays', amount: 20, from: { step: 'kollegiale_beratung' } },
      checklist: [
        'Familie und junger Mensch beteiligt',
        'Ziele aus Wille und Ziele übernommen',
        'Hilfeart, Umfang und Träger vereinbart',
        'Überprüfung spätestens nach sechs Monaten vereinbart',
      ],
      documents: ['Hilfeplan'],
      completedBy: 'help_plan',
    }),
    step({
      key: 'bewilligung',
      title: 'Bewilligung',
      role: 'team_lead',
      deadline: { unit: 'workingDays', amount: 10, from: { step: 'hilfeplangespraech' } },
      checklist: ['Kosten geprüft', 'Über der Betragsgrenze bewilligt die Referatsleitung'],
      documents: ['Bescheid'],
      completedBy: 'measure_approval',
    }),
    step({
      key: 'massnahme',
      title: 'Beginn der Maßnahme',
      role: 'case_manager',
      deadline: { unit: 'workingDays', amount: 20, from: { step: 'bewilligung' } },
      checklist: ['Träger beauftragt', 'Beginn mit Träger und Familie abgestimmt'],
    }),
    step({
      key: 'ueberpruefung',
      title: 'Überprüfung und Fortschreibung des Hilfeplans',
      role: 'case_manager',
      deadline: { unit: 'months', amount: 6, from: { step: 'hilfeplangespraech' } },
      checklist: [
        'Zielerreichung je Handlungsziel bewertet',
        'Fortsetzung, Änderung oder Ende der Hilfe entschieden',
      ],
      documents: ['Fortschreibung des Hilfeplans'],
      completedBy: 'help_plan',
      repeatEvery: { unit: 'months', amount: 6 },
    }),
    step({
      key: 'ende',
      title: 'Ende der Hilfe',
      role: 'case_manager',
      deadline: null,
      checklist: [
        'Abschlussgespräch mit Familie und Träger',
        'Zielerreichung festgehalten',
        'Ende und Grund der Maßnahme erfasst',
      ],
      completedBy: 'measure_end',
    }),
  ],
};

const counselling: ShippedDefinition = {
  key: 'beratung',
  version: 1,
  name: 'Beratung',
  steps: [
    step({
      key: 'falleingang',
      title: 'Falleingang und Falleinordnung',
      role: 'case_manager',
      deadline: { unit: 'workingDays', amount: 5, from: 'start' },
      checklist: [
        'Anliegen und Zugangsweg erfasst',
        'Kurzberatung zur Risikoeinschätzung mit mindestens zwei Fachkräften',
        'Eingeordnet: Leistungs-, Grau- oder Gefährdungsbereich',
      ],
      documents: ['Falleingangsbogen'],
      completedBy: 'risk_consultation',
    }),
    step({
      key: 'wille_und_ziele',
      title: 'Wille und Ziele',
      role: 'case_manager',
      deadline: { unit: 'workingDays', amount: 20, from: { step: 'falleingang' } },
      checklist: [
        'Wille der Familie in ihren eigenen Worten',
        'Richtungsziel vereinbart',
        'Handlungsziele mit Terminen',
        'Ressourcen erkundet',
      ],
      documents: ['Ressourcenkarte', 'Netzwerkkarte'],
      completedBy: 'will_and_goals',
    }),
    step({
      key: 'beratungsgespraeche',
      title: 'Beratungsgespräche',
      role: 'case_manager',
      deadline: { unit: 'months', amount: 3, from: { step: 'wille_und_ziele' } },
      checklist: [
        'Gespräche festgehalten',
        'Handlungsschritte überprüft',
        'Angebote im Sozialraum einbezogen',
      ],
    }),
    step({
      key: 'abschluss',
      title: 'Abschluss oder Antrag auf Hilfe zur Erziehung',
      role: 'case_manager',
      deadline: { unit: 'workingDays', amount: 20, from: { step: 'beratungsgespraeche' } },
      checklist: [
        'Ziele erreicht: Abschluss mit der Familie besprochen',
        'Sonst: Antrag auf Hilfe zur Erziehung und den Prozess „Hilfe zur Erziehung“ starten',
        'Tipp aus dem Fall für die Wochenkonferenz',
      ],
      completedBy: 'case_closing',
    }),
  ],
};

/** Every shipped version, oldest first. Append; never edit an entry (see above). */
export const shippedDefinitions: readonly ShippedDefinition[] = [
  childProtection,
  helpForEducation,
  counselling,
];
