import type { CaseSummary } from '@leuchtturm/shared';
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
    team: { id: r.team_id, name: r.team_name },
    lead: r.lead_id && r.lead_name ? { id: r.lead_id, name: r.lead_name } : null,
    district: r.district_id && r.district_name ? { id: r.district_id, name: r.district_name } : null,
    nextDue: r.status === 'offen' ? (candidates[0] ?? null) : null,
    overdue: r.status === 'offen' ? Number(r.overdue_mandates) + overdueReview : 0,
    version: r.version,
  };
}
