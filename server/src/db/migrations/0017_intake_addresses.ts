import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Intake addresses (docs/intake.md): a household either lives at an address of the street directory or has no
 * fixed address (wohnungslos, unbekannt verzogen); a case whose address no team is responsible for (or that has no
 * address) waits without a team on the team leads' allocation list (Zuteilung) until one of them takes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    alter table household add column address_kind text not null default 'fest'
      check (address_kind in ('fest', 'wohnungslos', 'unbekannt_verzogen'));
    alter table household alter column street_name drop not null;
    alter table household alter column house_number drop not null;
    alter table household add constraint household_address_check
      check ((address_kind = 'fest') = (street_name is not null and house_number is not null));

    alter table case_file alter column team_id drop not null;
    create index case_unallocated_idx on case_file (tenant_id, opened_on) where team_id is null;
    `,
  );
}
