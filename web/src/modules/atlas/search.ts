// Imported by the router, which is part of the first bundle: no zod at runtime.
import type { AtlasSearchFilter } from './queries.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (value: unknown) =>
  typeof value === 'string' && value.trim() && value.length <= 100 ? value : undefined;
const kinds = ['kita', 'schule', 'beratung', 'jugend', 'familie', 'gesundheit', 'verein', 'sonstiges'];
const cohorts = ['0-3', '3-10', '10-16', '16+'];

export function validateAtlasSearch(search: Record<string, unknown>): AtlasSearchFilter {
  const out: AtlasSearchFilter = {};
  const q = text(search.q);
  if (q) out.q = q;
  if (typeof search.districtId === 'string' && uuid.test(search.districtId))
    out.districtId = search.districtId;
  if (typeof search.kind === 'string' && kinds.includes(search.kind))
    out.kind = search.kind as AtlasSearchFilter['kind'];
  if (typeof search.ageCohort === 'string' && cohorts.includes(search.ageCohort))
    out.ageCohort = search.ageCohort as AtlasSearchFilter['ageCohort'];
  const language = text(search.language);
  if (language) out.language = language;
  if (search.lowThreshold === 'true' || search.lowThreshold === true) out.lowThreshold = 'true';
  if (search.stale === 'true' || search.stale === true) out.stale = 'true';
  return out;
}
