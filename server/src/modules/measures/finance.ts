import type { MonthlyCost } from '@leuchtturm/shared';
import { monthBounds } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { loadCostInputs } from './costInputs.ts';
import { exactCost } from './costRule.ts';
import { presentMonthlyCost } from './presenter.ts';
import { listCostLabels, upsertApprovalThreshold } from './queries/finance.ts';
import { findApprovalThreshold } from './queries/measures.ts';

/** Wirtschaftliche Jugendhilfe: monthly costs and the approval threshold (payments.ts imports payments). */

/** The cost of every approved measure in a month (by measure and case), from the one cost rule. */
export async function monthlyCosts(ctx: Ctx, month: string): Promise<MonthlyCost> {
  const { from, to } = monthBounds(month);
  const inputs = await loadCostInputs(ctx.db, ctx.actor.tenantId, { from, to, approvedOnly: true });
  const labels = await listCostLabels(
    ctx.db,
    ctx.actor.tenantId,
    inputs.map((i) => i.id),
  );
  const costs = inputs.map((row) => ({ row, cents: exactCost(row.measure, from, to).toCents() }));
  const result = presentMonthlyCost(month, costs, labels);
  await ctx.audit({
    action: 'read',
    entityType: 'monthly_costs',
    details: { month, measures: result.rows.length },
  });
  return result;
}

export async function financeSettings(ctx: Ctx): Promise<{ approvalThreshold: string }> {
  return { approvalThreshold: await findApprovalThreshold(ctx.db, ctx.actor.tenantId) };
}

/** The monthly amount above which the team lead approves a measure (compared with costRule's firstFullMonthCost). */
export async function setApprovalThreshold(ctx: Ctx, approvalThreshold: string): Promise<void> {
  await upsertApprovalThreshold(ctx.db, ctx.actor.tenantId, approvalThreshold);
  await ctx.audit({ action: 'update', entityType: 'finance_setting', details: { approvalThreshold } });
}
