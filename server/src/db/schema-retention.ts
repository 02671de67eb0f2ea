import type { ColumnType, Generated } from 'kysely';

type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** Retention and deletion (migration 0032, docs/retention.md). */

export interface RetentionSettingTable {
  tenant_id: string;
  rules: Json<{ recordClass: string; years: number }[]>;
  version: Generated<number>;
}

export interface CaseRetentionTable {
  tenant_id: string;
  case_id: string;
  state: 'vorgeschlagen' | 'gesperrt' | 'geloescht';
  proposed_by: string | null;
  proposed_at: Instant | null;
  proposal_reason: string | null;
  confirmed_by: string | null;
  erased_at: Instant | null;
  restricted_by: string | null;
  restricted_at: Instant | null;
  restriction_reason: string | null;
  version: Generated<number>;
}
