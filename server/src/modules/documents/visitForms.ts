import {
  ageOn,
  type CaseDetail,
  type CpCheck,
  cpChecklistAreas,
  cpChecklistGuide,
  cpChecklistRatings,
  custodyKinds,
  formatAddress,
  formatDateDe,
  householdRoles,
  mandateKinds,
  todayIso,
} from '@leuchtturm/shared';
import type { FormSection } from './pdf.ts';
import { dateTimeDe } from './riskForms.ts';

/**
 * The Hausbesuchsmappe: the sheet a professional takes on a home visit. It holds what the visitor needs and no more
 * (it leaves the office): the household's address and members, the children's ages, the open Aufträge and Auflagen
 * with their dates, and the Einschätzungshilfe to tick, whose answers are entered back as the visit's record. It
 * names no report, reporter or finding.
 */

const childRoles = new Set(['kind', 'geschwister']);

export function visitSections(d: CaseDetail, check: CpCheck | undefined): FormSection[] {
  const today = todayIso();
  const a = d.household.address;
  const open = d.mandates.filter((m) => m.result === 'offen');
  return [
    {
      heading: 'Besuch',
      fields: [
        ['Familie', d.household.name],
        ['Anschrift', formatAddress(a)],
        ['Fallführung', d.lead?.name ?? '–'],
        [
          'Anlass',
          check
            ? `Inaugenscheinnahme nach § 8a SGB VIII für ${check.child.name} (Meldung vom ${dateTimeDe(check.receivedAt)})`
            : 'Hausbesuch',
        ],
      ],
      blanks: ['Datum und Uhrzeit', 'Besuchende Fachkräfte', 'Anwesende Personen'],
    },
    {
      heading: 'Haushalt',
      table: {
        columns: [
          { label: 'Rolle', share: 1.5 },
          { label: 'Name', share: 3 },
          { label: 'geboren (Alter)', share: 1.6 },
          { label: 'Sorgerecht', share: 1.6 },
        ],
        rows: d.household.members.map((m) => [
          householdRoles.labels[m.role],
          `${m.person.firstName} ${m.person.lastName}${check?.child.id === m.person.id ? ' (Einschätzung)' : ''}`,
          childRoles.has(m.role) && m.person.birthDate !== null
            ? `${formatDateDe(m.person.birthDate)} (${ageOn(m.person.birthDate, today)})`
            : childRoles.has(m.role)
              ? 'unbekannt'
              : '–',
          m.custody ? custodyKinds.labels[m.custody] : '–',
        ]),
      },
    },
    {
      heading: 'Offene Aufträge und Auflagen',
      table: {
        columns: [
          { label: 'Art', share: 1 },
          { label: 'Auftrag / Auflage', share: 3.4 },
          { label: 'An', share: 1.6 },
          { label: 'bis', share: 1.1 },
          { label: 'Überprüfung', share: 1.1 },
        ],
        rows: open.map((m) => [
          mandateKinds.labels[m.kind],
          `${m.text}\nÜberprüft durch: ${m.checkMethod}`,
          m.addressee,
          `${formatDateDe(m.dueOn)}${m.overdue ? ' (überfällig)' : ''}`,
          m.reviewOn ? formatDateDe(m.reviewOn) : '–',
        ]),
      },
    },
    {
      heading: 'Einschätzungshilfe',
      text: 'Für jeden Bereich ankreuzen und notieren, was gesehen wurde. Die Antworten werden nach dem Besuch in der Fallakte erfasst (Kinderschutz, Inaugenscheinnahme: Einschätzungshilfe erfassen).',
      checklist: {
        options: cpChecklistRatings.values.map((r) => cpChecklistRatings.labels[r]),
        items: cpChecklistAreas.values.map((area) => ({
          label: cpChecklistAreas.labels[area],
          hint: cpChecklistGuide[area],
        })),
        lines: 3,
      },
    },
    {
      heading: 'Das Kind',
      checklist: {
        options: ['ja', 'nein'],
        items: [{ label: 'Das Kind wurde gesehen' }, { label: 'Mit dem Kind wurde allein gesprochen' }],
        lines: 1,
      },
    },
    { heading: 'Weitere Beobachtungen und Vereinbarungen', lines: 8 },
  ];
}
