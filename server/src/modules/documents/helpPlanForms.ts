import {
  attainmentScale,
  type CaseDetail,
  formatBirthDate,
  formatDateDe,
  type HelpPlan,
  resourceAreas,
} from '@leuchtturm/shared';
import type { FormListItem, FormSection } from './pdf.ts';

/**
 * The Antrag auf Hilfe zur Erziehung and the Hilfeplan (§ 36 SGB VIII) of a plan version. The Hilfeplan prints what
 * was agreed: Richtungsziel, each Handlungsziel with its attainment and its Handlungsschritte (who does what by when,
 * with which resource), the family's resources (Ressourcenkarte) and the agreed help.
 */

/** The children of the family (for "naming the child" on the help plan and application). */
export function childrenOf(d: CaseDetail): string {
  const children = d.household.members.filter((m) => m.role === 'kind' || m.role === 'geschwister');
  return children
    .map((m) => `${m.person.firstName} ${m.person.lastName} (geb. ${formatBirthDate(m.person.birthDate)})`)
    .join(', ');
}

const resourceText = (d: CaseDetail, id: string | null) =>
  id ? d.resources.find((r) => r.id === id)?.description : undefined;

function goalItem(d: CaseDetail, plan: HelpPlan, goal: HelpPlan['goals'][number]): FormListItem {
  const attained = plan.attainment.find((a) => a.goalId === goal.id);
  const steps = d.willAndGoals.actionGoals.find((g) => g.id === goal.id)?.steps ?? [];
  return {
    text: `${goal.text} (bis ${formatDateDe(goal.dueOn)})`,
    details: [
      ...(attained
        ? [
            `Zielerreichung: ${attainmentScale.labels[attained.score]}${attained.note ? ` – ${attained.note}` : ''}`,
          ]
        : []),
      steps.length > 0 ? 'Handlungsschritte:' : 'Handlungsschritte: noch keine vereinbart',
    ],
    items: steps.map((s) => {
      const resource = resourceText(d, s.resourceId);
      return `${s.who}: ${s.what} (bis ${formatDateDe(s.dueOn)}${resource ? `; Ressource: ${resource}` : ''})`;
    }),
  };
}

export function helpPlanSections(d: CaseDetail, plan: HelpPlan, family: FormSection): FormSection[] {
  const goalNumber = new Map(plan.goals.map((g, i) => [g.id, i + 1]));
  const current = plan.supersededBy === null;
  return [
    { heading: 'Kind / Jugendliche(r)', text: childrenOf(d) || '–' },
    family,
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
      heading: 'Handlungsziele und Handlungsschritte',
      list: { numbered: true, items: plan.goals.map((g) => goalItem(d, plan, g)) },
      ...(current
        ? {}
        : {
            note: 'Diese Fassung wurde fortgeschrieben. Handlungsschritte und Ressourcen stehen hier, wie die Fallakte sie heute führt.',
          }),
    },
    {
      heading: 'Ressourcen (Ressourcenkarte)',
      table: {
        columns: [
          { label: 'Bereich', share: 1.2 },
          { label: 'Ressource', share: 5 },
          { label: 'für Handlungsziel', share: 1.3 },
        ],
        rows: d.resources.map((r) => [
          resourceAreas.labels[r.area],
          r.description,
          r.goalId && goalNumber.has(r.goalId) ? `Nr. ${goalNumber.get(r.goalId)}` : '–',
        ]),
      },
    },
    { heading: 'Vereinbarte Hilfen und Schritte', text: plan.agreedMeasures },
  ];
}

export function antragSections(d: CaseDetail, plan: HelpPlan, family: FormSection): FormSection[] {
  return [
    family,
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
  ];
}
