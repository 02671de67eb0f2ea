import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * The case search reads a household's members as two texts kept on the household (docs/decisions.md, "The search
 * reads the members' names from the household"): every member's first and last name in lower case, and the same
 * names folded (`search_fold`, the SQL twin of foldForSearch in cases/search.ts; a test holds the two alike), joined
 * by spaces. Statement-level triggers keep them current in the transaction that adds or removes a member or changes
 * a person's name (also the erasure's anonymising update), once per statement however many rows it touches (the demo generator inserts thousands at once).
 *
 * Before, a search read every case's members by their keys (0.03 ms a case: 100 ms for a team lead's 1,700 cases at
 * city scale); now it reads one row per case.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create function search_fold(t text) returns text language sql immutable parallel safe as $$
      select replace(replace(replace(replace(lower(translate(t,
        'ÄÖÜäöüÀÁÂÃÅÇÈÉÊËÌÍÎÏÑÒÓÔÕØÙÚÛÝàáâãåçèéêëìíîïñòóôõøùúûýÿŞşĞğİıŁłŚśŻżŹźĆćŃńČčŠšŽžŘřĚě',
        'AOUaouAAAAACEEEEIIIINOOOOOUUUYaaaaaceeeeiiiinooooouuuyySsGgIiLlSsZzZzCcNnCcSsZzRrEe')),
        'ae', 'a'), 'oe', 'o'), 'ue', 'u'), 'ß', 'ss')
    $$;

    alter table household
      add column member_names text not null default '',
      add column member_names_folded text not null default '';

    create function household_search_refresh(tenants uuid[], households uuid[]) returns void language sql as $$
      update household h set
        member_names = coalesce(m.names, ''),
        member_names_folded = coalesce(m.folded, '')
      from (
        select x.tenant_id, x.household_id,
          string_agg(lower(p.first_name) || ' ' || lower(p.last_name), ' ' order by p.id) as names,
          string_agg(search_fold(p.first_name) || ' ' || search_fold(p.last_name), ' ' order by p.id) as folded
        from (select distinct t.tenant_id, t.household_id from unnest(tenants, households) as t (tenant_id, household_id)) x
        left join household_member hm on hm.tenant_id = x.tenant_id and hm.household_id = x.household_id
        left join person p on p.tenant_id = hm.tenant_id and p.id = hm.person_id
        group by x.tenant_id, x.household_id
      ) m
      where h.tenant_id = m.tenant_id and h.id = m.household_id
    $$;

    create function household_member_search_added() returns trigger language plpgsql as $$
    begin
      perform household_search_refresh(array_agg(tenant_id), array_agg(household_id)) from new_rows;
      return null;
    end $$;

    create function household_member_search_removed() returns trigger language plpgsql as $$
    begin
      perform household_search_refresh(array_agg(tenant_id), array_agg(household_id)) from old_rows;
      return null;
    end $$;

    create function household_member_search_moved() returns trigger language plpgsql as $$
    begin
      perform household_search_refresh(array_agg(tenant_id), array_agg(household_id))
        from (select tenant_id, household_id from old_rows union select tenant_id, household_id from new_rows) r;
      return null;
    end $$;

    create function person_search_changed() returns trigger language plpgsql as $$
    begin
      perform household_search_refresh(array_agg(hm.tenant_id), array_agg(hm.household_id))
        from new_rows n
        join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
        join household_member hm on hm.tenant_id = n.tenant_id and hm.person_id = n.id
        where (n.first_name, n.last_name) is distinct from (o.first_name, o.last_name);
      return null;
    end $$;

    create trigger household_member_search_insert after insert on household_member
      referencing new table as new_rows for each statement execute function household_member_search_added();
    create trigger household_member_search_delete after delete on household_member
      referencing old table as old_rows for each statement execute function household_member_search_removed();
    create trigger household_member_search_update after update on household_member
      referencing old table as old_rows new table as new_rows for each statement
      execute function household_member_search_moved();
    create trigger person_search_update after update on person
      referencing old table as old_rows new table as new_rows for each statement
      execute function person_search_changed();

    select household_search_refresh(array_agg(tenant_id), array_agg(id)) from household;
    `,
  );
}
