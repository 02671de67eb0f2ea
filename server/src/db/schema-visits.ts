import type { ColumnType, Generated } from 'kysely';
import type { Day } from './schema-cases.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Case-independent work in the district and networks (migration 0033). */

export interface InstitutionVisitTable {
  tenant_id: string;
  id: Generated<string>;
  team_id: string;
  visitor_user_id: string;
  district_id: string;
  institution_name: string;
  atlas_entry_id: string | null;
  visited_on: Day;
  offers: string;
  contacts: string;
  access_routes: string;
  needs_seen: string;
  agreements: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface InstitutionVisitFollowUpTable {
  tenant_id: string;
  id: Generated<string>;
  visit_id: string;
  due_on: Day;
  text: string;
  done: Generated<boolean>;
}

export interface DistrictWalkTable {
  tenant_id: string;
  id: Generated<string>;
  team_id: string;
  district_id: string;
  walked_on: Day;
  participants: string;
  observations: string;
  created_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface DistrictTalkTable {
  tenant_id: string;
  id: Generated<string>;
  team_id: string;
  district_id: string;
  kind: string;
  held_on: Day;
  topic: string;
  notes: string;
  created_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface DistrictNetworkTable {
  tenant_id: string;
  id: Generated<string>;
  team_id: string;
  name: string;
  age_cohort: string;
  district_id: string | null;
  social_centre_id: string | null;
  rules_of_procedure: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface DistrictNetworkStaffTable {
  tenant_id: string;
  network_id: string;
  user_id: string;
}

export interface DistrictNetworkExternalTable {
  tenant_id: string;
  id: Generated<string>;
  network_id: string;
  name: string;
  organisation: string;
  position: number;
}

export interface DistrictNetworkMeetingTable {
  tenant_id: string;
  id: Generated<string>;
  network_id: string;
  held_on: Day;
  minutes: string;
  agreements: string;
  created_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface DistrictWorkNeedTable {
  tenant_id: string;
  record_type: string;
  record_id: string;
  need_id: string;
}
