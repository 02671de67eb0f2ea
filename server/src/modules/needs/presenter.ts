import type { Need, NeedDetail } from '@leuchtturm/shared';
import type { NeedRow } from './queries/list.ts';
import type { LoadedNeed } from './queries/workflow.ts';

/** A need as the API shows it. Only these fields leave the server. */
export function presentNeed(r: NeedRow): Need {
  return {
    id: r.id,
    district: { id: r.district_id, name: r.district_name },
    ageCohort: r.age_cohort as Need['ageCohort'],
    text: r.text,
    mentions: r.mentions,
    status: r.status as Need['status'],
    createdOn: r.created_on,
    version: r.version,
  };
}

/** One need with where its mentions came from, what was merged into it and the projects that took it up. */
export function presentNeedDetail(
  n: LoadedNeed,
  related: {
    sources: { source: string; mentions: number }[];
    merged: { id: string; text: string; mentions: number; version: number }[];
    mergedInto: { id: string; text: string } | null;
    projects: { id: string; name: string }[];
  },
): NeedDetail {
  return {
    id: n.id,
    version: n.version,
    district: { id: n.district_id, name: n.district_name },
    ageCohort: n.age_cohort as NeedDetail['ageCohort'],
    text: n.text,
    mentions: n.mentions,
    status: n.status as NeedDetail['status'],
    createdOn: n.created_on,
    sources: related.sources.map((s) => ({
      source: s.source as NeedDetail['sources'][number]['source'],
      mentions: s.mentions,
    })),
    merged: related.merged.map((m) => ({ id: m.id, text: m.text, mentions: m.mentions, version: m.version })),
    mergedInto: related.mergedInto ? { id: related.mergedInto.id, text: related.mergedInto.text } : null,
    microProjects: related.projects.map((p) => ({ id: p.id, name: p.name })),
  };
}
