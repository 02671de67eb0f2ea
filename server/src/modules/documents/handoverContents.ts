import type { CaseDetail, CaseNote, CpCheckSummary, Measure } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { caseNotes } from '../caseNotes/service.ts';
import { readCase } from '../cases/service.ts';
import { caseChecks } from '../childProtection/service.ts';
import { listCaseMeasures } from '../measures/service.ts';

/** What a handover package holds: the file as the existing loaders give it to the reader (docs/handovers.md). */
export interface HandoverContents {
  detail: CaseDetail;
  notes: CaseNote[];
  measures: Measure[];
  checks: CpCheckSummary[];
}

/** The largest page the notes list gives; the package walks all pages. */
const NOTE_PAGE = 500;

/**
 * The one place that loads a case's file for the handover package. It goes only through the modules' own loaders
 * (case detail, Aktenvermerke, Hilfen, § 8a checks, whose reads are each access-checked and audited), never its own
 * SQL, so that whatever those loaders leave out for a reader (e.g. § 65 confided notes) is left out here too.
 */
export async function loadHandoverContents(ctx: Ctx, caseId: string): Promise<HandoverContents> {
  const detail = await readCase(ctx, caseId, 'export');
  const notes: CaseNote[] = [];
  let cursor: string | undefined;
  do {
    const page = await caseNotes(ctx, caseId, { limit: NOTE_PAGE, ...(cursor ? { cursor } : {}) }, 'export');
    notes.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const measures = await listCaseMeasures(ctx, caseId, 'export');
  const checks = await caseChecks(ctx, caseId);
  return { detail, notes, measures, checks };
}
