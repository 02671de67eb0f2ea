import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * § 65 SGB VIII anvertraute Daten (docs/data-protection.md). A note, document or Kurzberatung of a case can be marked as confided
 * to one member of staff (`confided_to`) by its author (`confided_by`). Only that person, and those she shares it
 * with (`confided_share`, revocable: `revoked_at`), see its content; everyone else sees a placeholder. The content
 * leaves the office (PDF, export, handover, Auskunft) only when a consent or a legal exception is recorded for it
 * (`release_basis`). One mark per item: the loaders join it by (tenant, item type, item id).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table confided_mark (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      item_type text not null check (item_type in ('case_note', 'case_document', 'risk_consultation')),
      item_id uuid not null,
      confided_by uuid not null,
      confided_to uuid not null,
      marked_at timestamptz not null default now(),
      release_basis text check (release_basis in ('einwilligung', 'gesetzliche_befugnis')),
      release_note text,
      released_by uuid,
      released_at timestamptz,
      primary key (tenant_id, id),
      unique (tenant_id, item_type, item_id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id) on delete cascade,
      foreign key (tenant_id, confided_by) references app_user (tenant_id, id),
      foreign key (tenant_id, confided_to) references app_user (tenant_id, id)
    );
    create index confided_mark_case_idx on confided_mark (tenant_id, case_id);

    create table confided_share (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      mark_id uuid not null,
      user_id uuid not null,
      shared_by uuid not null,
      shared_at timestamptz not null default now(),
      revoked_by uuid,
      revoked_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, mark_id) references confided_mark (tenant_id, id) on delete cascade,
      foreign key (tenant_id, user_id) references app_user (tenant_id, id)
    );
    create index confided_share_mark_idx on confided_share (tenant_id, mark_id, user_id);
    `,
  );
}
