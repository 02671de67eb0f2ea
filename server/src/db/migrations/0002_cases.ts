import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/** Case work: persons, households, cases and the method's records (docs/domain.md, section 2). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table person (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      first_name text not null,
      last_name text not null,
      birth_date date not null,
      gender text not null check (gender in ('weiblich', 'maennlich', 'divers', 'ohne_angabe')),
      language text,
      phone text,
      -- Kölner Phonetik of the names, for duplicate detection.
      phonetic_first text not null,
      phonetic_last text not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    );
    create index person_birth_idx on person (tenant_id, birth_date);

    create table household (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      street_id uuid,
      street_name text not null,
      house_number text not null,
      postal_code text,
      district_id uuid,
      team_id uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, street_id) references street (tenant_id, id),
      foreign key (tenant_id, district_id) references district (tenant_id, id),
      foreign key (tenant_id, team_id) references team (tenant_id, id)
    );

    create table household_member (
      tenant_id uuid not null,
      household_id uuid not null,
      person_id uuid not null,
      role text not null check (role in ('kind', 'mutter', 'vater', 'personensorgeberechtigt', 'pflegeeltern', 'geschwister', 'sonstige')),
      custody text check (custody in ('gemeinsam', 'mutter', 'vater', 'vormund', 'pflegschaft', 'unbekannt')),
      position integer not null,
      primary key (tenant_id, household_id, person_id),
      foreign key (tenant_id, household_id) references household (tenant_id, id) on delete cascade,
      foreign key (tenant_id, person_id) references person (tenant_id, id)
    );
    create index household_member_person_idx on household_member (tenant_id, person_id);

    create table case_counter (
      tenant_id uuid not null references tenant (id),
      year integer not null,
      last integer not null,
      primary key (tenant_id, year)
    );

    create table case_file (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      case_number text not null,
      household_id uuid not null,
      opened_on date not null,
      access_route text not null,
      reporter text,
      concern text not null,
      team_id uuid not null,
      lead_user_id uuid,
      district_id uuid,
      status text not null default 'offen' check (status in ('offen', 'abgeschlossen')),
      closed_on date,
      closing_reason text,
      closing_outcome text,
      closing_tip text,
      created_by uuid,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, case_number),
      check ((status = 'abgeschlossen') = (closed_on is not null)),
      check (closed_on is null or closed_on >= opened_on),
      foreign key (tenant_id, household_id) references household (tenant_id, id),
      foreign key (tenant_id, team_id) references team (tenant_id, id),
      foreign key (tenant_id, lead_user_id) references app_user (tenant_id, id),
      foreign key (tenant_id, district_id) references district (tenant_id, id)
    );
    create index case_lead_idx on case_file (tenant_id, lead_user_id, status);
    create index case_team_idx on case_file (tenant_id, team_id, status);
    create index case_household_idx on case_file (tenant_id, household_id);
    create index case_opened_idx on case_file (tenant_id, opened_on);

    create table case_access_grant (
      tenant_id uuid not null,
      case_id uuid not null,
      user_id uuid not null,
      granted_by uuid,
      granted_at timestamptz not null default now(),
      primary key (tenant_id, case_id, user_id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id) on delete cascade,
      foreign key (tenant_id, user_id) references app_user (tenant_id, id)
    );

    -- Each Kurzberatung zur Risikoeinschätzung classifies the case: the rows are the classification history.
    create table risk_consultation (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      held_on date not null,
      participant_ids uuid[] not null,
      facts text not null,
      area text not null check (area in ('leistung', 'grau', 'gefaehrdung')),
      next_steps text not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id)
    );
    create index risk_consultation_case_idx on risk_consultation (tenant_id, case_id, held_on);

    create table mandate (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      kind text not null check (kind in ('auftrag', 'auflage')),
      text text not null,
      addressee text not null,
      due_on date not null,
      check_method text not null,
      result text not null default 'offen' check (result in ('offen', 'erfuellt', 'teilweise', 'nicht_erfuellt')),
      consequence text,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id)
    );
    create index mandate_case_idx on mandate (tenant_id, case_id);
    create index mandate_due_idx on mandate (tenant_id, due_on) where result = 'offen';

    create table will_and_goals (
      tenant_id uuid not null,
      case_id uuid not null,
      will text not null,
      direction_goal text not null,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, case_id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id)
    );

    create table goal (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      position integer not null,
      text text not null,
      due_on date not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id)
    );
    create index goal_case_idx on goal (tenant_id, case_id);

    create table resource (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      area text not null check (area in ('persoenlich', 'sozial', 'materiell', 'sozialraeumlich')),
      description text not null,
      goal_id uuid,
      -- A Stadtteilatlas entry, once the district module exists.
      directory_entry_id uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id)
    );
    create index resource_case_idx on resource (tenant_id, case_id);

    create table action_step (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      goal_id uuid not null,
      position integer not null,
      who text not null,
      what text not null,
      due_on date not null,
      resource_id uuid,
      primary key (tenant_id, id),
      foreign key (tenant_id, goal_id) references goal (tenant_id, id) on delete cascade
    );
    create index action_step_goal_idx on action_step (tenant_id, goal_id);

    create table network_tie (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      name text not null,
      kind text not null check (kind in ('person', 'institution')),
      closeness integer not null check (closeness between 1 and 3),
      quality text not null check (quality in ('stark', 'mittel', 'schwach', 'belastet')),
      angle integer not null check (angle between 0 and 359),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id)
    );
    create index network_tie_case_idx on network_tie (tenant_id, case_id);

    create table need (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      district_id uuid not null,
      age_cohort text not null check (age_cohort in ('0-3', '3-10', '10-16', '16+')),
      text text not null,
      source text not null check (source in ('kollegiale_beratung', 'bedarfsrunde', 'erkundung', 'gespraech')),
      mentions integer not null default 1 check (mentions >= 1),
      status text not null default 'offen' check (status in ('offen', 'in_arbeit', 'erledigt')),
      created_on date not null,
      version integer not null default 1,
      primary key (tenant_id, id),
      foreign key (tenant_id, district_id) references district (tenant_id, id)
    );
    create index need_district_idx on need (tenant_id, district_id, status);

    create table peer_consultation (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      held_on date not null,
      question text not null,
      moderator_id uuid not null,
      minutes_id uuid not null,
      perspective_id uuid not null,
      ideas jsonb not null,
      decision text not null,
      closing_answer text not null,
      age_cohort text not null,
      need_id uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id),
      foreign key (tenant_id, need_id) references need (tenant_id, id),
      foreign key (tenant_id, moderator_id) references app_user (tenant_id, id),
      foreign key (tenant_id, minutes_id) references app_user (tenant_id, id),
      foreign key (tenant_id, perspective_id) references app_user (tenant_id, id)
    );
    create index peer_consultation_case_idx on peer_consultation (tenant_id, case_id);

    -- A Hilfeplan version is never changed: a Fortschreibung is a new row that supersedes it.
    create table help_plan (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      version_no integer not null,
      supersedes_id uuid,
      application_on date not null,
      applicant text not null,
      meeting_on date not null,
      participants jsonb not null,
      child_participated boolean not null,
      agreed_measures text not null,
      review_on date not null,
      direction_goal text not null,
      goals jsonb not null,
      attainment jsonb not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, case_id, version_no),
      unique (tenant_id, supersedes_id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id),
      foreign key (tenant_id, supersedes_id) references help_plan (tenant_id, id)
    );
    create function help_plan_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'help_plan versions are immutable';
    end $$;
    create trigger help_plan_no_update before update or delete on help_plan
      for each row execute function help_plan_immutable();

    create table family_conference (
      tenant_id uuid not null,
      case_id uuid not null,
      concern text not null,
      coordinator text,
      participants text,
      place text,
      held_on date,
      phase text not null,
      family_plan text,
      office_decision text,
      follow_up_on date,
      version integer not null default 1,
      primary key (tenant_id, case_id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id)
    );

    create table consent (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      person_id uuid not null,
      recipient text not null,
      purpose text not null,
      valid_from date not null,
      valid_until date,
      revoked_on date,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id),
      foreign key (tenant_id, person_id) references person (tenant_id, id)
    );
    create index consent_case_idx on consent (tenant_id, case_id);

    create table case_document (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      file_name text not null,
      content_type text not null,
      size integer not null,
      content bytea not null,
      uploaded_by uuid,
      uploaded_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id)
    );
    create index case_document_case_idx on case_document (tenant_id, case_id);
  `,
  );
}
