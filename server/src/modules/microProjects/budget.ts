import {
  type AccessShare,
  type BudgetOverview,
  centsToMoney,
  compareMoney,
  formatMoney,
  moneyToCents,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { presentAccessShare, presentBudgetOverview } from './presenter.ts';
import {
  districtBudgets,
  districtSums,
  lockFrame,
  projectBudgets,
  readFrame,
  referralCounts,
  upsertAllocation,
  upsertCommitment,
  upsertFrame,
  yearSums,
} from './queries/budget.ts';
import { existingDistrictIds, projectDistricts } from './queries/projects.ts';
import { requireDistrictManager, requireProject } from './service.ts';

/**
 * The micro-projects' budget (docs/district-work.md): an annual frame, allocated to districts; each project's
 * commitment per year and district. The sum of allocations never exceeds the frame, a district's commitments never
 * exceed its allocation. Every change locks the year's frame row before it checks (lockFrame): two commitments at
 * the same time are checked one after the other, so the second sees the first (docs/decisions.md).
 */

const over = (field: string, message: string) => AppError.validation(field, message);
const minus = (a: string, b: string) => centsToMoney(moneyToCents(a) - moneyToCents(b));

/** Sets the year's frame; never below what is already allocated. */
export async function setFrame(ctx: Ctx, year: number, amount: string) {
  const tenantId = ctx.actor.tenantId;
  await lockFrame(ctx.db, tenantId, year);
  const { allocated } = await yearSums(ctx.db, tenantId, year);
  if (compareMoney(amount, allocated) < 0)
    throw over('amount', `Der Rahmen kann nicht unter die zugeteilten ${formatMoney(allocated)} sinken.`);
  await upsertFrame(ctx.db, tenantId, year, amount);
  await ctx.audit({ action: 'update', entityType: 'micro_budget', details: { year, frame: amount } });
}

/** Allocates part of the frame to a district; the allocations together stay within the frame. */
export async function allocate(ctx: Ctx, year: number, input: { districtId: string; amount: string }) {
  const tenantId = ctx.actor.tenantId;
  const frame = await lockFrame(ctx.db, tenantId, year);
  if (!frame) throw over('year', `Für ${year} ist noch kein Budgetrahmen festgelegt.`);
  if ((await existingDistrictIds(ctx.db, tenantId, [input.districtId])).length !== 1)
    throw over('districtId', 'Bitte einen Stadtteil aus der Liste wählen.');
  const { allocated: others } = await yearSums(ctx.db, tenantId, year, { districtId: input.districtId });
  const free = minus(frame.amount, others);
  if (compareMoney(input.amount, free) > 0)
    throw over('amount', `Die Zuteilung übersteigt den Jahresrahmen; frei sind noch ${formatMoney(free)}.`);
  const { committed } = await districtSums(ctx.db, tenantId, year, input.districtId, null);
  if (compareMoney(input.amount, committed) < 0)
    throw over('amount', `Im Stadtteil sind bereits ${formatMoney(committed)} zugesagt.`);
  await upsertAllocation(ctx.db, tenantId, { year, ...input });
  await ctx.audit({
    action: 'update',
    entityType: 'micro_budget',
    details: { year, districtId: input.districtId, allocation: input.amount },
  });
}

/**
 * Commits (or changes) a project's budget for a year in one of its districts, with what is spent of it. Refused,
 * naming the field `committed`, when it would exceed the district's allocation or the year's frame.
 */
export async function commit(
  ctx: Ctx,
  projectId: string,
  input: { year: number; districtId: string; committed: string; spent: string },
) {
  const tenantId = ctx.actor.tenantId;
  await requireProject(ctx, projectId);
  const districts = (await projectDistricts(ctx.db, tenantId, [projectId])).map((d) => d.id);
  if (!districts.includes(input.districtId))
    throw over('districtId', 'Der Stadtteil gehört nicht zum Projekt.');
  await requireDistrictManager(ctx, projectId, [input.districtId], 'every');
  // The lock: every commitment and allocation of this year waits here for the one before it.
  const frame = await lockFrame(ctx.db, tenantId, input.year);
  if (!frame) throw over('year', `Für ${input.year} ist noch kein Budgetrahmen festgelegt.`);
  const district = await districtSums(ctx.db, tenantId, input.year, input.districtId, projectId);
  if (district.allocated === null)
    throw over('districtId', `Dem Stadtteil ist für ${input.year} kein Budget zugeteilt.`);
  const freeInDistrict = minus(district.allocated, district.committed);
  if (compareMoney(input.committed, freeInDistrict) > 0)
    throw over(
      'committed',
      `Die Zusage übersteigt das Budget des Stadtteils; frei sind noch ${formatMoney(freeInDistrict)}.`,
    );
  const year = await yearSums(ctx.db, tenantId, input.year, { projectId });
  const freeInFrame = minus(frame.amount, year.committed);
  if (compareMoney(input.committed, freeInFrame) > 0)
    throw over(
      'committed',
      `Die Zusage übersteigt den Jahresrahmen; frei sind noch ${formatMoney(freeInFrame)}.`,
    );
  await upsertCommitment(ctx.db, tenantId, { projectId, ...input });
  await ctx.audit({
    action: 'update',
    entityType: 'micro_project',
    entityId: projectId,
    details: {
      year: input.year,
      districtId: input.districtId,
      committed: input.committed,
      spent: input.spent,
    },
  });
}

/** Frame, allocations, committed and spent per district and project in a year. */
export async function budgetOverview(ctx: Ctx, year: number): Promise<BudgetOverview> {
  const tenantId = ctx.actor.tenantId;
  const [frame, districts, projects] = await Promise.all([
    readFrame(ctx.db, tenantId, year),
    districtBudgets(ctx.db, tenantId, year),
    projectBudgets(ctx.db, tenantId, year),
  ]);
  return presentBudgetOverview(year, frame?.amount ?? null, districts, projects);
}

/** Controlling: per district and year, how many referrals came through case management. */
export async function accessShare(ctx: Ctx): Promise<AccessShare> {
  return presentAccessShare(await referralCounts(ctx.db, ctx.actor.tenantId));
}
