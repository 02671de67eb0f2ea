import type { AllocationItem, CaseSummary } from '@leuchtturm/shared';
import type { listUnallocatedCases } from './queries/intake.ts';
import type { CaseSummaryRow } from './queries/list.ts';

/** The row of "Meine Fälle" (and the head of the case page). Only these fields leave the server. */
export function presentCaseSummary(r: CaseSummaryRow, today: string): CaseSummary {
  const candidates = [
    ...(r.next_mandate ? [{ on: r.next_mandate, what: 'Auftrag/Auflage fällig' }] : []),
    ...(r.next_review ? [{ on: r.next_review, what: 'Überprüfung des Hilfeplans' }] : []),
  ].sort((a, b) => (a.on < b.on ? -1 : 1));
  const overdueReview = r.status === 'offen' && r.next_review !== null && r.next_review < today ? 1 : 0;
  return {
    id: r.id,
    caseNumber: r.case_number,
    title: r.title,
    status: r.status,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    area: r.area as CaseSummary['area'],
    team: r.team_id && r.team_name ? { id: r.team_id, name: r.team_name } : null,
    lead: r.lead_id && r.lead_name ? { id: r.lead_id, name: r.lead_name } : null,
    district: r.district_id && r.district_name ? { id: r.district_id, name: r.district_name } : null,
    nextDue: r.status === 'offen' ? (candidates[0] ?? null) : null,
    overdue: r.status === 'offen' ? Number(r.overdue_mandates) + overdueReview : 0,
    version: r.version,
  };
}

type AllocationRow = Awaited<ReturnType<typeof listUnallocatedCases>>[number];

/** A case waiting on the allocation list: what allocating needs, nothing of the family (no names, no concern). */
export function allocationItem(r: AllocationRow): AllocationItem {
  return {
    id: r.id,
    caseNumber: r.case_number,
    openedOn: r.opened_on,
    accessRoute: r.access_route as AllocationItem['accessRoute'],
    address: {
      kind: r.address_kind,
      street: r.street_name,
      postalCode: r.postal_code,
      district: r.district_name,
    },
    takenBy: r.taken_by,
    version: r.version,
  };
}
