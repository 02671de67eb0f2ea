import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Staff history (docs/controlling-imports.md): who was in which team, with which full-time equivalent (VZE) and
 * function (Casemanagement or Referatsleitung), from when to when. A trigger on app_user keeps it: every insert or
 * change of team, VZE, roles or active closes the open period the day before and opens a new one today, so a past
 * year's staffing never moves with today's staff. Users present before this migration get a period "since always"
 * (valid_from null), as nothing is known about their past.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    -- Ended measures, and staffing split into Casemanagement and Referatsleitung (VZE and heads).
    alter table aggregate drop constraint aggregate_metric_check;
    alter table aggregate add constraint aggregate_metric_check check (metric in ('costs_ambulant', 'costs_stationaer',
      'costs_sonstige', 'jew_u21', 'jew_u18', 'measures_active', 'cases_beratung', 'cases_kosten', 'cases_neu',
      'extra_costs', 'staff_soll_vze', 'staff_ist_vze', 'sgb2_quote', 'measures_ended', 'staff_soll_cm_vze',
      'staff_soll_rl_vze', 'staff_ist_cm_vze', 'staff_ist_rl_vze', 'staff_soll_cm_heads', 'staff_soll_rl_heads',
      'staff_ist_cm_heads', 'staff_ist_rl_heads'));

    create table staff_period (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      team_id uuid not null,
      function text not null check (function in ('casemanagement', 'referatsleitung')),
      fte numeric(3, 2) not null check (fte >= 0 and fte <= 1),
      valid_from date,
      valid_to date,
      primary key (tenant_id, id),
      check (valid_to is null or valid_from is null or valid_to >= valid_from),
      foreign key (tenant_id, user_id) references app_user (tenant_id, id) on delete cascade,
      foreign key (tenant_id, team_id) references team (tenant_id, id)
    );
    create index staff_period_team_idx on staff_period (tenant_id, team_id, valid_from);
    create unique index staff_period_open_idx on staff_period (tenant_id, user_id) where valid_to is null;

    create function staff_function(roles text[], active boolean, team_id uuid) returns text
      language sql immutable as $$
      select case
        when not active or team_id is null then null
        when 'team_lead' = any(roles) then 'referatsleitung'
        when 'case_manager' = any(roles) then 'casemanagement'
      end
    $$;

    create function record_staff_period() returns trigger language plpgsql as $$
    declare
      next_function text := staff_function(new.roles, new.active, new.team_id);
    begin
      if tg_op = 'UPDATE'
        and staff_function(old.roles, old.active, old.team_id) is not distinct from next_function
        and old.team_id is not distinct from new.team_id and old.fte = new.fte then
        return null;
      end if;
      -- A period begun today is replaced; an older one ends yesterday.
      delete from staff_period where tenant_id = new.tenant_id and user_id = new.id and valid_to is null
        and valid_from = current_date;
      update staff_period set valid_to = current_date - 1
        where tenant_id = new.tenant_id and user_id = new.id and valid_to is null;
      if next_function is not null then
        insert into staff_period (tenant_id, user_id, team_id, function, fte, valid_from)
          values (new.tenant_id, new.id, new.team_id, next_function, new.fte, current_date);
      end if;
      return null;
    end $$;

    create trigger app_user_staff_period after insert or update on app_user
      for each row execute function record_staff_period();

    insert into staff_period (tenant_id, user_id, team_id, function, fte, valid_from)
      select tenant_id, id, team_id, staff_function(roles, active, team_id), fte, null from app_user
      where staff_function(roles, active, team_id) is not null;

    create trigger staff_period_data_version_insert after insert on staff_period
      referencing new table as changed_rows for each statement execute function bump_data_version();
    create trigger staff_period_data_version_update after update on staff_period
      referencing new table as changed_rows for each statement execute function bump_data_version();
    create trigger staff_period_data_version_delete after delete on staff_period
      referencing old table as changed_rows for each statement execute function bump_data_version();
  `,
  );
}
