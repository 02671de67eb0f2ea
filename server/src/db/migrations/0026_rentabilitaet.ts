import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Steering inputs (docs/controlling-rentabilitaet.md), kept apart from the imported aggregates: which cost
 * categories the Rentabilitätsbetrachtung counts, its extra costs per region and year broken down, a planned cost
 * path for the forecast, and targets per figure, region and year.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table controlling_setting (
      tenant_id uuid not null primary key,
      rentab_categories text[] not null check (
        cardinality(rentab_categories) > 0
        and rentab_categories <@ array['ambulant', 'teilstationaer', 'stationaer', 'sonstige', 'inobhutnahme',
          'gemeinsame_wohnform']::text[]),
      updated_at timestamptz not null default now()
    );

    create table rentab_extra_cost (
      tenant_id uuid not null,
      region text not null,
      year integer not null check (year between 1990 and 2100),
      staff numeric(16, 2) not null check (staff >= 0),
      training numeric(16, 2) not null check (training >= 0),
      other numeric(16, 2) not null check (other >= 0),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, region, year)
    );

    create table rentab_cost_plan (
      tenant_id uuid not null,
      region text not null,
      year integer not null check (year between 1990 and 2100),
      cost numeric(16, 2) not null check (cost >= 0),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, region, year)
    );

    create table controlling_target (
      tenant_id uuid not null,
      figure text not null check (figure in ('costs_total', 'per_jew_total', 'density_per1000',
        'inanspruchnahme_per10000', 'share_beratung', 'ambulant_stationaer_ratio', 'cases_per_vze')),
      region text not null,
      year integer not null check (year between 1990 and 2100),
      target numeric(16, 2) not null check (target >= 0),
      tolerance_pct numeric(5, 2) not null default 5 check (tolerance_pct between 0 and 100),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, figure, region, year)
    );
    create index controlling_target_year_idx on controlling_target (tenant_id, year);
    `,
  );
}
