import type { ColumnType, Generated } from 'kysely';

type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

import type { Day } from './schema-cases.ts';

/** Tables of measures and money (migration 0003). */
type Money = ColumnType<string, string, string>;

export interface HelpTypeTable {
  tenant_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  paragraph: string;
  category_rule: string;
  is_hze: boolean;
  valid_from: Day;
  valid_to: Day | null;
  version: Generated<number>;
}

export interface ProviderTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  kind: string;
  version: Generated<number>;
}

export interface ServiceOfferTable {
  tenant_id: string;
  id: Generated<string>;
  provider_id: string;
  name: string;
  help_type_id: string;
  unit: 'day' | 'hour' | 'month';
}

export interface RateTable {
  tenant_id: string;
  offer_id: string;
  valid_from: Day;
  valid_to: Day | null;
  amount: Money;
}

export interface FinanceSettingTable {
  tenant_id: string;
  approval_threshold: ColumnType<string, string | undefined, string>;
  /** The office's identification in the HzE statistics (HzeOffice; migration 0027). */
  hze_office: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
}

export interface MeasureTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  person_id: string;
  help_type_id: string;
  offer_id: string | null;
  individual_amount: Money | null;
  individual_unit: 'day' | 'hour' | 'month' | null;
  category: string;
  underlying_help_type_id: string | null;
  begin_on: Day;
  planned_end_on: Day | null;
  end_on: Day | null;
  end_reason: string | null;
  hours_per_week: Money | null;
  help_plan_id: string | null;
  reasons: Generated<string[]>;
  /** Why the help begins before its case was opened (required then). */
  begin_reason: string | null;
  /** Why a planned help was withdrawn. */
  withdraw_reason: string | null;
  /** The coded fields of its HzE statistics record (HzeMeasureStatistics; migration 0027). */
  statistics: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  status: Generated<'geplant' | 'bewilligt' | 'zurueckgezogen'>;
  approved_by: string | null;
  approved_at: Instant | null;
  created_by: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface PaymentTable {
  tenant_id: string;
  measure_id: string;
  month: Day;
  amount: Money;
  imported_at: Instant;
}

/** Imported aggregates (migration 0004). */
export interface AggregateTable {
  tenant_id: string;
  region: string;
  period: string;
  metric: string;
  value: Money;
  imported_at: Instant;
}
