import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Retention and deletion (docs/retention.md). The rules per retention class are a setting of the tenant (absent:
 * the defaults of packages/shared/src/retention.ts). A case file's state on its way to erasure is one row: a
 * proposal by a case worker, the confirmation by the team lead (which erases), or a restriction (Sperrung).
 *
 * Erasure anonymises the file in place, so every count and sum of past years stays as it was. Two tables refuse
 * changes to keep history honest (help plans are immutable, notes are never deleted); erasure is the one exception,
 * marked by a transaction-local setting that only the erasure sets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table retention_setting (
      tenant_id uuid not null references tenant (id),
      rules jsonb not null,
      version integer not null default 1,
      primary key (tenant_id)
    );

    create table case_retention (
      tenant_id uuid not null,
      case_id uuid not null,
      state text not null check (state in ('vorgeschlagen', 'gesperrt', 'geloescht')),
      proposed_by uuid,
      proposed_at timestamptz,
      proposal_reason text,
      confirmed_by uuid,
      erased_at timestamptz,
      restricted_by uuid,
      restricted_at timestamptz,
      restriction_reason text,
      version integer not null default 1,
      primary key (tenant_id, case_id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id),
      check ((state = 'geloescht') = (erased_at is not null)),
      check (state <> 'gesperrt' or restriction_reason is not null)
    );

    create or replace function help_plan_immutable() returns trigger language plpgsql as $$
    begin
      if current_setting('leuchtturm.erasure', true) = 'on' then
        return new;
      end if;
      raise exception 'help_plan versions are immutable';
    end $$;

    create or replace function case_note_not_deleted() returns trigger language plpgsql as $$
    begin
      if current_setting('leuchtturm.erasure', true) = 'on' then
        return old;
      end if;
      raise exception 'case notes are never deleted; write a correction';
    end $$;
    `,
  );
}
