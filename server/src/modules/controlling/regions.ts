import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  centreRows,
  districtIdsOfTeams,
  districtRows,
  teamIdsOfDistricts,
  teamRows,
} from './queries/organisation.ts';

/**
 * A region of the key figures: the city, a Sozialzentrum, a Stadtteilteam, a Stadtteil, or an external region
 * (another city or a historical unit known only from imported aggregates). Internal regions are resolved by code or
 * name; `stadt` is the whole Jugendamt.
 */
export type Region =
  | { kind: 'city'; key: string; name: string; districtIds: string[]; teamIds: string[] }
  | {
      kind: 'centre' | 'team' | 'district';
      key: string;
      name: string;
      districtIds: string[];
      teamIds: string[];
    }
  | { kind: 'external'; key: string; name: string; districtIds: []; teamIds: [] };

export const CITY = 'stadt';

export async function resolveRegion(db: Kysely<DB>, tenantId: string, key: string): Promise<Region> {
  return (await resolveRegionAndCity(db, tenantId, key)).region;
}

/** A region and the whole city from one read of the districts and teams (the dashboard shows both). */
export async function resolveRegionAndCity(
  db: Kysely<DB>,
  tenantId: string,
  key: string,
): Promise<{ region: Region; city: Region }> {
  const wanted = key.trim();
  const lower = wanted.toLowerCase();
  const [districts, teams] = [await districtRows(db, tenantId), await teamRows(db, tenantId)];
  const city: Region = {
    kind: 'city',
    key: CITY,
    name: 'Stadt (gesamt)',
    districtIds: districts.map((d) => d.id),
    teamIds: teams.map((t) => t.id),
  };
  if (lower === CITY || lower === 'city') return { region: city, city };
  const district = districts.find((d) => d.code.toLowerCase() === lower || d.name.toLowerCase() === lower);
  if (district) {
    const teamIds = await teamIdsOfDistricts(db, tenantId, [district.id]);
    return {
      region: {
        kind: 'district',
        key: district.code,
        name: district.name,
        districtIds: [district.id],
        teamIds,
      },
      city,
    };
  }
  const centres = await centreRows(db, tenantId);
  const centre = centres.find((c) => c.code.toLowerCase() === lower || c.name.toLowerCase() === lower);
  if (centre) {
    const teamIds = teams.filter((t) => t.social_centre_id === centre.id).map((t) => t.id);
    return {
      region: {
        kind: 'centre',
        key: centre.code,
        name: centre.name,
        districtIds: await districtIdsOfTeams(db, tenantId, teamIds),
        teamIds,
      },
      city,
    };
  }
  const team = teams.find((t) => t.name.toLowerCase() === lower);
  if (team) {
    return {
      region: {
        kind: 'team',
        key: team.name,
        name: team.name,
        districtIds: await districtIdsOfTeams(db, tenantId, [team.id]),
        teamIds: [team.id],
      },
      city,
    };
  }
  return { region: { kind: 'external', key: wanted, name: wanted, districtIds: [], teamIds: [] }, city };
}

/** Cases of a region: by district for a Stadtteil, by team for a team or centre, all for the city. */
export function caseScope(region: Region): { column: 'district_id' | 'team_id'; ids: string[] } | null {
  if (region.kind === 'city') return null;
  if (region.kind === 'district') return { column: 'district_id', ids: region.districtIds };
  return { column: 'team_id', ids: region.teamIds };
}
