import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * A per-tenant counter of changes to the records the key figures are computed from (controlling's cache key).
 * Statement-level triggers bump it in the changing transaction, once per statement and tenant however many rows
 * the statement touches (transition tables name the tenants); reads never touch it.
 */
const figureTables = [
  'case_file',
  'measure',
  'help_type',
  'service_offer',
  'rate',
  'payment',
  'aggregate',
  'population',
  'app_user',
  'social_centre',
  'district',
  'team',
  'street',
  'responsibility',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const triggers = figureTables.flatMap((table) =>
    (
      [
        ['insert', 'new'],
        ['update', 'new'],
        ['delete', 'old'],
      ] as const
    ).map(
      ([event, side]) =>
        `create trigger ${table}_data_version_${event} after ${event} on ${table}
          referencing ${side} table as changed_rows for each statement execute function bump_data_version();`,
    ),
  );
  await executeScript(
    db,
    `
    create table data_version (
      tenant_id uuid primary key references tenant (id),
      version bigint not null
    );

    create function bump_data_version() returns trigger language plpgsql as $$
    begin
      -- One lock order, whatever a transaction writes or audits first: the tenant's audit head (which the audit
      -- entry of the change takes anyway), then its data version. Two writers of a tenant cannot deadlock on them.
      perform 1 from audit_head where tenant_id in (select tenant_id from changed_rows) order by tenant_id
        for update;
      insert into data_version (tenant_id, version)
        select distinct tenant_id, 1 from changed_rows order by tenant_id
      on conflict (tenant_id) do update set version = data_version.version + 1;
      return null;
    end $$;

    ${triggers.join('\n')}
  `,
  );
}
