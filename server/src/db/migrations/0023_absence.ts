import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Deputies for a period (docs/worklist.md, "Whose list"): a case manager's absence names who stands in for her from
 * one day to another; outside that period the deputy has no access through it. A case-access grant may end on a
 * day too (`valid_until`, inclusive; null: until revoked), so that access given for a period ends by itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table absence (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      deputy_user_id uuid not null,
      from_on date not null,
      to_on date not null,
      note text,
      created_by uuid,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      check (user_id <> deputy_user_id),
      check (from_on <= to_on),
      foreign key (tenant_id, user_id) references app_user (tenant_id, id) on delete cascade,
      foreign key (tenant_id, deputy_user_id) references app_user (tenant_id, id) on delete cascade
    );
    create index absence_user_idx on absence (tenant_id, user_id, to_on);
    create index absence_deputy_idx on absence (tenant_id, deputy_user_id, to_on);

    alter table case_access_grant add column valid_until date;
    `,
  );
}
