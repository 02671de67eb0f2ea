import {
  type CpCheck,
  type CpCheckSummary,
  type CpMeasure,
  type CpVisitChecklist,
  cpChecklistAreas,
} from '@leuchtturm/shared';
import type { ChecklistRow } from './queries/checklist.ts';
import type { CheckRow } from './queries/checks.ts';
import type { MeasureMandateRow, MeasureRow } from './queries/measures.ts';

/** Rows → the shared answers of the § 8a process, field by field (no raw row leaves). */

type Names = ReadonlyMap<string, string>;
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const person = (names: Names, id: string | null) => (id ? { id, name: names.get(id) ?? 'unbekannt' } : null);

/** The step the check waits for: the first of urgency, assessment, visit and result not yet recorded. */
export function nextStep(r: CheckRow): CpCheckSummary['nextStep'] {
  if (r.status === 'abgeschlossen') return null;
  if (r.urgency === null) return 'ersteinschaetzung';
  if (r.assessment_held_at === null) return 'gefaehrdungseinschaetzung';
  if (r.visit_status === null) return 'inaugenscheinnahme';
  if (r.result === null) return 'ergebnis';
  return 'konsequenzen';
}

export function presentCheckSummary(r: CheckRow, now: Date): CpCheckSummary {
  return {
    id: r.id,
    child: { id: r.child_id, name: r.child_name },
    receivedAt: r.received_at.toISOString(),
    reporterKind: r.reporter_kind as CpCheckSummary['reporterKind'],
    channel: r.channel as CpCheckSummary['channel'],
    urgency: r.urgency as CpCheckSummary['urgency'],
    assessmentDueAt: iso(r.assessment_due_at),
    overdue:
      r.status === 'offen' &&
      r.assessment_held_at === null &&
      r.assessment_due_at !== null &&
      r.assessment_due_at.getTime() < now.getTime(),
    nextStep: nextStep(r),
    result: r.result as CpCheckSummary['result'],
    status: r.status,
    closedAt: iso(r.closed_at),
    version: r.version,
  };
}

export function presentMeasure(
  m: MeasureRow,
  mandates: readonly MeasureMandateRow[],
  names: Names,
): Omit<CpMeasure, 'confided' | 'mayMarkConfided'> {
  return {
    id: m.id,
    kind: m.kind as CpMeasure['kind'],
    decidedOn: m.decided_on,
    description: m.description,
    mandates: mandates
      .filter((x) => x.measure_id === m.id)
      .map((x) => ({
        id: x.id,
        kind: x.kind as CpMeasure['mandates'][number]['kind'],
        text: x.text,
        dueOn: x.due_on,
        result: x.result as CpMeasure['mandates'][number]['result'],
      })),
    reviewDates: [...m.review_dates].sort(),
    offerKind: m.offer_kind as CpMeasure['offerKind'],
    beginAt: iso(m.begin_at),
    place: m.place,
    carersInformedAt: iso(m.carers_informed_at),
    carersInformedHow: m.carers_informed_how,
    endAt: iso(m.end_at),
    endReason: m.end_reason as CpMeasure['endReason'],
    createdAt: m.created_at.toISOString(),
    createdBy: m.created_by ? (names.get(m.created_by) ?? 'unbekannt') : null,
    version: m.version,
  };
}

type Outcome = NonNullable<CpCheck['outcome']>;

/** The check without its § 65 marking (the service adds it: it needs the marks and the reader). */
export function presentCheck(
  r: CheckRow,
  measures: CpMeasure[],
  names: Names,
  consultationArea: NonNullable<Outcome['classification']>['area'] | null,
  now: Date,
  visitChecklist: CpVisitChecklist | null,
): Omit<CpCheck, 'confided' | 'mayMarkConfided'> {
  return {
    ...presentCheckSummary(r, now),
    reporterName: r.reporter_name,
    reportText: r.report_text,
    takenBy: person(names, r.taken_by) ?? { id: r.taken_by, name: 'unbekannt' },
    urgencyReason: r.urgency_reason,
    urgencyDecidedAt: iso(r.urgency_decided_at),
    urgencyDecidedBy: person(names, r.urgency_decided_by),
    assessment:
      r.assessment_held_at && r.assessment_participant_ids
        ? {
            heldAt: r.assessment_held_at.toISOString(),
            participants: r.assessment_participant_ids.map((id) => ({
              id,
              name: names.get(id) ?? 'unbekannt',
            })),
            facts: r.assessment_facts ?? '',
            riskFactors: r.risk_factors ?? '',
            protectiveFactors: r.protective_factors ?? '',
          }
        : null,
    visit: r.visit_status
      ? {
          status: r.visit_status as NonNullable<CpCheck['visit']>['status'],
          at: iso(r.visit_at),
          kind: r.visit_kind as NonNullable<CpCheck['visit']>['kind'],
          childSeen: r.child_seen,
          findings: r.visit_findings,
          reason: r.visit_reason,
        }
      : null,
    outcome:
      r.result && r.completed_on && r.residence
        ? {
            result: r.result as Outcome['result'],
            completedOn: r.completed_on,
            endangermentTypes: r.endangerment_types as Outcome['endangermentTypes'],
            dangerSources: r.danger_sources as Outcome['dangerSources'],
            residence: r.residence as Outcome['residence'],
            motherAgeGroup: r.mother_age_group as Outcome['motherAgeGroup'],
            fatherAgeGroup: r.father_age_group as Outcome['fatherAgeGroup'],
            parentForeignOrigin: r.parent_foreign_origin as Outcome['parentForeignOrigin'],
            germanAtHome: r.german_at_home as Outcome['germanAtHome'],
            servicesInUse: r.services_in_use ?? false,
            serviceKinds: r.service_kinds as Outcome['serviceKinds'],
            note: r.result_note,
            decidedBy: person(names, r.result_decided_by),
            classification:
              r.result_consultation_id && consultationArea
                ? { id: r.result_consultation_id, area: consultationArea }
                : null,
          }
        : null,
    visitChecklist,
    measures,
    closedBy: person(names, r.closed_by),
  };
}

/** The Einschätzungshilfe of the visit in the order of its areas, or null when none is recorded. */
export function presentChecklist(rows: readonly ChecklistRow[], names: Names): CpVisitChecklist | null {
  const [first] = rows;
  if (!first) return null;
  const order = (area: string) =>
    cpChecklistAreas.values.indexOf(area as CpVisitChecklist['areas'][number]['area']);
  return {
    recordedAt: first.recorded_at.toISOString(),
    recordedBy: first.recorded_by ? (names.get(first.recorded_by) ?? 'unbekannt') : null,
    areas: [...rows]
      .sort((a, b) => order(a.area) - order(b.area))
      .map((e) => ({
        area: e.area as CpVisitChecklist['areas'][number]['area'],
        rating: e.rating as CpVisitChecklist['areas'][number]['rating'],
        note: e.note,
      })),
  };
}
