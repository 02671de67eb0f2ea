import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Handovers (docs/domain.md, "Closing and reopening a case"). A closed case can be taken up again
 * (Wiederaufnahme): each reopening is kept with its reason and who did it, together with the closing it undid, so
 * the case row can go back to "offen" (its check ties closed_on to the status) while the closing stays history.
 * A change of Fallführung is kept as well, with an optional Übergabenotiz for the colleague who takes over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table case_reopening (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      reopened_on date not null,
      reopened_at timestamptz not null default now(),
      reason text not null,
      reopened_by uuid,
      closed_on date not null,
      closing_reason text,
      closing_outcome text,
      closing_tip text,
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id) on delete cascade
    );
    create index case_reopening_case_idx on case_reopening (tenant_id, case_id, reopened_at);

    create table case_lead_change (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      from_user_id uuid,
      to_user_id uuid not null,
      note text,
      changed_by uuid,
      changed_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id) on delete cascade
    );
    create index case_lead_change_case_idx on case_lead_change (tenant_id, case_id, changed_at);
    `,
  );
}
