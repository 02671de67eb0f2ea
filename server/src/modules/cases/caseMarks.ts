import type { Ctx } from '../../shared/context.ts';
import { mayMarkConfided } from '../access/policy.ts';
import type { ContentViewer } from '../confided/queries/visibility.ts';
import { presentMarks } from '../confided/service.ts';
import type { CaseMarks } from './detailPresenter.ts';
import type { CaseRecords } from './queries/detail.ts';

/**
 * The § 65 marks of the case page's records (files, Kurzberatungen, Aufträge, Wille und Ziele and its Handlungsziele,
 * Hilfepläne, Ressourcen- and Netzwerkkarte) as this viewer sees
 * them, and the items she may mark: those she is the author of (`itemAuthors` in confided/queries/marks.ts is the
 * same rule for one item; records saved before their author was kept count as the lead's). The Familienrat (one
 * per case) has its own flag.
 */
export function presentCaseMarks(
  ctx: Ctx,
  caseId: string,
  viewer: ContentViewer,
  records: CaseRecords,
  leadId: string | null,
): CaseMarks {
  // Read with the records, in the page's statement (all marks of the case of these types).
  const marks = presentMarks(records.marks, ctx.actor, viewer);
  const authored = (id: string, authorIds: (string | null)[]) =>
    mayMarkConfided(ctx.actor, { authorIds: authorIds.filter((a): a is string => a !== null) }) ? [id] : [];
  const markable = [
    ...records.documents.flatMap((d) => authored(d.id, [d.uploaded_by])),
    ...records.consultations.flatMap((c) => authored(c.id, c.participant_ids)),
    ...records.mandates.flatMap((m) => authored(m.id, [m.created_by ?? leadId])),
    ...(records.will ? authored(caseId, [records.will.updated_by ?? leadId]) : []),
    // Every save of the sheet rewrites every goal: its author is whoever saved the sheet last.
    ...records.goals.flatMap((g) => authored(g.id, [records.will?.updated_by ?? leadId])),
    ...records.plans.flatMap((p) => authored(p.id, [p.created_by ?? leadId])),
    ...records.resources.flatMap((r) => authored(r.id, [r.created_by ?? leadId])),
    ...records.network.flatMap((n) => authored(n.id, [n.created_by ?? leadId])),
  ];
  // The Familienrat's item id is the case's too, so `markable` cannot tell it from Wille und Ziele: its own flag.
  const conferenceMarkable =
    records.conference !== undefined &&
    authored(caseId, [records.conference.updated_by ?? leadId]).length > 0;
  return {
    documents: marks.of('case_document'),
    consultations: marks.of('risk_consultation'),
    mandates: marks.of('mandate'),
    will: records.will ? (marks.of('will_and_goals').get(caseId) ?? null) : null,
    conference: records.conference ? (marks.of('family_conference').get(caseId) ?? null) : null,
    goals: marks.of('goal'),
    plans: marks.of('help_plan'),
    resources: marks.of('resource'),
    network: marks.of('network_tie'),
    markable,
    conferenceMarkable,
  };
}
