import {
  accessRoutes,
  type CaseDetail,
  type CpCheck,
  caseAreas,
  custodyKinds,
  formatAddress,
  formatBirthDate,
  formatDateDe,
  genders,
  householdRoles,
  ideaSources,
  todayIso,
} from '@leuchtturm/shared';
import { antragSections, helpPlanSections } from './helpPlanForms.ts';
import type { FormSection, FormSpec } from './pdf.ts';
import { checkRiskSections, consultationRiskSections } from './riskForms.ts';
import { visitSections } from './visitForms.ts';

/**
 * The forms of docs/domain.md, section 2 (Falleingang, Schweigepflichtentbindung, Beratungsvorlage and
 * Protokoll der kollegialen Beratung, Antrag auf Hilfe zur Erziehung, Hilfeplan), filled from the case
 * record, and those of child protection (riskForms.ts: Beratungsvorlage und Protokoll zur Risikoeinschätzung from
 * a § 8a check or a Kurzberatung; visitForms.ts: the Hausbesuchsmappe).
 */
export type FormKind =
  | 'falleingang'
  | 'schweigepflichtentbindung'
  | 'beratungsvorlage'
  | 'beratungsprotokoll'
  | 'antrag'
  | 'hilfeplan'
  | 'risikoeinschaetzung'
  | 'kurzberatung'
  | 'hausbesuchsmappe';

interface Context {
  office: string;
  detail: CaseDetail;
  /** The § 8a check the form is about (risikoeinschaetzung; hausbesuchsmappe with an item). */
  check?: CpCheck;
}

const RISK_TITLE =
  'Beratungsvorlage und Protokoll zur Risikoeinschätzung und Überprüfung von Aufträgen und Auflagen';

const head = (c: Context, title: string): Omit<FormSpec, 'sections' | 'signatures'> => ({
  office: c.office,
  unit: `${c.detail.team?.name ?? 'Zuteilung ausstehend'}${c.detail.district ? ` · Stadtteil ${c.detail.district.name}` : ''}`,
  title,
  meta: [
    ['Aktenzeichen', c.detail.caseNumber],
    ['Datum', formatDateDe(todayIso())],
  ],
});

export function familySection(d: CaseDetail): FormSection {
  return {
    heading: 'Familie',
    fields: [
      ['Haushalt', d.household.name],
      ['Anschrift', formatAddress(d.household.address)],
      ...d.household.members.map((m): [string, string] => [
        householdRoles.labels[m.role],
        `${m.person.firstName} ${m.person.lastName}, geb. ${formatBirthDate(m.person.birthDate)}, ${genders.labels[m.person.gender]}${
          m.custody ? `, Sorgerecht: ${custodyKinds.labels[m.custody]}` : ''
        }`,
      ]),
    ],
  };
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
            text: `Hiermit entbinde ich, ${consent.personName}, die folgende Stelle gegenüber dem Jugendamt${d.team ? ` (${d.team.name})` : ''} von der Schweigepflicht. Diese Erklärung ist freiwillig und kann jederzeit für die Zukunft widerrufen werden.`,
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
          list: { items: p.ideas.filter((i) => i.source === key).map((i) => ({ text: i.text })) },
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
          sections: antragSections(d, plan, familySection(d)),
          signatures: ['Personensorgeberechtigte', 'Fachkraft'],
        };
      }
      return {
        ...head(c, `Hilfeplan nach § 36 SGB VIII, Fassung ${plan.versionNo}`),
        sections: helpPlanSections(d, plan, familySection(d)),
        signatures: ['Personensorgeberechtigte', 'Kind / Jugendliche(r)', 'Fachkraft'],
      };
    }
    case 'risikoeinschaetzung': {
      if (!c.check) return undefined;
      const participants = c.check.assessment?.participants.map((p) => p.name) ?? [];
      return {
        ...head(c, RISK_TITLE),
        sections: checkRiskSections(d, c.check, familySection(d)),
        signatures: participants.length > 0 ? participants : ['Fachkraft', 'Fachkraft'],
      };
    }
    case 'kurzberatung': {
      const consultation = d.classifications.find((x) => x.id === itemId);
      if (!consultation) return undefined;
      return {
        ...head(c, RISK_TITLE),
        sections: consultationRiskSections(d, consultation, familySection(d)),
        signatures: consultation.participants,
      };
    }
    case 'hausbesuchsmappe':
      return {
        ...head(c, 'Hausbesuchsmappe'),
        sections: visitSections(d, c.check),
        signatures: ['Fachkraft', 'Zweite Fachkraft'],
      };
  }
}
