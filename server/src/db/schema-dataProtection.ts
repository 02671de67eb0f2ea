import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Instant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A § 65 SGB VIII mark on a note, document or Kurzberatung of a case (migration 0031, docs/data-protection.md). */
export interface ConfidedMarkTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  item_type:
    | 'case_note'
    | 'case_document'
    | 'risk_consultation'
    | 'will_and_goals'
    | 'mandate'
    | 'measure'
    | 'child_protection_check'
    | 'protection_measure'
    | 'family_conference'
    | 'help_plan'
    | 'goal'
    | 'resource'
    | 'network_tie';
  item_id: string;
  confided_by: string;
  confided_to: string;
  marked_at: CreatedAt;
  release_basis: 'einwilligung' | 'gesetzliche_befugnis' | null;
  release_note: string | null;
  released_by: string | null;
  released_at: Instant;
}

/** Whom the confidant shared a confided item with; a revoked share admits nothing. */
export interface ConfidedShareTable {
  tenant_id: string;
  id: Generated<string>;
  mark_id: string;
  user_id: string;
  shared_by: string;
  shared_at: CreatedAt;
  revoked_by: string | null;
  revoked_at: Instant;
}
