import type {
  ControllingSettings,
  CostPlanInput,
  ExtraCostInput,
  RentabSeriesQuery,
} from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../shared/context.ts';
import { tenantName } from './queries/organisation.ts';
import {
  costPlanRows,
  extraCostRows,
  upsertCostPlan,
  upsertExtraCost,
  upsertSettings,
} from './queries/steering.ts';
import { resolveRegion } from './regions.ts';
import { rentabSettings } from './rentabCosts.ts';
import { rentabPdf } from './rentabReport.ts';
import { rentabSeries } from './rentabSeries.ts';

/**
 * What the steering routes call besides the figures. The inputs of the Rentabilitätsbetrachtung the office enters itself (docs/controlling-rentabilitaet.md): which
 * cost categories count, the project's extra costs per year (staff, training, other), and the planned cost path.
 * Regions are stored by their canonical key. Every change is audited; none holds personal data.
 */

export { rentabSettings };

export async function saveSettings(ctx: Ctx, input: ControllingSettings): Promise<ControllingSettings> {
  await upsertSettings(ctx.db, ctx.actor.tenantId, input.rentabCategories);
  await ctx.audit({
    action: 'update',
    entityType: 'controlling_setting',
    details: { rentabCategories: input.rentabCategories },
  });
  return rentabSettings(ctx.db, ctx.actor.tenantId);
}

export async function listExtraCosts(db: Kysely<DB>, tenantId: string, regionKey: string) {
  const region = await resolveRegion(db, tenantId, regionKey);
  return extraCostRows(db, tenantId, region.key);
}

export async function saveExtraCost(ctx: Ctx, input: ExtraCostInput) {
  const region = await resolveRegion(ctx.db, ctx.actor.tenantId, input.region);
  const row = { ...input, region: region.key };
  await upsertExtraCost(ctx.db, ctx.actor.tenantId, row);
  await ctx.audit({ action: 'update', entityType: 'rentab_extra_cost', details: row });
  return (await extraCostRows(ctx.db, ctx.actor.tenantId, region.key)).find((r) => r.year === input.year);
}

export async function listCostPlan(db: Kysely<DB>, tenantId: string, regionKey: string) {
  const region = await resolveRegion(db, tenantId, regionKey);
  return costPlanRows(db, tenantId, region.key);
}

export async function saveCostPlan(ctx: Ctx, input: CostPlanInput) {
  const region = await resolveRegion(ctx.db, ctx.actor.tenantId, input.region);
  const row = { ...input, region: region.key };
  await upsertCostPlan(ctx.db, ctx.actor.tenantId, row);
  await ctx.audit({ action: 'update', entityType: 'rentab_cost_plan', details: row });
  return (await costPlanRows(ctx.db, ctx.actor.tenantId, region.key)).find((r) => r.year === input.year);
}

/** The Rentabilitätsbetrachtung as PDF, audited as an export. */
export async function rentabReportExport(ctx: Ctx, q: RentabSeriesQuery): Promise<Uint8Array> {
  const series = await rentabSeries(ctx.db, ctx.actor.tenantId, q);
  const pdf = await rentabPdf(await tenantName(ctx.db, ctx.actor.tenantId), series);
  await ctx.audit({ action: 'export', entityType: 'rentabilitaet_report', details: { ...q, format: 'pdf' } });
  return pdf;
}
