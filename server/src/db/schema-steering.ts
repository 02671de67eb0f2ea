import type { ColumnType } from 'kysely';

type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Decimal = ColumnType<string, string, string>;

/** Steering inputs (migration 0026): settings, extra costs, planned costs and targets. */

export interface ControllingSettingTable {
  tenant_id: string;
  rentab_categories: string[];
  updated_at: Instant;
}

export interface RentabExtraCostTable {
  tenant_id: string;
  region: string;
  year: number;
  staff: Decimal;
  training: Decimal;
  other: Decimal;
  updated_at: Instant;
}

export interface RentabCostPlanTable {
  tenant_id: string;
  region: string;
  year: number;
  cost: Decimal;
  updated_at: Instant;
}

export interface ControllingTargetTable {
  tenant_id: string;
  figure: string;
  region: string;
  year: number;
  target: Decimal;
  tolerance_pct: ColumnType<string, string | number | undefined, string | number>;
  updated_at: Instant;
}
