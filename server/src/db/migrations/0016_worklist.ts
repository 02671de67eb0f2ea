import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * The work list and the escalation of child-protection deadlines (docs/worklist.md): one row per deadline that
 * passed and was escalated, so that each is escalated once, also across restarts and several runners; an index for
 * the cases granted to a user (the work list's "mine").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table deadline_escalation (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      -- The deadline: the assessment of a § 8a check, or an open step of a child-protection process.
      source_type text not null check (source_type in ('child_protection_check', 'process_step')),
      source_id uuid not null,
      due_at timestamptz not null,
      escalated_at timestamptz not null,
      -- Who was told (the case's team lead and the lead case manager, as far as the case-access rule admits them).
      notified_user_ids uuid[] not null default '{}',
      primary key (tenant_id, id),
      -- A deadline is escalated once; a new deadline of the same record (another urgency) is a new one.
      unique (tenant_id, source_type, source_id, due_at),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id)
    );
    create index deadline_escalation_case_idx on deadline_escalation (tenant_id, case_id);

    create index case_access_grant_user_idx on case_access_grant (tenant_id, user_id);
    `,
  );
}
