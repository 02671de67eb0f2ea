import type { ColumnType, Generated } from 'kysely';

/** Tables of the Stadtteilatlas (migration 0028, docs/atlas.md). */

type Json<T> = ColumnType<T, string, string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface AtlasEntryTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  kind: string;
  district_id: string;
  address: string;
  lon: number | null;
  lat: number | null;
  age_cohorts: Json<string[]>;
  contact: string;
  opening_hours: string;
  low_threshold: boolean;
  languages: Json<string[]>;
  description: string;
  last_checked_on: ColumnType<string, string, string>;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface AtlasEntryStaffTable {
  tenant_id: string;
  entry_id: string;
  user_id: string;
}
