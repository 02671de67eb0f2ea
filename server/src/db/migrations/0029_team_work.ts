import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * The team's own work (docs/conference-and-team.md): the Wochenkonferenz with its agenda items in the five rubrics
 * and its attendance, and the team: the training modules 1-9 per person and the knowledge base (Arbeitshilfen,
 * quality handbook pages in Markdown). Who is the expert for what is the staff's existing specialisations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table conference (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      team_id uuid not null,
      held_on date not null,
      minutes text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, team_id, held_on),
      foreign key (tenant_id, team_id) references team (tenant_id, id)
    );

    create table conference_item (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      conference_id uuid not null,
      rubric text not null check (rubric in ('fallberatung', 'kurzberatung', 'tipps_themen', 'bedarfsrunde')),
      title text not null,
      body text not null default '',
      case_id uuid,
      need_id uuid,
      micro_project_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, conference_id) references conference (tenant_id, id) on delete cascade,
      foreign key (tenant_id, case_id) references case_file (tenant_id, id),
      foreign key (tenant_id, need_id) references need (tenant_id, id),
      foreign key (tenant_id, micro_project_id) references micro_project (tenant_id, id)
    );
    create index conference_item_conference_idx on conference_item (tenant_id, conference_id, rubric, created_at);
    create index conference_item_case_idx on conference_item (tenant_id, case_id);

    create table conference_attendance (
      tenant_id uuid not null,
      conference_id uuid not null,
      user_id uuid not null,
      primary key (tenant_id, conference_id, user_id),
      foreign key (tenant_id, conference_id) references conference (tenant_id, id) on delete cascade,
      foreign key (tenant_id, user_id) references app_user (tenant_id, id)
    );

    create table training_status (
      tenant_id uuid not null,
      user_id uuid not null,
      module integer not null check (module between 1 and 9),
      done_on date,
      planned_year integer,
      primary key (tenant_id, user_id, module),
      check ((done_on is null) <> (planned_year is null)),
      foreign key (tenant_id, user_id) references app_user (tenant_id, id)
    );

    create table knowledge_page (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('arbeitshilfe', 'qualitaetshandbuch')),
      title text not null,
      body text not null,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, title)
    );
    `,
  );
}
