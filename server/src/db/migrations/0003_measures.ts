import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Measures and money (docs/domain.md, section 3): help types, providers, offers, rates, measures, payments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create table help_type (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      code text not null,
      name text not null,
      paragraph text not null,
      category_rule text not null check (category_rule in ('ambulant', 'teilstationaer', 'stationaer', 'sonstige', 'per_measure', 'underlying')),
      is_hze boolean not null,
      valid_from date not null,
      valid_to date,
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, code, valid_from),
      check (valid_to is null or valid_to >= valid_from)
    );

    create table provider (
      tenant_id uuid not null references tenant (id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      kind text not null check (kind in ('frei', 'oeffentlich', 'privat')),
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, name)
    );

    create table service_offer (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      provider_id uuid not null,
      name text not null,
      help_type_id uuid not null,
      unit text not null check (unit in ('day', 'hour', 'month')),
      primary key (tenant_id, id),
      unique (tenant_id, provider_id, name),
      foreign key (tenant_id, provider_id) references provider (tenant_id, id),
      foreign key (tenant_id, help_type_id) references help_type (tenant_id, id)
    );

    create table rate (
      tenant_id uuid not null,
      offer_id uuid not null,
      valid_from date not null,
      valid_to date,
      amount numeric(12, 2) not null check (amount >= 0),
      primary key (tenant_id, offer_id, valid_from),
      check (valid_to is null or valid_to >= valid_from),
      foreign key (tenant_id, offer_id) references service_offer (tenant_id, id)
    );

    create table finance_setting (
      tenant_id uuid primary key references tenant (id),
      -- Above this estimated monthly amount the team lead must approve a measure.
      approval_threshold numeric(12, 2) not null default 1500.00
    );

    create table measure (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      person_id uuid not null,
      help_type_id uuid not null,
      offer_id uuid,
      individual_amount numeric(12, 2),
      individual_unit text check (individual_unit in ('day', 'hour', 'month')),
      category text not null check (category in ('ambulant', 'teilstationaer', 'stationaer', 'sonstige')),
      underlying_help_type_id uuid,
      begin_on date not null,
      planned_end_on date,
      end_on date,
      end_reason text check (end_reason in ('planmaessig', 'abbruch', 'wechsel', 'zustaendigkeitswechsel')),
      hours_per_week numeric(5, 2),
      help_plan_id uuid,
      reasons text[] not null default '{}',
      status text not null default 'geplant' check (status in ('geplant', 'bewilligt')),
      approved_by uuid,
      approved_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      check ((offer_id is null) <> (individual_amount is null)),
      check ((individual_amount is null) = (individual_unit is null)),
      check (end_on is null or end_on >= begin_on),
      check ((end_on is null) = (end_reason is null)),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id),
      foreign key (tenant_id, person_id) references person (tenant_id, id),
      foreign key (tenant_id, help_type_id) references help_type (tenant_id, id),
      foreign key (tenant_id, offer_id) references service_offer (tenant_id, id),
      foreign key (tenant_id, help_plan_id) references help_plan (tenant_id, id)
    );
    create index measure_case_idx on measure (tenant_id, case_id);
    create index measure_period_idx on measure (tenant_id, begin_on, end_on);
    create index measure_status_idx on measure (tenant_id, status);

    create table payment (
      tenant_id uuid not null,
      measure_id uuid not null,
      month date not null check (extract(day from month) = 1),
      amount numeric(12, 2) not null check (amount >= 0),
      imported_at timestamptz not null default now(),
      primary key (tenant_id, measure_id, month),
      foreign key (tenant_id, measure_id) references measure (tenant_id, id)
    );
  `,
  );
}
