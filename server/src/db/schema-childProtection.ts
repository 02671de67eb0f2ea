import type { ColumnType, Generated } from 'kysely';
import type { Day } from './schema-cases.ts';

type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A text[] column: read as string[], written as an array. */
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** Tables of child protection under § 8a SGB VIII (migration 0012; docs/child-protection.md). */

export interface ChildProtectionCheckTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  child_id: string;
  received_at: Instant;
  reporter_kind: string;
  reporter_name: string | null;
  channel: string;
  report_text: string;
  taken_by: string;
  urgency: string | null;
  urgency_reason: string | null;
  urgency_decided_at: Instant | null;
  urgency_decided_by: string | null;
  assessment_due_at: Instant | null;
  assessment_held_at: Instant | null;
  assessment_participant_ids: string[] | null;
  assessment_facts: string | null;
  risk_factors: string | null;
  protective_factors: string | null;
  visit_status: string | null;
  visit_at: Instant | null;
  visit_kind: string | null;
  child_seen: boolean | null;
  visit_findings: string | null;
  visit_reason: string | null;
  result: string | null;
  completed_on: Day | null;
  endangerment_types: TextArray;
  danger_sources: TextArray;
  residence: string | null;
  mother_age_group: string | null;
  father_age_group: string | null;
  parent_foreign_origin: string | null;
  german_at_home: string | null;
  services_in_use: boolean | null;
  service_kinds: TextArray;
  result_note: string | null;
  result_decided_by: string | null;
  result_consultation_id: string | null;
  status: Generated<'offen' | 'abgeschlossen'>;
  closed_at: Instant | null;
  closed_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface ProtectionMeasureTable {
  tenant_id: string;
  id: Generated<string>;
  check_id: string;
  kind: string;
  decided_on: Day;
  description: string | null;
  review_dates: ColumnType<string[], string[] | undefined, string[]>;
  offer_kind: string | null;
  begin_at: Instant | null;
  place: string | null;
  carers_informed_at: Instant | null;
  carers_informed_how: string | null;
  end_at: Instant | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface ProtectionMeasureMandateTable {
  tenant_id: string;
  measure_id: string;
  mandate_id: string;
}

/** The Einschätzungshilfe of a check's visit, one row per area (migration 0015). */
export interface VisitChecklistEntryTable {
  tenant_id: string;
  check_id: string;
  area: string;
  rating: string;
  note: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}
