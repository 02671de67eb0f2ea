import {
  berlinDateTimeOf,
  type CaseDetail,
  type CpCheck,
  caseAreas,
  cpCareEndReasons,
  cpChannels,
  cpDangerSources,
  cpEndangermentTypes,
  cpMeasureKinds,
  cpReporterKinds,
  cpResultAreas,
  cpResults,
  cpServiceKinds,
  cpUrgencies,
  cpVisitKinds,
  formatBirthDate,
  formatDateDe,
  mandateKinds,
  mandatePurposes,
  mandateResults,
} from '@leuchtturm/shared';
import type { FormListItem, FormSection } from './pdf.ts';

/**
 * The Beratungsvorlage und Protokoll zur Risikoeinschätzung und Überprüfung von Aufträgen und Auflagen: the
 * consultation of the risk, unlike the resource-oriented kollegiale Beratung (forms.ts). Filled from a § 8a check
 * (its assessment by several professionals and its result) or from a Kurzberatung zur Risikoeinschätzung of the
 * case's classification history; both print every Auftrag and Auflage of the case with its result for review.
 */

/** An instant as German office time: "02.11.2026, 10:15 Uhr". */
export function dateTimeDe(instant: string | null): string {
  if (!instant) return '–';
  const local = berlinDateTimeOf(new Date(instant));
  return `${formatDateDe(local.slice(0, 10))}, ${local.slice(11)} Uhr`;
}

/** Lines to write on when a part of the consultation is not recorded yet (the Vorlage before it is held). */
const WRITE_IN = 4;
const textOrLines = (heading: string, text: string | null | undefined): FormSection =>
  text?.trim() ? { heading, text } : { heading, text: 'noch nicht erfasst', lines: WRITE_IN };

/** Every Auftrag and Auflage of the case: what, for what, by whom and when, how checked, and its result. */
export function mandatesSection(d: CaseDetail): FormSection {
  return {
    heading: 'Überprüfung von Aufträgen und Auflagen',
    table: {
      columns: [
        { label: 'Art und Zweck', share: 1.4 },
        { label: 'Auftrag / Auflage', share: 3 },
        { label: 'Wer, bis wann, Überprüfung', share: 2.2 },
        { label: 'Ergebnis und Konsequenz', share: 1.8 },
      ],
      rows: d.mandates.map((m) => [
        `${mandateKinds.labels[m.kind]}: ${mandatePurposes.labels[m.purpose]}`,
        m.text,
        [
          m.addressee,
          `bis ${formatDateDe(m.dueOn)}`,
          `überprüft durch: ${m.checkMethod}`,
          m.reviewOn ? `Überprüfung am ${formatDateDe(m.reviewOn)}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
        `${mandateResults.labels[m.result]}${m.overdue ? ' (überfällig)' : ''}${m.consequence ? `\nKonsequenz: ${m.consequence}` : ''}`,
      ]),
    },
    note: 'Auftrag: Klärung einer vermuteten oder Abwendung einer drohenden Gefährdung (Graubereich). Auflage: Abwendung einer vorliegenden Gefährdung (Gefährdungsbereich).',
  };
}

function measureItem(m: CpCheck['measures'][number]): FormListItem {
  const details = [
    m.description,
    m.kind === 'schutzplan' && m.reviewDates.length > 0
      ? `Überprüfung: ${m.reviewDates.map(formatDateDe).join(', ')}`
      : null,
    m.kind === 'schutzplan' && m.mandates.length > 0
      ? `Aufträge/Auflagen: ${m.mandates.map((x) => x.text).join('; ')}`
      : null,
    m.offerKind ? `Angebotene Hilfe: ${cpServiceKinds.labels[m.offerKind]}` : null,
    m.kind === 'inobhutnahme'
      ? `Beginn ${dateTimeDe(m.beginAt)}, Ort: ${m.place ?? '–'}; Sorgeberechtigte unterrichtet: ${m.carersInformedHow ?? '–'}`
      : null,
    m.endAt
      ? `Ende ${dateTimeDe(m.endAt)}${m.endReason ? ` (${cpCareEndReasons.labels[m.endReason]})` : ''}`
      : null,
  ].filter((x): x is string => Boolean(x));
  return { text: `${cpMeasureKinds.labels[m.kind]} (${formatDateDe(m.decidedOn)})`, details };
}

/** Sections of the form from a § 8a check; the child is named, the family section comes from forms.ts. */
export function checkRiskSections(d: CaseDetail, check: CpCheck, family: FormSection): FormSection[] {
  const child = d.household.members.find((m) => m.person.id === check.child.id)?.person;
  const o = check.outcome;
  const area = o ? (o.classification?.area ?? cpResultAreas[o.result]) : null;
  return [
    {
      heading: 'Kind',
      fields: [
        ['Name', check.child.name],
        ['Geboren', child ? formatBirthDate(child.birthDate) : '–'],
        ['Fallführung', d.lead?.name ?? '–'],
      ],
    },
    family,
    {
      heading: 'Anlass: Meldung',
      fields: [
        ['Eingang', dateTimeDe(check.receivedAt)],
        [
          'Gemeldet durch',
          `${cpReporterKinds.labels[check.reporterKind]}${check.reporterName ? ` (${check.reporterName})` : ''}`,
        ],
        ['Weg', cpChannels.labels[check.channel]],
        ['Aufgenommen von', check.takenBy.name],
      ],
      text: check.reportText,
    },
    {
      heading: 'Ersteinschätzung',
      fields: [
        ['Dringlichkeit', check.urgency ? cpUrgencies.labels[check.urgency] : 'noch nicht entschieden'],
        ['Frist der Einschätzung', dateTimeDe(check.assessmentDueAt)],
        ['Begründung', check.urgencyReason ?? '–'],
      ],
    },
    textOrLines('Sachverhalt', check.assessment?.facts),
    textOrLines('Risikofaktoren', check.assessment?.riskFactors),
    textOrLines('Schutzfaktoren', check.assessment?.protectiveFactors),
    {
      heading: 'Inaugenscheinnahme',
      fields: check.visit
        ? check.visit.status === 'durchgefuehrt'
          ? [
              ['Wann', dateTimeDe(check.visit.at)],
              ['Wie', check.visit.kind ? cpVisitKinds.labels[check.visit.kind] : '–'],
              ['Kind gesehen', check.visit.childSeen ? 'ja' : 'nein'],
              ['Eindruck', check.visit.findings ?? '–'],
            ]
          : [['Nicht erforderlich, weil', check.visit.reason ?? '–']]
        : [['Stand', 'noch nicht erfasst']],
    },
    mandatesSection(d),
    {
      heading: 'Einschätzung im Zusammenwirken mehrerer Fachkräfte',
      fields: check.assessment
        ? [
            ['Beraten am', dateTimeDe(check.assessment.heldAt)],
            ['Beteiligte Fachkräfte', check.assessment.participants.map((p) => p.name).join(', ')],
          ]
        : [['Stand', 'noch nicht erfasst']],
    },
    {
      heading: 'Ergebnis und Falleinordnung',
      fields: o
        ? [
            ['Ergebnis', cpResults.labels[o.result]],
            ['Falleinordnung', area ? caseAreas.labels[area] : '–'],
            ['Einschätzung abgeschlossen', formatDateDe(o.completedOn)],
            [
              'Art der Gefährdung',
              o.endangermentTypes.map((t) => cpEndangermentTypes.labels[t]).join(', ') || '–',
            ],
            [
              'Gefährdung geht aus von',
              o.dangerSources.map((s) => cpDangerSources.labels[s]).join(', ') || '–',
            ],
            ['Anmerkung', o.note ?? '–'],
          ]
        : [['Stand', 'noch nicht entschieden']],
      ...(o ? {} : { lines: WRITE_IN }),
    },
    {
      heading: 'Entscheidung und Konsequenzen',
      list: { items: check.measures.map(measureItem) },
      ...(check.measures.length === 0 ? { lines: WRITE_IN } : {}),
    },
  ];
}

/** Sections of the form from a Kurzberatung zur Risikoeinschätzung (a classification of the case). */
export function consultationRiskSections(
  d: CaseDetail,
  consultation: CaseDetail['classifications'][number],
  family: FormSection,
): FormSection[] {
  return [
    family,
    {
      heading: 'Kurzberatung zur Risikoeinschätzung',
      fields: [
        ['Datum', formatDateDe(consultation.decidedOn)],
        ['Fallführung', d.lead?.name ?? '–'],
        ['Beteiligte Fachkräfte', consultation.participants.join(', ')],
      ],
    },
    textOrLines('Sachverhalt', consultation.facts),
    { heading: 'Risikofaktoren', lines: WRITE_IN },
    { heading: 'Schutzfaktoren', lines: WRITE_IN },
    mandatesSection(d),
    {
      heading: 'Ergebnis: Falleinordnung',
      text: caseAreas.labels[consultation.area],
    },
    { heading: 'Entscheidung und nächste Schritte', text: consultation.nextSteps },
  ];
}
