import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Steering inputs (migration 0026): settings, extra costs, planned cost path and targets. */

export async function findSettings(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('controlling_setting')
    .select('rentab_categories')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
}

export async function upsertSettings(db: Kysely<DB>, tenantId: string, categories: string[]) {
  await db
    .insertInto('controlling_setting')
    .values({ tenant_id: tenantId, rentab_categories: categories })
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({ rentab_categories: categories, updated_at: new Date() }),
    )
    .execute();
}

export function extraCostRows(db: Kysely<DB>, tenantId: string, region: string) {
  return db
    .selectFrom('rentab_extra_cost')
    .select(['region', 'year', 'staff', 'training', 'other'])
    .where('tenant_id', '=', tenantId)
    .where('region', '=', region)
    .orderBy('year')
    .execute();
}

export async function upsertExtraCost(
  db: Kysely<DB>,
  tenantId: string,
  row: { region: string; year: number; staff: string; training: string; other: string },
) {
  const { staff, training, other } = row;
  await db
    .insertInto('rentab_extra_cost')
    .values({ tenant_id: tenantId, ...row })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'region', 'year'])
        .doUpdateSet({ staff, training, other, updated_at: new Date() }),
    )
    .execute();
}

export function costPlanRows(db: Kysely<DB>, tenantId: string, region: string) {
  return db
    .selectFrom('rentab_cost_plan')
    .select(['region', 'year', 'cost'])
    .where('tenant_id', '=', tenantId)
    .where('region', '=', region)
    .orderBy('year')
    .execute();
}

export async function upsertCostPlan(
  db: Kysely<DB>,
  tenantId: string,
  row: { region: string; year: number; cost: string },
) {
  await db
    .insertInto('rentab_cost_plan')
    .values({ tenant_id: tenantId, ...row })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'region', 'year']).doUpdateSet({ cost: row.cost, updated_at: new Date() }),
    )
    .execute();
}

/** Help type id → code, to tell Inobhutnahme (§ 42) and § 19 from the measure categories. */
export function helpTypeCodes(db: Kysely<DB>, tenantId: string) {
  return db.selectFrom('help_type').select(['id', 'code']).where('tenant_id', '=', tenantId).execute();
}

export function targetRows(db: Kysely<DB>, tenantId: string, filter: { year?: number; region?: string }) {
  let q = db
    .selectFrom('controlling_target')
    .select(['figure', 'region', 'year', 'target', 'tolerance_pct'])
    .where('tenant_id', '=', tenantId);
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.region !== undefined) q = q.where('region', '=', filter.region);
  return q.orderBy('year').orderBy('region').orderBy('figure').execute();
}

export async function upsertTarget(
  db: Kysely<DB>,
  tenantId: string,
  row: { figure: string; region: string; year: number; target: string; tolerance_pct: number },
) {
  await db
    .insertInto('controlling_target')
    .values({ tenant_id: tenantId, ...row })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'figure', 'region', 'year'])
        .doUpdateSet({ target: row.target, tolerance_pct: row.tolerance_pct, updated_at: new Date() }),
    )
    .execute();
}

export async function deleteTarget(
  db: Kysely<DB>,
  tenantId: string,
  key: { figure: string; region: string; year: number },
) {
  const result = await db
    .deleteFrom('controlling_target')
    .where('tenant_id', '=', tenantId)
    .where('figure', '=', key.figure)
    .where('region', '=', key.region)
    .where('year', '=', key.year)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
