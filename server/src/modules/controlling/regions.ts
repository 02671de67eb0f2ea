import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  centreRows,
  districtIdsOfTeams,
  type districtRows,
  districtsAndTeams,
  teamIdsOfDistricts,
  type teamRows,
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

/**
 * A region and the city it is compared with, from one statement reading the districts and teams (the dashboard
 * needs both).
 */
export async function resolveRegionAndCity(
  db: Kysely<DB>,
  tenantId: string,
  key: string,
): Promise<{ region: Region; city: Region }> {
  const { districts, teams } = await districtsAndTeams(db, tenantId);
  const city: Region = {
    kind: 'city',
    key: CITY,
    name: 'Stadt (gesamt)',
    districtIds: districts.map((d) => d.id),
    teamIds: teams.map((t) => t.id),
  };
  return { region: await regionOf(db, tenantId, key, districts, teams, city), city };
}

async function regionOf(
  db: Kysely<DB>,
  tenantId: string,
  key: string,
  districts: Awaited<ReturnType<typeof districtRows>>,
  teams: Awaited<ReturnType<typeof teamRows>>,
  city: Region,
): Promise<Region> {
  const wanted = key.trim();
  const lower = wanted.toLowerCase();
  if (lower === CITY || lower === 'city') return city;
  const district = districts.find((d) => d.code.toLowerCase() === lower || d.name.toLowerCase() === lower);
  if (district) {
    const teamIds = await teamIdsOfDistricts(db, tenantId, [district.id]);
    return { kind: 'district', key: district.code, name: district.name, districtIds: [district.id], teamIds };
  }
  const centres = await centreRows(db, tenantId);
  const centre = centres.find((c) => c.code.toLowerCase() === lower || c.name.toLowerCase() === lower);
  if (centre) {
    const teamIds = teams.filter((t) => t.social_centre_id === centre.id).map((t) => t.id);
    return {
      kind: 'centre',
      key: centre.code,
      name: centre.name,
      districtIds: await districtIdsOfTeams(db, tenantId, teamIds),
      teamIds,
    };
  }
  const team = teams.find((t) => t.name.toLowerCase() === lower);
  if (team) {
    return {
      kind: 'team',
      key: team.name,
      name: team.name,
      districtIds: await districtIdsOfTeams(db, tenantId, [team.id]),
      teamIds: [team.id],
    };
  }
  return { kind: 'external', key: wanted, name: wanted, districtIds: [], teamIds: [] };
}

/** Cases of a region: by district for a Stadtteil, by team for a team or centre, all for the city. */
export function caseScope(region: Region): { column: 'district_id' | 'team_id'; ids: string[] } | null {
  if (region.kind === 'city') return null;
  if (region.kind === 'district') return { column: 'district_id', ids: region.districtIds };
  return { column: 'team_id', ids: region.teamIds };
}
