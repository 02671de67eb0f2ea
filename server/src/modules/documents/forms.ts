import {
  accessRoutes,
  attainmentScale,
  type CaseDetail,
  caseAreas,
  custodyKinds,
  formatDateDe,
  genders,
  householdRoles,
  ideaSources,
  todayIso,
} from '@leuchtturm/shared';
import type { FormSection, FormSpec } from './pdf.ts';

/**
 * The forms of docs/domain.md, section 2 (Falleingang, Schweigepflichtentbindung, Beratungsvorlage and
 * Protokoll der kollegialen Beratung, Antrag auf Hilfe zur Erziehung, Hilfeplan), filled from the case
 * record.
 */
export type FormKind =
  | 'falleingang'
  | 'schweigepflichtentbindung'
  | 'beratungsvorlage'
  | 'beratungsprotokoll'
  | 'antrag'
  | 'hilfeplan';

interface Context {
  office: string;
  detail: CaseDetail;
}

const head = (c: Context, title: string): Omit<FormSpec, 'sections' | 'signatures'> => ({
  office: c.office,
  unit: `${c.detail.team.name}${c.detail.district ? ` · Stadtteil ${c.detail.district.name}` : ''}`,
  title,
  reference: c.detail.caseNumber,
  date: formatDateDe(todayIso()),
});

function familySection(d: CaseDetail): FormSection {
  return {
    heading: 'Familie',
    fields: [
      ['Haushalt', d.household.name],
      [
        'Anschrift',
        `${d.household.address.street} ${d.household.address.houseNumber}, ${d.household.address.postalCode ?? ''}`,
      ],
      ...d.household.members.map((m): [string, string] => [
        householdRoles.labels[m.role],
        `${m.person.firstName} ${m.person.lastName}, geb. ${formatDateDe(m.person.birthDate)}, ${genders.labels[m.person.gender]}${
          m.custody ? `, Sorgerecht: ${custodyKinds.labels[m.custody]}` : ''
        }`,
      ]),
    ],
  };
}

/** The children of the family (for "naming the child" on the help plan and application). */
export function childrenOf(d: CaseDetail): string {
  const children = d.household.members.filter((m) => m.role === 'kind' || m.role === 'geschwister');
  return children
    .map((m) => `${m.person.firstName} ${m.person.lastName} (geb. ${formatDateDe(m.person.birthDate)})`)
    .join(', ');
}

export function buildForm(kind: FormKind, c: Context, itemId?: string): FormSpec | undefined {
  const d = c.detail;
  switch (kind) {
    case 'falleingang':
      return {
        ...head(c, 'Falleingang'),
        sections: [
          {
            heading: 'Eingang',
            fields: [
              ['Datum', formatDateDe(d.openedOn)],
              ['Zugangsweg', accessRoutes.labels[d.accessRoute]],
              ['Meldende Stelle/Person', d.reporter ?? '–'],
              ['Fallführung', d.lead?.name ?? 'noch nicht zugeteilt'],
            ],
          },
          familySection(d),
          { heading: 'Anliegen (in den Worten der Klientin / des Klienten)', text: d.concern },
          { heading: 'Falleinordnung', text: d.area ? caseAreas.labels[d.area] : 'noch nicht eingeordnet' },
        ],
        signatures: ['Fachkraft'],
      };
    case 'schweigepflichtentbindung': {
      const consent = d.consents.find((x) => x.id === itemId);
      if (!consent) return undefined;
      return {
        ...head(c, 'Erklärung zur Entbindung von der Schweigepflicht'),
        sections: [
          {
            heading: 'Erklärung',
            text: `Hiermit entbinde ich, ${consent.personName}, die folgende Stelle gegenüber dem Jugendamt (${d.team.name}) von der Schweigepflicht. Diese Erklärung ist freiwillig und kann jederzeit für die Zukunft widerrufen werden.`,
          },
          {
            heading: 'Umfang',
            fields: [
              ['Stelle / Person', consent.recipient],
              ['Zweck', consent.purpose],
              ['Gültig ab', formatDateDe(consent.validFrom)],
              ['Gültig bis', consent.validUntil ? formatDateDe(consent.validUntil) : 'bis auf Widerruf'],
            ],
          },
        ],
        signatures: [consent.personName, 'Fachkraft'],
      };
    }
    case 'beratungsvorlage':
    case 'beratungsprotokoll': {
      const p = d.peerConsultations.find((x) => x.id === itemId);
      if (!p) return undefined;
      const vorlage: FormSection[] = [
        {
          heading: 'Fallgeberin / Fallgeber',
          fields: [
            ['Fallführung', d.lead?.name ?? '–'],
            ['Datum der Beratung', formatDateDe(p.heldOn)],
          ],
        },
        familySection(d),
        { heading: 'Wille der Familie', text: d.willAndGoals.will },
        { heading: 'Richtungsziel', text: d.willAndGoals.directionGoal },
        { heading: 'Fragestellung an das Team', text: p.question },
      ];
      if (kind === 'beratungsvorlage')
        return { ...head(c, 'Beratungsvorlage Kollegiale Beratung'), sections: vorlage, signatures: [] };
      const ideas = Object.entries(ideaSources.labels).map(
        ([key, label]): FormSection => ({
          heading: `Ideen: ${label}`,
          text:
            p.ideas
              .filter((i) => i.source === key)
              .map((i) => `• ${i.text}`)
              .join('\n') || '–',
        }),
      );
      return {
        ...head(c, 'Protokoll Kollegiale Beratung'),
        sections: [
          {
            heading: 'Rollen',
            fields: [
              ['Moderation', p.moderator],
              ['Protokoll', p.minutes],
              ['Perspektivwechsel', p.perspective],
            ],
          },
          { heading: 'Fragestellung', text: p.question },
          ...ideas,
          { heading: 'Entscheidung', text: p.decision },
          { heading: 'Welche Angebote bräuchten wir zukünftig im Sozialraum?', text: p.closingAnswer },
        ],
        signatures: ['Protokoll'],
      };
    }
    case 'antrag':
    case 'hilfeplan': {
      const plan = d.helpPlans.find((x) => x.id === itemId);
      if (!plan) return undefined;
      if (kind === 'antrag') {
        return {
          ...head(c, 'Antrag auf Hilfe zur Erziehung (§ 27 SGB VIII)'),
          sections: [
            familySection(d),
            {
              heading: 'Antrag',
              fields: [
                ['Antragstellende', plan.applicant],
                ['Antrag vom', formatDateDe(plan.applicationOn)],
                ['Für', childrenOf(d) || '–'],
              ],
            },
            { heading: 'Anliegen', text: d.concern },
            {
              heading: 'Wille und Richtungsziel',
              text: `${d.willAndGoals.will}\n\nRichtungsziel: ${plan.directionGoal}`,
            },
          ],
          signatures: ['Personensorgeberechtigte', 'Fachkraft'],
        };
      }
      const attainment = new Map(plan.attainment.map((a) => [a.goalId, a]));
      return {
        ...head(c, `Hilfeplan nach § 36 SGB VIII, Fassung ${plan.versionNo}`),
        sections: [
          { heading: 'Kind / Jugendliche(r)', text: childrenOf(d) || '–' },
          familySection(d),
          {
            heading: 'Hilfeplangespräch',
            fields: [
              ['Antrag vom', `${formatDateDe(plan.applicationOn)} (${plan.applicant})`],
              ['Gespräch am', formatDateDe(plan.meetingOn)],
              ['Beteiligte', plan.participants.join(', ')],
              ['Kind beteiligt', plan.childParticipated ? 'ja' : 'nein'],
              ['Überprüfung spätestens', formatDateDe(plan.reviewOn)],
            ],
          },
          { heading: 'Richtungsziel', text: plan.directionGoal },
          {
            heading: 'Handlungsziele',
            text:
              plan.goals
                .map((g, i) => {
                  const a = attainment.get(g.id);
                  return `${i + 1}. ${g.text} (bis ${formatDateDe(g.dueOn)})${a ? `\n   Zielerreichung: ${attainmentScale.labels[a.score]}${a.note ? ` – ${a.note}` : ''}` : ''}`;
                })
                .join('\n') || '–',
          },
          { heading: 'Vereinbarte Hilfen und Schritte', text: plan.agreedMeasures },
        ],
        signatures: ['Personensorgeberechtigte', 'Kind / Jugendliche(r)', 'Fachkraft'],
      };
    }
  }
}
