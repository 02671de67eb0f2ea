import type { ageCohorts } from '@leuchtturm/shared';

// Imported by the router, which is part of the first bundle: type imports only, no zod at runtime.

export interface NeedsSearch {
  districtId?: string;
  ageCohort?: (typeof ageCohorts.values)[number];
}

const cohorts = ['0-3', '3-10', '10-16', '16+'] as const satisfies readonly NeedsSearch['ageCohort'][];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateNeedsSearch(search: Record<string, unknown>): NeedsSearch {
  const districtId =
    typeof search.districtId === 'string' && uuid.test(search.districtId) ? search.districtId : '';
  const ageCohort = cohorts.find((c) => c === search.ageCohort);
  return { ...(districtId ? { districtId } : {}), ...(ageCohort ? { ageCohort } : {}) };
}
