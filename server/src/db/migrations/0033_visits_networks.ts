import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Case-independent work in the district and networks by age cohort (docs/district-visits-and-networks.md):
 * Institutionenbesuche on the fixed card with dated follow-ups, Stadtteilbegehungen, the ten-minute Erkundung after a
 * counselling talk and case-independent talks, networks with their staff and outside members and their meetings.
 * No record holds personal data of clients. Every record belongs to the team that made it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table institution_visit (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      team_id uuid not null,
      visitor_user_id uuid not null,
      district_id uuid not null,
      institution_name text not null,
      -- The Stadtteilatlas entry, to be linked by a foreign key once the atlas exists; until then only kept.
      atlas_entry_id uuid,
      visited_on date not null,
      offers text not null default '',
      contacts text not null default '',
      access_routes text not null default '',
      needs_seen text not null default '',
      agreements text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, team_id) references team (tenant_id, id),
      foreign key (tenant_id, visitor_user_id) references app_user (tenant_id, id),
      foreign key (tenant_id, district_id) references district (tenant_id, id)
    );
    create index institution_visit_team_idx on institution_visit (tenant_id, team_id, visited_on);
    create index institution_visit_visitor_idx on institution_visit (tenant_id, visitor_user_id);

    create table institution_visit_follow_up (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      visit_id uuid not null,
      due_on date not null,
      text text not null,
      done boolean not null default false,
      primary key (tenant_id, id),
      foreign key (tenant_id, visit_id) references institution_visit (tenant_id, id)
    );
    create index institution_visit_follow_up_visit_idx on institution_visit_follow_up (tenant_id, visit_id);

    create table district_walk (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      team_id uuid not null,
      district_id uuid not null,
      walked_on date not null,
      participants text not null,
      observations text not null default '',
      created_by uuid not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, team_id) references team (tenant_id, id),
      foreign key (tenant_id, district_id) references district (tenant_id, id),
      foreign key (tenant_id, created_by) references app_user (tenant_id, id)
    );
    create index district_walk_team_idx on district_walk (tenant_id, team_id, walked_on);

    -- The ten-minute exploration after a counselling talk (erkundung) and case-independent talks (gespraech).
    create table district_talk (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      team_id uuid not null,
      district_id uuid not null,
      kind text not null check (kind in ('erkundung', 'gespraech')),
      held_on date not null,
      topic text not null,
      notes text not null default '',
      created_by uuid not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, team_id) references team (tenant_id, id),
      foreign key (tenant_id, district_id) references district (tenant_id, id),
      foreign key (tenant_id, created_by) references app_user (tenant_id, id)
    );
    create index district_talk_team_idx on district_talk (tenant_id, team_id, held_on);

    -- A network of one age cohort, for a district or for a Sozialzentrum (exactly one of the two).
    create table district_network (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      team_id uuid not null,
      name text not null,
      age_cohort text not null check (age_cohort in ('0-3', '3-10', '10-16', '16+')),
      district_id uuid,
      social_centre_id uuid,
      rules_of_procedure text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      check ((district_id is null) <> (social_centre_id is null)),
      foreign key (tenant_id, team_id) references team (tenant_id, id),
      foreign key (tenant_id, district_id) references district (tenant_id, id),
      foreign key (tenant_id, social_centre_id) references social_centre (tenant_id, id)
    );
    create index district_network_team_idx on district_network (tenant_id, team_id);

    create table district_network_staff (
      tenant_id uuid not null,
      network_id uuid not null,
      user_id uuid not null,
      primary key (tenant_id, network_id, user_id),
      foreign key (tenant_id, network_id) references district_network (tenant_id, id),
      foreign key (tenant_id, user_id) references app_user (tenant_id, id)
    );

    -- Members from outside the office, as text until the Stadtteilatlas can be referenced.
    create table district_network_external (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      network_id uuid not null,
      name text not null,
      organisation text not null default '',
      position integer not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, network_id) references district_network (tenant_id, id)
    );
    create index district_network_external_idx on district_network_external (tenant_id, network_id);

    create table district_network_meeting (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      network_id uuid not null,
      held_on date not null,
      minutes text not null,
      agreements text not null default '',
      created_by uuid not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, network_id) references district_network (tenant_id, id),
      foreign key (tenant_id, created_by) references app_user (tenant_id, id)
    );
    create index district_network_meeting_idx on district_network_meeting (tenant_id, network_id, held_on);

    -- Which needs a record named (the mention itself is in need_mention, with its source).
    create table district_work_need (
      tenant_id uuid not null,
      record_type text not null check (record_type in ('visit', 'walk', 'talk', 'meeting')),
      record_id uuid not null,
      need_id uuid not null,
      primary key (tenant_id, record_type, record_id, need_id),
      foreign key (tenant_id, need_id) references need (tenant_id, id)
    );
    `,
  );
}
