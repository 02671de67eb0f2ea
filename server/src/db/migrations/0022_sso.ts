import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Single sign-on by OpenID Connect (docs/security.md, "Single sign-on"): a tenant's identity provider, which of its
 * groups give which role and team, the short-lived state of a sign-in under way, and the issuer of an account's
 * external subject (an account is matched by issuer and subject, never by a name or e-mail address).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table sso_setting (
      tenant_id uuid not null references tenant (id),
      enabled boolean not null default false,
      issuer text not null,
      client_id text not null,
      -- The name of the environment variable holding the client secret, never the secret itself; null: a public
      -- client (PKCE alone).
      client_secret_env text,
      scopes text not null default 'openid profile email',
      group_claim text not null default 'groups',
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      primary key (tenant_id)
    );

    create table sso_group_mapping (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      group_name text not null,
      role text not null,
      team_id uuid,
      primary key (tenant_id, id),
      unique (tenant_id, group_name, role),
      foreign key (tenant_id, team_id) references team (tenant_id, id)
    );

    -- A sign-in under way: state (only its SHA-256), nonce and PKCE verifier stay on the server for ten minutes.
    create table sso_login (
      tenant_id uuid not null references tenant (id),
      state_hash text not null,
      nonce text not null,
      code_verifier text not null,
      expires_at timestamptz not null,
      primary key (tenant_id, state_hash)
    );

    alter table app_user add column external_issuer text;
    alter table app_user drop constraint app_user_tenant_id_external_subject_key;
    alter table app_user add constraint app_user_external_identity_key
      unique (tenant_id, external_issuer, external_subject);

    -- The issuer a session was signed in through, and its ID token for the provider's sign-out (id_token_hint).
    alter table session add column sso_issuer text;
    alter table session add column sso_id_token text;
    `,
  );
}
