import type { ColumnType, Generated } from 'kysely';

type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Aktenvermerke, notifications and jobs (migration 0013). */

export interface CaseNoteTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  occurred_at: Instant;
  kind: string;
  staff_ids: ColumnType<string[], string[] | undefined, string[]>;
  others: ColumnType<string[], string[] | undefined, string[]>;
  text: string;
  author_id: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date | null, never, Date | string>;
  corrects_id: string | null;
  linked_type: string | null;
  linked_id: string | null;
  version: Generated<number>;
}

export interface NotificationTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  link: string | null;
  created_at: CreatedAt;
  read_at: ColumnType<Date | null, never, Date | string>;
  dedupe_key: string | null;
}

export interface JobTable {
  id: Generated<string>;
  tenant_id: string | null;
  kind: string;
  run_at: Instant;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  state: Generated<'wartend' | 'erledigt' | 'fehlgeschlagen'>;
  attempts: Generated<number>;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: CreatedAt;
  finished_at: ColumnType<Date | null, never, Date | string | null>;
}

/** Escalated child-protection deadlines (migration 0016). */
export interface DeadlineEscalationTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  source_type: 'child_protection_check' | 'process_step';
  source_id: string;
  due_at: Instant;
  escalated_at: Instant;
  notified_user_ids: ColumnType<string[], string[] | undefined, string[]>;
}
