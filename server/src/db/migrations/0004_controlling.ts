import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Imported aggregates (years before the system, other cities, staffing, extra project costs). A region that is not
 * part of the organisation is an external region, named as imported.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table aggregate (
      tenant_id uuid not null references tenant (id),
      region text not null,
      period text not null,
      metric text not null check (metric in ('costs_ambulant', 'costs_stationaer', 'costs_sonstige', 'jew_u21', 'jew_u18',
        'measures_active', 'cases_beratung', 'cases_kosten', 'cases_neu', 'extra_costs', 'staff_soll_vze', 'staff_ist_vze')),
      value numeric(16, 2) not null,
      imported_at timestamptz not null default now(),
      primary key (tenant_id, region, period, metric)
    );
  `,
  );
}
