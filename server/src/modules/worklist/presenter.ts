import {
  berlinDateOf,
  type CaseloadRow,
  caseAreas,
  childProtectionWorklistKinds,
  formatDateDe,
  type WorklistItem,
  type WorklistItemKind,
  type WorklistSection,
} from '@leuchtturm/shared';
import { type Due, dueAtInstant, dueOnDate, type WorklistWindow } from './buckets.ts';
import type { VisitFollowUpRow } from './queries/followUps.ts';
import type {
  AssessmentRow,
  CareOrderRow,
  HelpPlanRow,
  MandateRow,
  MeasureEndRow,
  ProtectionPlanReviewRow,
  ScopedCase,
  StepRow,
} from './queries/items.ts';

/** Rows of the sources → items of the work list, field by field; titles name records, never a person. */

function item(
  c: ScopedCase,
  id: string,
  kind: WorklistItemKind,
  title: string,
  due: Due,
  section: WorklistSection,
): WorklistItem {
  return {
    id,
    kind,
    childProtection: childProtectionWorklistKinds.includes(kind),
    title,
    case: { id: c.id, caseNumber: c.case_number, family: c.family },
    lead: c.lead_id ? { id: c.lead_id, name: c.lead_name ?? '' } : null,
    dueAt: due.dueAt?.toISOString() ?? null,
    dueOn: due.dueOn,
    overdue: due.overdue,
    bucket: due.bucket,
    link: { caseId: c.id, section },
  };
}

export function presentAssessment(r: AssessmentRow, c: ScopedCase, w: WorklistWindow): WorklistItem | null {
  const due = dueAtInstant(r.due_at, w);
  if (!due) return null;
  const title = `Gefährdungseinschätzung (Meldung vom ${formatDateDe(berlinDateOf(r.received_at))})`;
  return item(c, `check:${r.id}`, 'kinderschutz_frist', title, due, 'kinderschutz');
}

export function presentStep(r: StepRow, c: ScopedCase, w: WorklistWindow): WorklistItem | null {
  const due = dueAtInstant(r.due_at, w);
  if (!due) return null;
  const childProtection = r.definition_key === 'kinderschutz';
  const title = `${r.step_title} – ${r.definition_name}`;
  return item(
    c,
    `step:${r.id}`,
    childProtection ? 'kinderschutz_frist' : 'prozessschritt',
    title,
    due,
    childProtection ? 'kinderschutz' : 'prozesse',
  );
}

export function presentHelpPlanReview(r: HelpPlanRow, c: ScopedCase, w: WorklistWindow): WorklistItem | null {
  const due = dueOnDate(r.review_on, w);
  if (!due) return null;
  const title = `Überprüfung des Hilfeplans (Fassung ${r.version_no})`;
  return item(c, `help_plan:${r.id}`, 'hilfeplan_ueberpruefung', title, due, 'hilfeplan');
}

/** An open Auftrag or Auflage gives up to two items: its deadline and its review date. */
export function presentMandate(r: MandateRow, c: ScopedCase, w: WorklistWindow): WorklistItem[] {
  const auflage = r.kind === 'auflage';
  const items: WorklistItem[] = [];
  const due = dueOnDate(r.due_on, w);
  if (due) {
    const title = auflage ? 'Frist der Auflage' : 'Frist des Auftrags';
    items.push(
      item(c, `mandate:${r.id}:due`, auflage ? 'auflage_frist' : 'auftrag_frist', title, due, 'einordnung'),
    );
  }
  const review = r.review_on ? dueOnDate(r.review_on, w) : null;
  if (review) {
    const title = auflage ? 'Überprüfung der Auflage' : 'Überprüfung des Auftrags';
    items.push(item(c, `mandate:${r.id}:review`, 'mandat_ueberpruefung', title, review, 'einordnung'));
  }
  return items;
}

export function presentMeasureEnd(r: MeasureEndRow, c: ScopedCase, w: WorklistWindow): WorklistItem | null {
  const due = dueOnDate(r.planned_end_on, w);
  if (!due) return null;
  const help = `${r.help_type} (${r.paragraph})`;
  return due.overdue
    ? item(
        c,
        `measure:${r.id}`,
        'massnahme_ueberfaellig',
        `${help} läuft über das geplante Ende`,
        due,
        'hilfen',
      )
    : item(c, `measure:${r.id}`, 'massnahme_ende', `${help}: geplantes Ende`, due, 'hilfen');
}

export function presentProtectionPlanReview(
  r: ProtectionPlanReviewRow,
  c: ScopedCase,
  w: WorklistWindow,
): WorklistItem | null {
  const due = dueOnDate(r.review_on, w);
  if (!due) return null;
  return item(
    c,
    `protection_plan:${r.id}:${r.review_on}`,
    'schutzplan_ueberpruefung',
    'Überprüfung des Schutzplans (Kurzberatung zur Risikoeinschätzung)',
    due,
    'kinderschutz',
  );
}

/**
 * A running Inobhutnahme is due every day until its end is recorded (§ 42: the stay is to end as soon as the child
 * can go home or into a help), so it stands under "Heute" with the day it began.
 */
export function presentCareOrder(r: CareOrderRow, c: ScopedCase, w: WorklistWindow): WorklistItem {
  const since = formatDateDe(berlinDateOf(r.begin_at));
  const due: Due = { bucket: 'heute', overdue: false, dueOn: w.today, dueAt: null };
  const title = `Inobhutnahme seit ${since}: Ende oder Anschlusshilfe klären`;
  return item(c, `care_order:${r.id}`, 'inobhutnahme_laeuft', title, due, 'kinderschutz');
}

/**
 * The caseload table: one row per case worker of the team (also with no cases), then leads from elsewhere who lead
 * a case of the team, then the cases nobody leads; overdue counts from the team's items.
 */
export function presentCaseload(
  staff: readonly { id: string; display_name: string }[],
  cases: readonly ScopedCase[],
  items: readonly WorklistItem[],
): CaseloadRow[] {
  const rows = new Map<string | null, CaseloadRow>();
  const row = (id: string | null, name: string | null) => {
    let r = rows.get(id);
    if (!r) {
      r = {
        user: id ? { id, name: name ?? '' } : null,
        openCases: 0,
        byArea: { leistung: 0, grau: 0, gefaehrdung: 0, ohne: 0 },
        overdue: 0,
        childProtectionOverdue: 0,
      };
      rows.set(id, r);
    }
    return r;
  };
  for (const s of staff) row(s.id, s.display_name);
  for (const c of cases) {
    const r = row(c.lead_id, c.lead_name);
    r.openCases++;
    r.byArea[caseAreas.values.find((a) => a === c.area) ?? 'ohne']++;
  }
  for (const i of items) {
    if (!i.overdue) continue;
    const r = row(i.lead?.id ?? null, i.lead?.name ?? null);
    r.overdue++;
    if (i.childProtection) r.childProtectionOverdue++;
  }
  const unallocated = rows.get(null);
  rows.delete(null);
  return [
    ...rows.values(),
    ...(unallocated && unallocated.openCases + unallocated.overdue > 0 ? [unallocated] : []),
  ];
}

/** A follow-up of an Institutionenbesuch: no case; it opens the visit. */
export function presentVisitFollowUp(r: VisitFollowUpRow, w: WorklistWindow): WorklistItem | null {
  const due = dueOnDate(r.due_on, w);
  if (!due) return null;
  return {
    id: `visit_follow_up:${r.id}`,
    kind: 'besuch_wiedervorlage',
    childProtection: false,
    title: `${r.institution_name}: ${r.text}`,
    case: null,
    lead: null,
    dueAt: null,
    dueOn: due.dueOn,
    overdue: due.overdue,
    bucket: due.bucket,
    link: null,
    visitId: r.visit_id,
  };
}
