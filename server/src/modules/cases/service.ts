import {
  type CaseDetail,
  type CaseSummary,
  type ContentUse,
  dateSchema,
  type MyCasesQuery,
  type Page,
  type PageQuery,
  todayIso,
  z,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { viewerOf } from '../confided/queries/visibility.ts';
import { requireCase } from './access.ts';
import { presentCaseMarks } from './caseMarks.ts';
import { presentCaseDetail } from './detailPresenter.ts';
import { presentCaseSummary } from './presenter.ts';
import { loadCaseRecords } from './queries/detail.ts';
import { listCases } from './queries/list.ts';

/** Reading cases. Every read of a case is audited; the list shows only cases the rule lets the actor see. */

/** The key each sort order of "Meine Fälle" pages by: due date (none: null), opening date, family name. */
const sortKeys = {
  faellig: dateSchema.nullable(),
  eingang: dateSchema,
  name: z.string().max(500),
} satisfies Record<MyCasesQuery['sort'], z.ZodType<string | null>>;

/** A cursor names its sort order, so that one of another order is refused rather than misread. */
const cursorOf = (sort: MyCasesQuery['sort']) =>
  z.object({ sort: z.literal(sort), key: sortKeys[sort], caseNumber: z.string().max(100) });

export async function myCases(ctx: Ctx, query: MyCasesQuery & PageQuery): Promise<Page<CaseSummary>> {
  const today = todayIso();
  const after = decodeCursor(query.cursor, cursorOf(query.sort));
  const rows = await listCases(ctx.db, ctx.actor, query, today, { after, limit: query.limit });
  const page = toPage(
    rows,
    query.limit,
    (r) => ({
      sort: query.sort,
      key: query.sort === 'faellig' ? r.due_on : query.sort === 'eingang' ? r.opened_on : r.title,
      caseNumber: r.case_number,
    }),
    (r) => presentCaseSummary(r, today),
  );
  await ctx.audit({
    action: 'read',
    entityType: 'case_list',
    // Whether a search was made, not what was searched: the words are names and dates of birth.
    details: { scope: query.scope, count: page.items.length, ...(query.q ? { search: true } : {}) },
  });
  return page;
}

/**
 * The case file for one use (the page, a PDF, an export or handover package, an Auskunft): what § 65 lets this
 * reader see for that use comes back, everything else as the placeholder (docs/data-protection.md).
 */
export async function readCase(ctx: Ctx, caseId: string, use: ContentUse): Promise<CaseDetail> {
  const loaded = await requireCase(ctx, caseId, 'read');
  const today = todayIso();
  const viewer = viewerOf(ctx, use);
  // One statement for the whole page, § 65 marks included.
  const records = await loadCaseRecords(ctx.db, ctx.actor.tenantId, caseId, viewer, today);
  if (!records) throw AppError.notFound('Der Fall');
  const marks = presentCaseMarks(ctx, caseId, viewer, records, records.base.lead_id);
  const detail = presentCaseDetail(records, loaded.reason, today, marks);
  await ctx.audit({ action: 'read', entityType: 'case', entityId: caseId });
  return detail;
}
