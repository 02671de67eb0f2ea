import type { ColumnType, Generated } from 'kysely';

type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Day = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

/** Tables of case work (migration 0002). */

export interface PersonTable {
  tenant_id: string;
  id: Generated<string>;
  first_name: string;
  last_name: string;
  /** Null: unknown, allowed for adults only (a child keeps one: persons/service.ts). */
  birth_date: ColumnType<string | null, string | null, string | null>;
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
  /** 'fest': an address of the street directory; 'wohnungslos', 'unbekannt_verzogen': none (street fields null). */
  address_kind: Generated<'fest' | 'wohnungslos' | 'unbekannt_verzogen'>;
  street_id: string | null;
  street_name: string | null;
  house_number: string | null;
  postal_code: string | null;
  district_id: string | null;
  team_id: string | null;
  /** Who registered it; null for households loaded in bulk (demo data), which all have cases. */
  created_by: string | null;
  /**
   * Kept by triggers for the case search (migration 0044): the members' names in lower case and folded. Never
   * written by the application, never shown.
   */
  member_names: Generated<string>;
  member_names_folded: Generated<string>;
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
  /** Null until a team lead allocates the case (no team is responsible for the address, or none: wohnungslos). */
  team_id: string | null;
  lead_user_id: string | null;
  district_id: string | null;
  status: Generated<'offen' | 'abgeschlossen'>;
  closed_on: Day | null;
  closing_reason: string | null;
  closing_outcome: string | null;
  closing_tip: string | null;
  /** The family's fields of the HzE statistics (HzeFamilyStatistics; migration 0027). */
  family_statistics: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
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
  /** The last day the grant admits (inclusive); null: until revoked. */
  valid_until: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A closed case taken up again (migration 0024), with the closing it undid: the closing stays history. */
export interface CaseReopeningTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  reopened_on: Day;
  reopened_at: CreatedAt;
  reason: string;
  reopened_by: string | null;
  closed_on: Day;
  closing_reason: string | null;
  closing_outcome: string | null;
  closing_tip: string | null;
}

/** A change of Fallführung (migration 0024), with the optional Übergabenotiz for the colleague taking over. */
export interface CaseLeadChangeTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  from_user_id: string | null;
  to_user_id: string;
  note: string | null;
  changed_by: string | null;
  changed_at: CreatedAt;
}

/** A move of the case to another team when the family moves (migration 0030). */
export interface CaseTeamChangeTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  from_team_id: string | null;
  to_team_id: string;
  from_lead_user_id: string | null;
  address_changed: boolean;
  reason: string;
  /** The access given in the same step (e.g. to the former lead), until its last day. */
  grant_user_id: string | null;
  grant_valid_until: Day | null;
  moved_by: string | null;
  moved_at: CreatedAt;
}

/** A handover to another Jugendamt (§ 86c SGB VIII) that closed the case here (migration 0030). */
export interface CaseTransferTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  receiving_office: string;
  transferred_on: Day;
  reason: string;
  transferred_by: string | null;
  created_at: CreatedAt;
}

/** A document of the case given to an institution, with the consent or the legal basis (migration 0030). */
export interface CaseTransmissionTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  document_kind: string;
  recipient_kind: string;
  recipient: string;
  consent_id: string | null;
  legal_basis: string | null;
  transmitted_by: string | null;
  transmitted_at: CreatedAt;
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
  /** 'klaerung' | 'abwendung' (migration 0012); an Auflage always 'abwendung'. */
  purpose: string;
  review_on: Day | null;
  /** For an Auflage: the failed Auftrag it was escalated from. */
  escalated_from_id: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
  /** Who recorded it (migration 0036; null before): the author who may mark it as confided. */
  created_by: string | null;
}

export interface WillAndGoalsTable {
  tenant_id: string;
  case_id: string;
  will: string;
  direction_goal: string;
  version: Generated<number>;
  updated_at: Instant;
  /** Who saved it last (migration 0036; null before): the author who may mark it as confided. */
  updated_by: string | null;
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
  /** Who recorded it (migration 0038; null before): the author who may mark it as confided. */
  created_by: string | null;
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
  version: Generated<number>;
  /** Who recorded it (migration 0038; null before): the author who may mark it as confided. */
  created_by: string | null;
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
  /** Set while the need is merged into another (migration 0020). */
  merged_into_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Who saved it last (migration 0039; null before): the author who may mark it as confided. */
  updated_by: string | null;
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
