import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Wirtschaftliche Jugendhilfe: what the monthly costs list, the threshold setting and the payments import use. */

/** Case number, help type and provider of the given measures (for the monthly costs list). */
export function listCostLabels(db: Kysely<DB>, tenantId: string, measureIds: readonly string[]) {
  if (measureIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measure as m')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
    )
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .leftJoin('service_offer as o', (j) =>
      j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.offer_id'),
    )
    .leftJoin('provider as p', (j) =>
      j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.provider_id'),
    )
    .select(['m.id', 'c.case_number', 'h.name as help_type', 'p.name as provider'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.id', 'in', measureIds)
    .execute();
}
export type CostLabelRow = Awaited<ReturnType<typeof listCostLabels>>[number];

export async function upsertApprovalThreshold(
  db: Kysely<DB>,
  tenantId: string,
  amount: string,
): Promise<void> {
  await db
    .insertInto('finance_setting')
    .values({ tenant_id: tenantId, approval_threshold: amount })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ approval_threshold: amount }))
    .execute();
}

/** Status and running time of the given measures (what a payment line is checked against). */
export function listPaymentTargets(db: Kysely<DB>, tenantId: string, measureIds: readonly string[]) {
  if (measureIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('measure')
    .select(['id', 'status', 'begin_on', 'end_on'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', measureIds)
    .execute();
}

/** Records a month's payment of a measure; a second import of the same month replaces the amount. */
export async function upsertPayment(
  db: Kysely<DB>,
  tenantId: string,
  payment: { measureId: string; month: string; amount: string },
): Promise<void> {
  await db
    .insertInto('payment')
    .values({
      tenant_id: tenantId,
      measure_id: payment.measureId,
      month: `${payment.month}-01`,
      amount: payment.amount,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'measure_id', 'month'])
        .doUpdateSet({ amount: payment.amount, imported_at: new Date() }),
    )
    .execute();
}
