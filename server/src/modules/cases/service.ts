import { type CaseDetail, type MyCasesQuery, todayIso } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { requireCase } from './access.ts';
import { loadCaseDetail } from './detail.ts';
import { presentCaseSummary } from './presenter.ts';
import { listCases } from './queries.ts';

/** Reading cases. Every read of a case is audited; the list shows only cases the rule lets the actor see. */

export async function myCases(ctx: Ctx, query: MyCasesQuery) {
  const today = todayIso();
  const rows = await listCases(ctx.db, ctx.actor, query, today);
  await ctx.audit({
    action: 'read',
    entityType: 'case_list',
    details: { scope: query.scope, count: rows.length },
  });
  return rows.map((r) => presentCaseSummary(r, today));
}

export async function readCase(ctx: Ctx, caseId: string): Promise<CaseDetail> {
  const loaded = await requireCase(ctx, caseId, 'read');
  const detail = await loadCaseDetail(ctx.db, ctx.actor.tenantId, caseId, loaded.reason, todayIso());
  await ctx.audit({ action: 'read', entityType: 'case', entityId: caseId });
  return detail;
}
