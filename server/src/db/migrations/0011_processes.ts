import { type Kysely, sql } from 'kysely';
import { shippedDefinitions } from '../../modules/processes/shipped.ts';
import { executeScript } from '../script.ts';

/**
 * Core processes as data (docs/processes.md): versioned definitions, the instances a case runs, and their steps.
 * Definitions never change (a change is a new version); the tenants that exist now get the shipped version 1 of
 * each (shipped.test.ts pins their content, so this migration inserts the same whenever it runs).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table process_definition (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      key text not null,
      version integer not null check (version >= 1),
      name text not null,
      -- The ordered steps, checked by the shared zod schema (processStepsSchema) before every insert.
      steps jsonb not null check (jsonb_typeof(steps) = 'array'),
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, key, version),
      foreign key (tenant_id, created_by) references app_user (tenant_id, id)
    );

    create function process_definition_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'process_definition versions are immutable: add a new version';
    end $$;
    create trigger process_definition_no_update before update or delete on process_definition
      for each row execute function process_definition_immutable();

    create table process_instance (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      definition_id uuid not null,
      status text not null default 'running' check (status in ('running', 'done', 'cancelled')),
      urgency text check (urgency in ('sofort', 'innerhalb_24h', 'innerhalb_72h', 'regulaer')),
      -- The record an instance is about, when a case runs several of a kind (a child-protection check per report).
      subject_type text,
      subject_id uuid,
      started_at timestamptz not null,
      started_by uuid,
      ended_at timestamptz,
      cancel_reason text,
      version integer not null default 1,
      primary key (tenant_id, id),
      check ((status = 'running') = (ended_at is null)),
      check ((status = 'cancelled') = (cancel_reason is not null)),
      check ((subject_type is null) = (subject_id is null)),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id),
      foreign key (tenant_id, definition_id) references process_definition (tenant_id, id),
      foreign key (tenant_id, started_by) references app_user (tenant_id, id)
    );
    create index process_instance_case_idx on process_instance (tenant_id, case_id, status);
    create index process_instance_definition_idx on process_instance (tenant_id, definition_id);
    create index process_instance_subject_idx on process_instance (tenant_id, subject_id) where subject_id is not null;

    -- An open step always belongs to a running instance: ending or cancelling an instance closes its open steps.
    create table process_step (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      instance_id uuid not null,
      -- The instance's case, repeated so that the work list finds due steps by case without the instance.
      case_id uuid not null,
      step_key text not null,
      -- The step's index in the definition's steps.
      position integer not null check (position >= 0),
      -- 1, or the n-th time of a repeating step (the six-monthly review).
      occurrence integer not null default 1 check (occurrence >= 1),
      state text not null default 'offen' check (state in ('offen', 'erledigt', 'uebersprungen')),
      skip_reason text,
      due_at timestamptz,
      done_at timestamptz,
      done_by uuid,
      completed_by_type text,
      completed_by_id uuid,
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, instance_id, step_key, occurrence),
      check ((state = 'offen') = (done_at is null)),
      check ((state = 'uebersprungen') = (skip_reason is not null)),
      check ((completed_by_type is null) = (completed_by_id is null)),
      check (completed_by_type is null or state = 'erledigt'),
      foreign key (tenant_id, instance_id) references process_instance (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id),
      foreign key (tenant_id, done_by) references app_user (tenant_id, id)
    );
    create index process_step_instance_idx on process_step (tenant_id, instance_id, position, occurrence);
    -- Nobody ticks a box twice: a record completes at most one step of an instance.
    create unique index process_step_record_idx on process_step (tenant_id, instance_id, completed_by_type, completed_by_id)
      where completed_by_id is not null;
    -- The work list: open steps by due date, per case (join case_file for the lead) and across the tenant.
    create index process_step_open_case_idx on process_step (tenant_id, case_id, due_at) where state = 'offen';
    create index process_step_open_due_idx on process_step (tenant_id, due_at) where state = 'offen';
  `,
  );

  const tenants = await sql<{ id: string }>`select id from tenant`.execute(db);
  for (const tenant of tenants.rows) {
    for (const d of shippedDefinitions.filter((s) => s.version === 1)) {
      await sql`insert into process_definition (tenant_id, key, version, name, steps)
        values (${tenant.id}, ${d.key}, ${d.version}, ${d.name}, ${JSON.stringify(d.steps)}::jsonb)`.execute(
        db,
      );
    }
  }
}
