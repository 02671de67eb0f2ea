import type { ColumnType, Generated } from 'kysely';
import type { Day } from './schema-cases.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Money = ColumnType<string, string, string>;

/** Needs' mentions and micro-projects with their budget (migration 0020). */

export interface NeedMentionTable {
  tenant_id: string;
  id: Generated<string>;
  need_id: string;
  source: string;
  mentioned_on: Day;
  created_at: CreatedAt;
}

export interface MicroBudgetFrameTable {
  tenant_id: string;
  year: number;
  amount: Money;
  version: Generated<number>;
}

export interface MicroBudgetAllocationTable {
  tenant_id: string;
  year: number;
  district_id: string;
  amount: Money;
}

export interface MicroProjectTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  category: string;
  provider: string;
  target_group: string;
  description: Generated<string>;
  starts_on: Day;
  ends_on: Day | null;
  status: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface MicroProjectDistrictTable {
  tenant_id: string;
  project_id: string;
  district_id: string;
}

export interface MicroProjectNeedTable {
  tenant_id: string;
  project_id: string;
  need_id: string;
}

export interface MicroProjectBudgetTable {
  tenant_id: string;
  project_id: string;
  year: number;
  district_id: string;
  committed: Money;
  spent: ColumnType<string, string | undefined, string>;
}

export interface MicroProjectReferralTable {
  tenant_id: string;
  id: Generated<string>;
  project_id: string;
  district_id: string;
  referred_on: Day;
  route: string;
  case_id: string | null;
  actor: Generated<string>;
  created_at: CreatedAt;
}

export interface MicroProjectParticipantsTable {
  tenant_id: string;
  project_id: string;
  quarter: string;
  participants: number;
}

export interface MicroProjectReviewTable {
  tenant_id: string;
  id: Generated<string>;
  project_id: string;
  kind: string;
  held_on: Day;
  summary: string;
  created_at: CreatedAt;
}
