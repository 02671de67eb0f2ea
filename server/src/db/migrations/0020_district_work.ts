import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Work in the district (docs/district-work.md): each mention of a need kept with its source, needs merged into
 * another (and split off again), and preventive micro-projects with their budget frame, the districts' allocations
 * and the projects' commitments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    alter table need drop constraint need_source_check;
    alter table need add constraint need_source_check
      check (source in ('kollegiale_beratung', 'bedarfsrunde', 'erkundung', 'gespraech', 'besuch', 'netzwerk'));
    -- A merged need points at the need it was merged into; its own mentions stay its own, so a split restores it.
    alter table need add column merged_into_id uuid;
    alter table need add constraint need_merged_into_fk
      foreign key (tenant_id, merged_into_id) references need (tenant_id, id);
    alter table need add constraint need_not_merged_into_itself check (merged_into_id is null or merged_into_id <> id);
    create index need_merged_into_idx on need (tenant_id, merged_into_id);

    -- One row per time a need was named. need_id is the need it was named as and never changes.
    create table need_mention (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      need_id uuid not null,
      source text not null
        check (source in ('kollegiale_beratung', 'bedarfsrunde', 'erkundung', 'gespraech', 'besuch', 'netzwerk')),
      mentioned_on date not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, need_id) references need (tenant_id, id)
    );
    create index need_mention_need_idx on need_mention (tenant_id, need_id, mentioned_on);

    -- The needs named before mentions were kept: the peer consultations that named them, the rest on their first day.
    insert into need_mention (tenant_id, need_id, source, mentioned_on)
      select p.tenant_id, p.need_id, 'kollegiale_beratung', p.held_on
        from peer_consultation p where p.need_id is not null;
    insert into need_mention (tenant_id, need_id, source, mentioned_on)
      select n.tenant_id, n.id, n.source, n.created_on
        from need n
        cross join lateral generate_series(
          1,
          n.mentions - (select count(*) from need_mention m where m.tenant_id = n.tenant_id and m.need_id = n.id)::int
        ) as g;

    create table micro_budget_frame (
      tenant_id uuid not null,
      year integer not null,
      amount numeric(12, 2) not null check (amount >= 0),
      version integer not null default 1,
      primary key (tenant_id, year)
    );

    create table micro_budget_allocation (
      tenant_id uuid not null,
      year integer not null,
      district_id uuid not null,
      amount numeric(12, 2) not null check (amount >= 0),
      primary key (tenant_id, year, district_id),
      foreign key (tenant_id, year) references micro_budget_frame (tenant_id, year),
      foreign key (tenant_id, district_id) references district (tenant_id, id)
    );

    create table micro_project (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      name text not null,
      category text not null
        check (category in ('falluebergreifend', 'regelstruktur', 'methodisch', 'semiprofessionell')),
      provider text not null,
      target_group text not null,
      description text not null default '',
      starts_on date not null,
      ends_on date check (ends_on is null or ends_on >= starts_on),
      status text not null check (status in ('geplant', 'laufend', 'verstetigt', 'beendet')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    );

    create table micro_project_district (
      tenant_id uuid not null,
      project_id uuid not null,
      district_id uuid not null,
      primary key (tenant_id, project_id, district_id),
      foreign key (tenant_id, project_id) references micro_project (tenant_id, id),
      foreign key (tenant_id, district_id) references district (tenant_id, id)
    );
    create index micro_project_district_idx on micro_project_district (tenant_id, district_id);

    create table micro_project_need (
      tenant_id uuid not null,
      project_id uuid not null,
      need_id uuid not null,
      primary key (tenant_id, project_id, need_id),
      foreign key (tenant_id, project_id) references micro_project (tenant_id, id),
      foreign key (tenant_id, need_id) references need (tenant_id, id)
    );
    create index micro_project_need_idx on micro_project_need (tenant_id, need_id);

    -- A project's budget in a year and one of its districts; the district's allocation of the year must exist.
    create table micro_project_budget (
      tenant_id uuid not null,
      project_id uuid not null,
      year integer not null,
      district_id uuid not null,
      committed numeric(12, 2) not null check (committed >= 0),
      spent numeric(12, 2) not null default 0 check (spent >= 0 and spent <= committed),
      primary key (tenant_id, project_id, year, district_id),
      foreign key (tenant_id, project_id, district_id)
        references micro_project_district (tenant_id, project_id, district_id),
      foreign key (tenant_id, year, district_id) references micro_budget_allocation (tenant_id, year, district_id)
    );
    create index micro_project_budget_year_idx on micro_project_budget (tenant_id, year, district_id);

    create table micro_project_referral (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      project_id uuid not null,
      district_id uuid not null,
      referred_on date not null,
      route text not null check (route in ('case_management', 'andere')),
      case_id uuid,
      actor text not null default '',
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      check (route = 'case_management' or case_id is null),
      foreign key (tenant_id, project_id, district_id)
        references micro_project_district (tenant_id, project_id, district_id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id)
    );
    create index micro_project_referral_project_idx on micro_project_referral (tenant_id, project_id);
    create index micro_project_referral_case_idx on micro_project_referral (tenant_id, case_id);

    create table micro_project_participants (
      tenant_id uuid not null,
      project_id uuid not null,
      quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
      participants integer not null check (participants >= 0),
      primary key (tenant_id, project_id, quarter),
      foreign key (tenant_id, project_id) references micro_project (tenant_id, id)
    );

    create table micro_project_review (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      project_id uuid not null,
      kind text not null check (kind in ('qualitaetszirkel', 'gemeinsame_auswertung')),
      held_on date not null,
      summary text not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, project_id) references micro_project (tenant_id, id)
    );
    create index micro_project_review_project_idx on micro_project_review (tenant_id, project_id);
    `,
  );
}
