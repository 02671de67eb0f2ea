import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Handovers beyond the team (docs/handovers.md): a case moved to another team when the family moves
 * (case_team_change), a case handed to another Jugendamt under § 86c SGB VIII (case_transfer, one per closing), and
 * every transmission of the file to an institution with the consent or legal basis it rests on (case_transmission).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table case_team_change (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      from_team_id uuid,
      to_team_id uuid not null,
      from_lead_user_id uuid,
      address_changed boolean not null,
      reason text not null,
      grant_user_id uuid,
      grant_valid_until date,
      moved_by uuid,
      moved_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id) on delete cascade,
      foreign key (tenant_id, to_team_id) references team (tenant_id, id)
    );
    create index case_team_change_case_idx on case_team_change (tenant_id, case_id, moved_at);

    create table case_transfer (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      receiving_office text not null,
      transferred_on date not null,
      reason text not null,
      transferred_by uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id) on delete cascade
    );
    create index case_transfer_case_idx on case_transfer (tenant_id, case_id, created_at);

    create table case_transmission (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      document_kind text not null,
      recipient_kind text not null,
      recipient text not null,
      consent_id uuid,
      legal_basis text,
      transmitted_by uuid,
      transmitted_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id) on delete cascade,
      check ((consent_id is null) <> (legal_basis is null))
    );
    create index case_transmission_case_idx on case_transmission (tenant_id, case_id, transmitted_at);
    `,
  );
}
