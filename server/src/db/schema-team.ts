import type { ColumnType, Generated } from 'kysely';
import type { Day } from './schema-cases.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;

/** The Wochenkonferenz and the team: expertise, training, knowledge base (migration 0029). */

export interface ConferenceTable {
  tenant_id: string;
  id: Generated<string>;
  team_id: string;
  held_on: Day;
  minutes: Generated<string>;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface ConferenceItemTable {
  tenant_id: string;
  id: Generated<string>;
  conference_id: string;
  rubric: string;
  title: string;
  body: Generated<string>;
  case_id: string | null;
  need_id: string | null;
  micro_project_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ConferenceAttendanceTable {
  tenant_id: string;
  conference_id: string;
  user_id: string;
}

export interface TrainingStatusTable {
  tenant_id: string;
  user_id: string;
  module: number;
  done_on: Day | null;
  planned_year: number | null;
}

export interface KnowledgePageTable {
  tenant_id: string;
  id: Generated<string>;
  kind: string;
  title: string;
  body: string;
  updated_at: Instant;
  updated_by: string | null;
  version: Generated<number>;
}
