import type { Need } from '@leuchtturm/shared';
import type { NeedRow } from './queries.ts';

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
  };
}
