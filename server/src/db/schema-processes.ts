import type { ProcessStepDefinition } from '@leuchtturm/shared';
import type { ColumnType, Generated } from 'kysely';

type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Tables of the core processes (migration 0011). */

export interface ProcessDefinitionTable {
  tenant_id: string;
  id: Generated<string>;
  key: string;
  version: number;
  name: string;
  /** jsonb, written as JSON text; a trigger refuses every update and delete. */
  steps: ColumnType<ProcessStepDefinition[], string, never>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ProcessInstanceTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  definition_id: string;
  status: Generated<string>;
  urgency: string | null;
  subject_type: string | null;
  subject_id: string | null;
  started_at: Instant;
  started_by: string | null;
  ended_at: Instant | null;
  cancel_reason: string | null;
  version: Generated<number>;
}

export interface ProcessStepTable {
  tenant_id: string;
  id: Generated<string>;
  instance_id: string;
  case_id: string;
  step_key: string;
  position: number;
  occurrence: Generated<number>;
  state: Generated<string>;
  skip_reason: string | null;
  due_at: Instant | null;
  done_at: Instant | null;
  done_by: string | null;
  completed_by_type: string | null;
  completed_by_id: string | null;
  version: Generated<number>;
}
