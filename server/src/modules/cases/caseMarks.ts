import type { Ctx } from '../../shared/context.ts';
import { mayMarkConfided } from '../access/policy.ts';
import type { ContentViewer } from '../confided/queries/visibility.ts';
import { confidedMarks } from '../confided/service.ts';
import type { CaseMarks } from './detailPresenter.ts';
import type { CaseRecords } from './queries/detail.ts';

/**
 * The § 65 marks of the case page's records (files, Kurzberatungen, Aufträge, Wille und Ziele and its Handlungsziele,
 * Hilfepläne, Ressourcen- and Netzwerkkarte) as this viewer sees
 * them, and the items she may mark: those she is the author of (`itemAuthors` in confided/queries/marks.ts is the
 * same rule for one item; records saved before their author was kept count as the lead's). The Familienrat (one
 * per case) has its own flag.
 */
export async function loadCaseMarks(
  ctx: Ctx,
  caseId: string,
  viewer: ContentViewer,
  records: CaseRecords,
  leadId: string | null,
): Promise<CaseMarks> {
  const of = (itemType: Parameters<typeof confidedMarks>[3], ids: string[]) =>
    confidedMarks(ctx.db, ctx.actor, viewer, itemType, ids);
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const [documents, consultations, mandates, will, conference, goals, plans, resources, network] =
    await Promise.all([
      of(
        'case_document',
        records.documents.map((d) => d.id),
      ),
      of(
        'risk_consultation',
        records.consultations.map((c) => c.id),
      ),
      of(
        'mandate',
        records.mandates.map((m) => m.id),
      ),
      of('will_and_goals', records.will ? [caseId] : []),
      of('family_conference', records.conference ? [caseId] : []),
      of('goal', ids(records.goals)),
      of('help_plan', ids(records.plans)),
      of('resource', ids(records.resources)),
      of('network_tie', ids(records.network)),
    ]);
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
    documents,
    consultations,
    mandates,
    will: will.get(caseId) ?? null,
    conference: conference.get(caseId) ?? null,
    goals,
    plans,
    resources,
    network,
    markable,
    conferenceMarkable,
  };
}
