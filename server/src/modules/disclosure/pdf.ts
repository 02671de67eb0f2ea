import { berlinDateTimeOf, type Disclosure, formatDateDe, genders, todayIso } from '@leuchtturm/shared';
import type { FormSection, FormSpec } from '../documents/pdf.ts';

/** The Auskunft as a document for the person: the same content as the JSON, on the office's letterhead. */

const dateTime = (iso: string) => {
  const [day, time] = berlinDateTimeOf(new Date(iso)).split('T');
  return `${formatDateDe(day)} ${time}`;
};

export function disclosureSpec(office: string, d: Disclosure): FormSpec {
  const p = d.person;
  const sections: FormSection[] = [
    {
      heading: 'Person',
      fields: [
        ['Name', `${p.firstName} ${p.lastName}`],
        ['Geburtsdatum', p.birthDate ? formatDateDe(p.birthDate) : 'unbekannt'],
        ['Geschlecht', genders.labels[p.gender as keyof typeof genders.labels] ?? p.gender],
        ['Sprache', p.language ?? ''],
        ['Telefon', p.phone ?? ''],
      ],
    },
    {
      heading: 'Haushalte',
      table: {
        columns: [
          { label: 'Haushalt', share: 0.3 },
          { label: 'Anschrift', share: 0.35 },
          { label: 'Rolle', share: 0.15 },
          { label: 'Sorge', share: 0.2 },
        ],
        rows: d.households.map((h) => [h.name, h.address, h.role, h.custody ?? '–']),
      },
    },
    ...d.cases.flatMap((c): FormSection[] => [
      {
        heading: `Fall ${c.caseNumber}`,
        fields: [
          ['Eingang', formatDateDe(c.openedOn)],
          ['Stand', c.status === 'abgeschlossen' ? `abgeschlossen am ${formatDateDe(c.closedOn)}` : 'offen'],
          ['Zugang', c.accessRoute],
          ['Anliegen', c.concern],
        ],
      },
      {
        heading: `Aktenvermerke im Fall ${c.caseNumber}`,
        list: {
          items: c.notes.map((n) => ({ text: `${dateTime(n.occurredAt)} · ${n.kind}`, details: [n.text] })),
        },
      },
      {
        heading: `Wille und Ziele im Fall ${c.caseNumber}`,
        fields: c.willAndGoals
          ? [
              ['Wille', c.willAndGoals.will],
              ['Richtungsziel', c.willAndGoals.directionGoal],
            ]
          : [['Wille und Ziele', 'keine mitteilbaren Angaben']],
      },
      {
        heading: `Aufträge und Auflagen im Fall ${c.caseNumber}`,
        list: {
          items: c.mandates.map((m) => ({
            text: `${m.kind} an ${m.addressee}, fällig ${formatDateDe(m.dueOn)} · ${m.result}`,
            details: [m.text],
          })),
        },
      },
      ...measureSections(c),
      {
        heading: `Hilfepläne im Fall ${c.caseNumber}`,
        list: {
          items: c.helpPlans.map((h) => ({
            text: `Fassung ${h.versionNo}: Gespräch am ${formatDateDe(h.meetingOn)}, Überprüfung spätestens ${formatDateDe(h.reviewOn)}`,
            details: [
              `Kind beteiligt: ${h.childParticipated ? 'ja' : 'nein'}`,
              ...(h.directionGoal === null ? [] : [`Richtungsziel: ${h.directionGoal}`]),
              ...h.goals.map(
                (g) =>
                  `Handlungsziel: ${g.text} (bis ${formatDateDe(g.dueOn)})${
                    g.attainment
                      ? `; Zielerreichung: ${g.attainment.score}${g.attainment.note ? ` – ${g.attainment.note}` : ''}`
                      : ''
                  }`,
              ),
              `Vereinbarte Hilfen: ${h.agreedMeasures}`,
            ],
          })),
        },
      },
      {
        heading: `Dateien im Fall ${c.caseNumber}`,
        list: {
          items: c.documents.map((f) => ({
            text: `${formatDateDe(f.uploadedAt.slice(0, 10))} · ${f.fileName}`,
          })),
        },
      },
    ]),
    {
      heading: 'Wer die Daten gelesen hat',
      table: {
        columns: [
          { label: 'Zeitpunkt', share: 0.25 },
          { label: 'Wer', share: 0.3 },
          { label: 'Was', share: 0.3 },
          { label: 'Art', share: 0.15 },
        ],
        rows: d.reads.map((r) => [dateTime(r.at), r.by, r.what, r.action]),
      },
      note: 'Aus dem Protokoll der Zugriffe, neueste zuerst.',
    },
    {
      heading: 'Nicht mitgeteilte Angaben',
      table: {
        columns: [
          { label: 'Art der Angabe', share: 0.35 },
          { label: 'Fall', share: 0.15 },
          { label: 'Datum', share: 0.12 },
          { label: 'Grund', share: 0.38 },
        ],
        rows: d.withheld.map((w) => [
          w.kind,
          w.caseNumber ?? '–',
          w.date ? formatDateDe(w.date) : '–',
          w.reason,
        ]),
      },
      note: 'Genannt ist die Art der Angabe und der Grund, nicht ihr Inhalt.',
    },
  ];
  return {
    office,
    unit: 'Jugendamt',
    title: 'Auskunft nach Art. 15 DSGVO und § 83 SGB X',
    meta: [
      ['Betroffene Person', `${p.firstName} ${p.lastName}`],
      ['Datum', formatDateDe(todayIso())],
    ],
    sections,
    signatures: ['Ort, Datum, Unterschrift Jugendamt'],
  };
}

type DisclosedCase = Disclosure['cases'][number];
const euro = (amount: string) => `${amount.replace('.', ',')} €`;
const period = (m: DisclosedCase['measures'][number]) =>
  `${formatDateDe(m.beginOn)} – ${m.endOn ? formatDateDe(m.endOn) : m.plannedEndOn ? `geplant ${formatDateDe(m.plannedEndOn)}` : 'offen'}`;

/** The case's Hilfen with their payments (exact amounts) and its Familienrat. */
function measureSections(c: DisclosedCase): FormSection[] {
  const f = c.familyConference;
  return [
    {
      heading: `Hilfen im Fall ${c.caseNumber}`,
      list: {
        items: c.measures.map((m) => ({
          text: `${m.helpType} für ${m.person} · ${period(m)} · ${m.status}${m.provider ? ` · ${m.provider}` : ''}`,
          details: [
            ...(m.beginReason ? [`Beginn vor der Fallöffnung: ${m.beginReason}`] : []),
            ...(m.withdrawReason ? [`Zurückgezogen: ${m.withdrawReason}`] : []),
            m.payments.length === 0
              ? 'Keine Zahlungen'
              : `Zahlungen: ${m.payments.map((p) => `${formatDateDe(p.month)} ${euro(p.amount)}`).join('; ')} (zusammen ${euro(m.paid)})`,
          ],
        })),
      },
    },
    ...(f
      ? [
          {
            heading: `Familienrat im Fall ${c.caseNumber}`,
            fields: [
              ['Stand', f.phase],
              ['Durchgeführt am', f.heldOn ? formatDateDe(f.heldOn) : '–'],
              ['Folgerat', f.followUpOn ? formatDateDe(f.followUpOn) : '–'],
              ['Anliegen', f.concern ?? 'nicht mitgeteilt (siehe unten)'],
              ['Familienplan', f.familyPlan ?? (f.concern === null ? 'nicht mitgeteilt (siehe unten)' : '–')],
              [
                'Entscheidung des Jugendamts',
                f.officeDecision ?? (f.concern === null ? 'nicht mitgeteilt (siehe unten)' : '–'),
              ],
            ],
          } satisfies FormSection,
        ]
      : []),
  ];
}
