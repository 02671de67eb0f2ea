import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/** A social indicator per region and year (share of children in SGB II households, in %), for the staff reference. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    alter table aggregate drop constraint aggregate_metric_check;
    alter table aggregate add constraint aggregate_metric_check check (metric in ('costs_ambulant', 'costs_stationaer',
      'costs_sonstige', 'jew_u21', 'jew_u18', 'measures_active', 'cases_beratung', 'cases_kosten', 'cases_neu',
      'extra_costs', 'staff_soll_vze', 'staff_ist_vze', 'sgb2_quote'));
  `,
  );
}
