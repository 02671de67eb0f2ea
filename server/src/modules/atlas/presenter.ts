import type { AtlasEntryDetail, AtlasEntrySummary } from '@leuchtturm/shared';
import type { EntryListRow, EntryRow, entryStaff } from './queries/entries.ts';

/** Rows of the atlas as the API shows them. */

export function presentSummary(r: EntryListRow, staleBefore: string): AtlasEntrySummary {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as AtlasEntrySummary['kind'],
    district: { id: r.district_id, name: r.district_name },
    address: r.address,
    coordinates: r.lon === null || r.lat === null ? null : { lon: r.lon, lat: r.lat },
    ageCohorts: r.age_cohorts as AtlasEntrySummary['ageCohorts'],
    lowThreshold: r.low_threshold,
    languages: r.languages,
    lastCheckedOn: r.last_checked_on,
    stale: r.last_checked_on < staleBefore,
  };
}

export function presentDetail(
  r: EntryRow,
  staleBefore: string,
  staff: Awaited<ReturnType<typeof entryStaff>>,
  usedInCases: number,
): AtlasEntryDetail {
  return {
    ...presentSummary(r, staleBefore),
    contact: r.contact,
    openingHours: r.opening_hours,
    description: r.description,
    staff: staff.map((s) => ({ id: s.id, displayName: s.display_name })),
    usedInCases,
    version: r.version,
  };
}
