import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * The Stadtteilatlas (docs/atlas.md): institutions and offers per district, the staff who know them, and a real
 * reference from a case's Ressourcenkarte to an entry. Before this, `resource.directory_entry_id` accepted any id
 * and pointed at nothing: such ids are cleared, then the foreign key holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table atlas_entry (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      name text not null,
      kind text not null check (kind in ('kita', 'schule', 'beratung', 'jugend', 'familie', 'gesundheit', 'verein', 'sonstiges')),
      district_id uuid not null,
      address text not null,
      lon double precision,
      lat double precision,
      age_cohorts jsonb not null default '[]',
      contact text not null default '',
      opening_hours text not null default '',
      low_threshold boolean not null default false,
      languages jsonb not null default '[]',
      description text not null default '',
      last_checked_on date not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      check ((lon is null) = (lat is null)),
      primary key (tenant_id, id),
      foreign key (tenant_id, district_id) references district (tenant_id, id)
    );
    create index atlas_entry_name_idx on atlas_entry (tenant_id, name, id);
    create index atlas_entry_district_idx on atlas_entry (tenant_id, district_id);

    create table atlas_entry_staff (
      tenant_id uuid not null,
      entry_id uuid not null,
      user_id uuid not null,
      primary key (tenant_id, entry_id, user_id),
      foreign key (tenant_id, entry_id) references atlas_entry (tenant_id, id) on delete cascade,
      foreign key (tenant_id, user_id) references app_user (tenant_id, id)
    );

    update resource set directory_entry_id = null where directory_entry_id is not null;
    alter table resource add constraint resource_atlas_entry_fk
      foreign key (tenant_id, directory_entry_id) references atlas_entry (tenant_id, id);
    create index resource_atlas_entry_idx on resource (tenant_id, directory_entry_id)
      where directory_entry_id is not null;
    `,
  );
}
