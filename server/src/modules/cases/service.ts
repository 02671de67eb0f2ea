import { type CaseDetail, type MyCasesQuery, todayIso } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { timelineNotes } from '../caseNotes/queries.ts';
import { requireCase } from './access.ts';
import { presentCaseDetail } from './detailPresenter.ts';
import { presentCaseSummary } from './presenter.ts';
import { loadCaseRecords } from './queries/detail.ts';
import { caseSummary, listCases } from './queries/list.ts';

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
  const today = todayIso();
  const [records, summary, notes] = await Promise.all([
    loadCaseRecords(ctx.db, ctx.actor.tenantId, caseId),
    caseSummary(ctx.db, ctx.actor.tenantId, caseId, today),
    timelineNotes(ctx.db, ctx.actor.tenantId, caseId),
  ]);
  if (!summary) throw AppError.notFound('Der Fall');
  const detail = presentCaseDetail(records, summary, loaded.reason, today, notes);
  await ctx.audit({ action: 'read', entityType: 'case', entityId: caseId });
  return detail;
}
