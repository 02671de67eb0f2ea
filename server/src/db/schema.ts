import type { ColumnType, Generated, Insertable } from 'kysely';
import type { AtlasEntryStaffTable, AtlasEntryTable } from './schema-atlas.ts';
import type {
  ActionStepTable,
  CaseAccessGrantTable,
  CaseCounterTable,
  CaseDocumentTable,
  CaseFileTable,
  CaseLeadChangeTable,
  CaseReopeningTable,
  CaseTeamChangeTable,
  CaseTransferTable,
  CaseTransmissionTable,
  ConsentTable,
  FamilyConferenceTable,
  GoalTable,
  HelpPlanTable,
  HouseholdMemberTable,
  HouseholdTable,
  MandateTable,
  NeedTable,
  NetworkTieTable,
  PeerConsultationTable,
  PersonTable,
  ResourceTable,
  RiskConsultationTable,
  WillAndGoalsTable,
} from './schema-cases.ts';
import type {
  ChildProtectionCheckTable,
  ProtectionMeasureMandateTable,
  ProtectionMeasureTable,
  VisitChecklistEntryTable,
} from './schema-childProtection.ts';
import type { ConfidedMarkTable, ConfidedShareTable } from './schema-dataProtection.ts';
import type {
  MicroBudgetAllocationTable,
  MicroBudgetFrameTable,
  MicroProjectBudgetTable,
  MicroProjectDistrictTable,
  MicroProjectNeedTable,
  MicroProjectParticipantsTable,
  MicroProjectReferralTable,
  MicroProjectReviewTable,
  MicroProjectTable,
  NeedMentionTable,
} from './schema-district.ts';
import type {
  AggregateTable,
  FinanceSettingTable,
  HelpTypeTable,
  MeasureTable,
  PaymentTable,
  ProviderTable,
  RateTable,
  ServiceOfferTable,
} from './schema-measures.ts';
import type { ProcessDefinitionTable, ProcessInstanceTable, ProcessStepTable } from './schema-processes.ts';
import type { CaseRetentionTable, RetentionSettingTable } from './schema-retention.ts';
import type {
  ControllingSettingTable,
  ControllingTargetTable,
  RentabCostPlanTable,
  RentabExtraCostTable,
} from './schema-steering.ts';
import type {
  ConferenceAttendanceTable,
  ConferenceItemTable,
  ConferenceTable,
  KnowledgePageTable,
  TrainingStatusTable,
} from './schema-team.ts';
import type {
  DistrictNetworkExternalTable,
  DistrictNetworkMeetingTable,
  DistrictNetworkStaffTable,
  DistrictNetworkTable,
  DistrictTalkTable,
  DistrictWalkTable,
  DistrictWorkNeedTable,
  InstitutionVisitFollowUpTable,
  InstitutionVisitTable,
} from './schema-visits.ts';
import type { CaseNoteTable, DeadlineEscalationTable, JobTable, NotificationTable } from './schema-work.ts';

/**
 * The database as Kysely sees it. Every domain table leads with tenant_id (the Jugendamt) so that the schema can
 * be distributed by tenant later. numeric comes back as string (exact), date as 'YYYY-MM-DD' string.
 */
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable column added later: inserts may leave it out. */
type OptionalText = ColumnType<string | null, string | null | undefined, string | null>;
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
  /** GeoJSON Polygon (WGS 84) for the map. */
  outline: ColumnType<
    { type: 'Polygon'; coordinates: number[][][] } | null,
    string | null | undefined,
    string | null
  >;
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
  external_issuer: OptionalText;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface DeputyTable {
  tenant_id: string;
  user_id: string;
  deputy_user_id: string;
}

/** A period in which someone stands in for an absent colleague (on top of the standing deputies). */
export interface AbsenceTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  deputy_user_id: string;
  from_on: ColumnType<string, string, string>;
  to_on: ColumnType<string, string, string>;
  note: OptionalText;
  created_by: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface SessionTable {
  tenant_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Instant;
  expires_at: Instant;
  sso_issuer: OptionalText;
  sso_id_token: OptionalText;
}

export interface SsoSettingTable {
  tenant_id: string;
  enabled: boolean;
  issuer: string;
  client_id: string;
  client_secret_env: string | null;
  scopes: Generated<string>;
  group_claim: Generated<string>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface SsoGroupMappingTable {
  tenant_id: string;
  id: Generated<string>;
  group_name: string;
  role: string;
  team_id: string | null;
}

export interface SsoLoginTable {
  tenant_id: string;
  state_hash: string;
  nonce: string;
  code_verifier: string;
  expires_at: Date;
}

export interface LoginFailureTable {
  tenant_id: string;
  id: Generated<string>;
  username: string;
  ip: string;
  at: Instant;
}

/** An entry is written once; the one update is placing a waiting entry (seq, prev_hash, hash null) in the chain. */
export interface AuditLogTable {
  tenant_id: string;
  /** From a sequence at insert: the order in which waiting entries are placed. */
  pending_id: ColumnType<string, never, never>;
  seq: ColumnType<number | null, number | null, number>;
  at: ColumnType<Date, Date, never>;
  actor_id: ColumnType<string | null, string | null, never>;
  action: ColumnType<string, string, never>;
  entity_type: ColumnType<string, string, never>;
  entity_id: ColumnType<string | null, string | null, never>;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: ColumnType<string | null, string | null, string>;
  hash: ColumnType<string | null, string | null, string>;
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

/** Who was in which team with which VZE and function, from when to when (valid_from null: since always). */
export interface StaffPeriodTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  team_id: string;
  function: 'casemanagement' | 'referatsleitung';
  fte: ColumnType<string, string, string>;
  valid_from: ColumnType<string | null, string | null | undefined, string | null>;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
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
  absence: AbsenceTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  sso_setting: SsoSettingTable;
  sso_group_mapping: SsoGroupMappingTable;
  sso_login: SsoLoginTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  population: PopulationTable;
  person: PersonTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  case_counter: CaseCounterTable;
  case_file: CaseFileTable;
  case_access_grant: CaseAccessGrantTable;
  case_reopening: CaseReopeningTable;
  staff_period: StaffPeriodTable;
  case_lead_change: CaseLeadChangeTable;
  case_team_change: CaseTeamChangeTable;
  case_transfer: CaseTransferTable;
  case_transmission: CaseTransmissionTable;
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
  help_type: HelpTypeTable;
  provider: ProviderTable;
  service_offer: ServiceOfferTable;
  rate: RateTable;
  finance_setting: FinanceSettingTable;
  measure: MeasureTable;
  payment: PaymentTable;
  aggregate: AggregateTable;
  process_definition: ProcessDefinitionTable;
  process_instance: ProcessInstanceTable;
  process_step: ProcessStepTable;
  child_protection_check: ChildProtectionCheckTable;
  protection_measure: ProtectionMeasureTable;
  protection_measure_mandate: ProtectionMeasureMandateTable;
  visit_checklist_entry: VisitChecklistEntryTable;
  case_note: CaseNoteTable;
  confided_mark: ConfidedMarkTable;
  confided_share: ConfidedShareTable;
  notification: NotificationTable;
  job: JobTable;
  deadline_escalation: DeadlineEscalationTable;
  need_mention: NeedMentionTable;
  micro_budget_frame: MicroBudgetFrameTable;
  micro_budget_allocation: MicroBudgetAllocationTable;
  micro_project: MicroProjectTable;
  micro_project_district: MicroProjectDistrictTable;
  micro_project_need: MicroProjectNeedTable;
  micro_project_budget: MicroProjectBudgetTable;
  micro_project_referral: MicroProjectReferralTable;
  micro_project_participants: MicroProjectParticipantsTable;
  micro_project_review: MicroProjectReviewTable;
  controlling_setting: ControllingSettingTable;
  rentab_extra_cost: RentabExtraCostTable;
  rentab_cost_plan: RentabCostPlanTable;
  controlling_target: ControllingTargetTable;
  atlas_entry: AtlasEntryTable;
  atlas_entry_staff: AtlasEntryStaffTable;
  conference: ConferenceTable;
  conference_item: ConferenceItemTable;
  conference_attendance: ConferenceAttendanceTable;
  training_status: TrainingStatusTable;
  knowledge_page: KnowledgePageTable;
  institution_visit: InstitutionVisitTable;
  institution_visit_follow_up: InstitutionVisitFollowUpTable;
  district_walk: DistrictWalkTable;
  district_talk: DistrictTalkTable;
  district_network: DistrictNetworkTable;
  district_network_staff: DistrictNetworkStaffTable;
  district_network_external: DistrictNetworkExternalTable;
  district_network_meeting: DistrictNetworkMeetingTable;
  district_work_need: DistrictWorkNeedTable;
  retention_setting: RetentionSettingTable;
  case_retention: CaseRetentionTable;
}

export type NewAppUser = Insertable<AppUserTable>;
