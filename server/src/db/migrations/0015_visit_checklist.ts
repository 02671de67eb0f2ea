import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * The Einschätzungshilfe of a § 8a check's visit (docs/child-protection.md): one row per area of the child's
 * everyday life, judged unauffällig, auffällig or nicht beurteilbar, with a note. A new record of the visit replaces
 * the rows of the previous one (the check's version guards it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table visit_checklist_entry (
      tenant_id uuid not null,
      check_id uuid not null,
      area text not null check (area in ('wohnsituation', 'versorgung', 'aufsicht', 'gesundheit', 'entwicklung')),
      rating text not null check (rating in ('unauffaellig', 'auffaellig', 'nicht_beurteilbar')),
      note text,
      recorded_by uuid,
      recorded_at timestamptz not null default now(),
      primary key (tenant_id, check_id, area),
      foreign key (tenant_id, check_id) references child_protection_check (tenant_id, id),
      foreign key (tenant_id, recorded_by) references app_user (tenant_id, id),
      check (rating <> 'auffaellig' or (note is not null and btrim(note) <> ''))
    );
    `,
  );
}
