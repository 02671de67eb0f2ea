import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Aktenvermerke (the contact log of a case), in-app notifications and the job table of the durable job runner
 * (docs/architecture.md, "Jobs"; docs/decisions.md, "A job table, not pg-boss").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    -- A note is never deleted. The author may change it for 24 hours (the service checks); after that a correction
    -- is a new note naming the one it corrects, in the same case.
    create table case_note (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      occurred_at timestamptz not null,
      kind text not null check (kind in
        ('hausbesuch', 'gespraech_im_amt', 'telefonat', 'fachgespraech', 'schriftverkehr', 'sonstiges')),
      -- Colleagues who took part, and everybody else as free text (family members, institutions).
      staff_ids uuid[] not null default '{}',
      others text[] not null default '{}',
      text text not null,
      author_id uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz,
      corrects_id uuid,
      -- The record of the case the note belongs to (a § 8a step, a mandate, ...): its entity type and id.
      linked_type text,
      linked_id uuid,
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, case_id, id),
      check ((linked_type is null) = (linked_id is null)),
      check (corrects_id is null or corrects_id <> id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id),
      foreign key (tenant_id, author_id) references app_user (tenant_id, id),
      foreign key (tenant_id, case_id, corrects_id) references case_note (tenant_id, case_id, id)
    );
    create index case_note_chronology_idx on case_note (tenant_id, case_id, occurred_at desc, created_at desc, id desc);
    create index case_note_corrects_idx on case_note (tenant_id, corrects_id) where corrects_id is not null;
    create index case_note_link_idx on case_note (tenant_id, linked_type, linked_id) where linked_id is not null;

    create function case_note_not_deleted() returns trigger language plpgsql as $$
    begin
      raise exception 'case notes are never deleted; write a correction';
    end $$;
    create trigger case_note_no_delete before delete on case_note
      for each row execute function case_note_not_deleted();

    create table notification (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      kind text not null,
      title text not null,
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      -- The same event notifies a user once.
      dedupe_key text,
      primary key (tenant_id, id),
      unique (tenant_id, user_id, dedupe_key),
      foreign key (tenant_id, user_id) references app_user (tenant_id, id)
    );
    create index notification_inbox_idx on notification (tenant_id, user_id, created_at desc, id desc);
    create index notification_unread_idx on notification (tenant_id, user_id) where read_at is null;

    -- Work the server does later or repeatedly. Global (the runner serves every tenant); tenant_id says whose it is.
    -- A job runs in one transaction that holds its row lock: the lock is the lease, so there is no running state.
    create table job (
      id uuid primary key default gen_random_uuid(),
      tenant_id uuid references tenant (id),
      kind text not null,
      run_at timestamptz not null,
      -- Ids only, never personal data.
      payload jsonb not null default '{}',
      state text not null default 'wartend' check (state in ('wartend', 'erledigt', 'fehlgeschlagen')),
      attempts integer not null default 0,
      -- The error's class and code of the last failed attempt, never its message (it may quote data).
      last_error text,
      dedupe_key text,
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      unique (kind, dedupe_key)
    );
    create index job_due_idx on job (run_at) where state = 'wartend';
    `,
  );
}
