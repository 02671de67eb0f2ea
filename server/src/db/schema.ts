import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The database as Kysely sees it. Every domain table leads with tenant_id (the Jugendamt) so that the schema can
 * be distributed by tenant later. numeric comes back as string (exact), date as 'YYYY-MM-DD' string.
 */
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface TenantTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: CreatedAt;
}

export interface SocialCentreTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  code: string;
  version: Generated<number>;
}

export interface DistrictTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  code: string;
  version: Generated<number>;
}

export interface TeamTable {
  tenant_id: string;
  id: Generated<string>;
  social_centre_id: string;
  name: string;
  lead_user_id: string | null;
  version: Generated<number>;
}

export interface StreetTable {
  tenant_id: string;
  id: Generated<string>;
  district_id: string;
  name: string;
  postal_code: string;
  version: Generated<number>;
}

export interface ResponsibilityTable {
  tenant_id: string;
  id: Generated<string>;
  street_id: string;
  team_id: string;
  house_from: number | null;
  house_to: number | null;
  version: Generated<number>;
}

export interface AppUserTable {
  tenant_id: string;
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  roles: string[];
  team_id: string | null;
  specialisations: Generated<string[]>;
  fte: ColumnType<string, string | undefined, string>;
  active: Generated<boolean>;
  external_subject: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface DeputyTable {
  tenant_id: string;
  user_id: string;
  deputy_user_id: string;
}

export interface SessionTable {
  tenant_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Instant;
  expires_at: Instant;
}

export interface LoginFailureTable {
  tenant_id: string;
  id: Generated<string>;
  username: string;
  ip: string;
  at: Instant;
}

export interface AuditLogTable {
  tenant_id: string;
  seq: ColumnType<number, number, never>;
  at: ColumnType<Date, Date, never>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  tenant_id: string;
  seq: number;
  hash: string;
}

export interface PopulationTable {
  tenant_id: string;
  district_id: string;
  year: number;
  age_band: string;
  residents: number;
}

// Case work (migration 0002)
type Day = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface PersonTable {
  tenant_id: string;
  id: Generated<string>;
  first_name: string;
  last_name: string;
  birth_date: Day;
  gender: string;
  language: string | null;
  phone: string | null;
  phonetic_first: string;
  phonetic_last: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface HouseholdTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  street_id: string | null;
  street_name: string;
  house_number: string;
  postal_code: string | null;
  district_id: string | null;
  team_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface HouseholdMemberTable {
  tenant_id: string;
  household_id: string;
  person_id: string;
  role: string;
  custody: string | null;
  position: number;
}

export interface CaseCounterTable {
  tenant_id: string;
  year: number;
  last: number;
}

export interface CaseFileTable {
  tenant_id: string;
  id: Generated<string>;
  case_number: string;
  household_id: string;
  opened_on: Day;
  access_route: string;
  reporter: string | null;
  concern: string;
  team_id: string;
  lead_user_id: string | null;
  district_id: string | null;
  status: Generated<'offen' | 'abgeschlossen'>;
  closed_on: Day | null;
  closing_reason: string | null;
  closing_outcome: string | null;
  closing_tip: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface CaseAccessGrantTable {
  tenant_id: string;
  case_id: string;
  user_id: string;
  granted_by: string | null;
  granted_at: CreatedAt;
}

export interface RiskConsultationTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  held_on: Day;
  participant_ids: string[];
  facts: string;
  area: string;
  next_steps: string;
  created_at: CreatedAt;
}

export interface MandateTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  kind: string;
  text: string;
  addressee: string;
  due_on: Day;
  check_method: string;
  result: Generated<string>;
  consequence: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface WillAndGoalsTable {
  tenant_id: string;
  case_id: string;
  will: string;
  direction_goal: string;
  version: Generated<number>;
  updated_at: Instant;
}

export interface GoalTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  position: number;
  text: string;
  due_on: Day;
}

export interface ActionStepTable {
  tenant_id: string;
  id: Generated<string>;
  goal_id: string;
  position: number;
  who: string;
  what: string;
  due_on: Day;
  resource_id: string | null;
}

export interface ResourceTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  area: string;
  description: string;
  goal_id: string | null;
  directory_entry_id: string | null;
  created_at: CreatedAt;
}

export interface NetworkTieTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  name: string;
  kind: string;
  closeness: number;
  quality: string;
  angle: number;
}

export interface NeedTable {
  tenant_id: string;
  id: Generated<string>;
  district_id: string;
  age_cohort: string;
  text: string;
  source: string;
  mentions: Generated<number>;
  status: Generated<string>;
  created_on: Day;
  version: Generated<number>;
}

export interface PeerConsultationTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  held_on: Day;
  question: string;
  moderator_id: string;
  minutes_id: string;
  perspective_id: string;
  ideas: Json<{ source: string; text: string }[]>;
  decision: string;
  closing_answer: string;
  age_cohort: string;
  need_id: string | null;
  created_at: CreatedAt;
}

export interface HelpPlanTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  version_no: number;
  supersedes_id: string | null;
  application_on: Day;
  applicant: string;
  meeting_on: Day;
  participants: Json<string[]>;
  child_participated: boolean;
  agreed_measures: string;
  review_on: Day;
  direction_goal: string;
  goals: Json<{ id: string; text: string; dueOn: string }[]>;
  attainment: Json<{ goalId: string; score: string; note: string | null }[]>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface FamilyConferenceTable {
  tenant_id: string;
  case_id: string;
  concern: string;
  coordinator: string | null;
  participants: string | null;
  place: string | null;
  held_on: Day | null;
  phase: string;
  family_plan: string | null;
  office_decision: string | null;
  follow_up_on: Day | null;
  version: Generated<number>;
}

export interface ConsentTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  person_id: string;
  recipient: string;
  purpose: string;
  valid_from: Day;
  valid_until: Day | null;
  revoked_on: Day | null;
  created_at: CreatedAt;
}

export interface CaseDocumentTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: CreatedAt;
}

export interface DB {
  tenant: TenantTable;
  social_centre: SocialCentreTable;
  district: DistrictTable;
  team: TeamTable;
  street: StreetTable;
  responsibility: ResponsibilityTable;
  app_user: AppUserTable;
  deputy: DeputyTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  population: PopulationTable;
  person: PersonTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  case_counter: CaseCounterTable;
  case_file: CaseFileTable;
  case_access_grant: CaseAccessGrantTable;
  risk_consultation: RiskConsultationTable;
  mandate: MandateTable;
  will_and_goals: WillAndGoalsTable;
  goal: GoalTable;
  action_step: ActionStepTable;
  resource: ResourceTable;
  network_tie: NetworkTieTable;
  need: NeedTable;
  peer_consultation: PeerConsultationTable;
  help_plan: HelpPlanTable;
  family_conference: FamilyConferenceTable;
  consent: ConsentTable;
  case_document: CaseDocumentTable;
}

export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
