import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Foundation: tenant, organisation, staff and sessions, audit trail, young inhabitants.
 * Every domain table leads its primary key, foreign keys and indexes with tenant_id (Citus-ready).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table tenant (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
      name text not null,
      created_at timestamptz not null default now()
    );

    create table social_centre (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      code text not null,
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, code),
      unique (tenant_id, name)
    );

    create table district (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      code text not null,
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, code),
      unique (tenant_id, name)
    );

    create table team (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      social_centre_id uuid not null,
      name text not null,
      lead_user_id uuid,
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, name),
      foreign key (tenant_id, social_centre_id) references social_centre (tenant_id, id)
    );
    create index team_centre_idx on team (tenant_id, social_centre_id);

    create table street (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      district_id uuid not null,
      name text not null,
      postal_code text not null check (postal_code ~ '^[0-9]{5}$'),
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, name, postal_code),
      foreign key (tenant_id, district_id) references district (tenant_id, id)
    );
    create index street_district_idx on street (tenant_id, district_id);
    create index street_name_idx on street (tenant_id, lower(name));

    create table responsibility (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      street_id uuid not null,
      team_id uuid not null,
      house_from integer,
      house_to integer,
      version integer not null default 1,
      primary key (tenant_id, id),
      check ((house_from is null) = (house_to is null)),
      check (house_from is null or (house_from >= 1 and house_from <= house_to)),
      foreign key (tenant_id, street_id) references street (tenant_id, id) on delete cascade,
      foreign key (tenant_id, team_id) references team (tenant_id, id)
    );
    create index responsibility_street_idx on responsibility (tenant_id, street_id);
    create index responsibility_team_idx on responsibility (tenant_id, team_id);

    create table app_user (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      username text not null,
      display_name text not null,
      email text,
      password_hash text,
      roles text[] not null check (cardinality(roles) >= 1),
      team_id uuid,
      specialisations text[] not null default '{}',
      fte numeric(3, 2) not null default 1.00 check (fte >= 0 and fte <= 1),
      active boolean not null default true,
      -- Subject of an external identity provider (OpenID Connect), once single sign-on is enabled.
      external_subject text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, username),
      unique (tenant_id, external_subject),
      foreign key (tenant_id, team_id) references team (tenant_id, id)
    );
    create index app_user_team_idx on app_user (tenant_id, team_id);
    alter table team add foreign key (tenant_id, lead_user_id) references app_user (tenant_id, id);

    create table deputy (
      tenant_id uuid not null,
      user_id uuid not null,
      deputy_user_id uuid not null,
      primary key (tenant_id, user_id, deputy_user_id),
      check (user_id <> deputy_user_id),
      foreign key (tenant_id, user_id) references app_user (tenant_id, id) on delete cascade,
      foreign key (tenant_id, deputy_user_id) references app_user (tenant_id, id) on delete cascade
    );
    create index deputy_deputy_idx on deputy (tenant_id, deputy_user_id);

    create table session (
      tenant_id uuid not null,
      token_hash text not null,
      user_id uuid not null,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      primary key (tenant_id, token_hash),
      foreign key (tenant_id, user_id) references app_user (tenant_id, id) on delete cascade
    );
    create index session_user_idx on session (tenant_id, user_id);

    create table login_failure (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      username text not null,
      ip text not null,
      at timestamptz not null default now(),
      primary key (tenant_id, id)
    );
    create index login_failure_user_idx on login_failure (tenant_id, username, at);
    create index login_failure_ip_idx on login_failure (tenant_id, ip, at);

    create table audit_head (
      tenant_id uuid primary key references tenant (id),
      seq bigint not null,
      hash text not null
    );

    create table audit_log (
      tenant_id uuid not null references tenant (id),
      seq bigint not null,
      at timestamptz not null,
      actor_id uuid,
      action text not null,
      entity_type text not null,
      entity_id text,
      details jsonb not null default '{}',
      prev_hash text not null,
      hash text not null,
      primary key (tenant_id, seq)
    );
    create index audit_log_entity_idx on audit_log (tenant_id, entity_type, entity_id);
    create index audit_log_actor_idx on audit_log (tenant_id, actor_id, at);

    -- The audit trail is append-only: the application can never change or remove an entry.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();

    create table population (
      tenant_id uuid not null,
      district_id uuid not null,
      year integer not null check (year between 1990 and 2100),
      age_band text not null check (age_band in ('0-5', '6-9', '10-13', '14-17', '18-20')),
      residents integer not null check (residents >= 0),
      primary key (tenant_id, district_id, year, age_band),
      foreign key (tenant_id, district_id) references district (tenant_id, id)
    );
  `,
  );
}
