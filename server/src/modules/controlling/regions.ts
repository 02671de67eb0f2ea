import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

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
  const wanted = key.trim();
  const lower = wanted.toLowerCase();
  const districts = await db
    .selectFrom('district')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const teams = await db
    .selectFrom('team')
    .select(['id', 'name', 'social_centre_id'])
    .where('tenant_id', '=', tenantId)
    .execute();
  if (lower === CITY || lower === 'city') {
    return {
      kind: 'city',
      key: CITY,
      name: 'Stadt (gesamt)',
      districtIds: districts.map((d) => d.id),
      teamIds: teams.map((t) => t.id),
    };
  }
  const district = districts.find((d) => d.code.toLowerCase() === lower || d.name.toLowerCase() === lower);
  if (district) {
    const teamIds = await teamsOfDistricts(db, tenantId, [district.id]);
    return { kind: 'district', key: district.code, name: district.name, districtIds: [district.id], teamIds };
  }
  const centres = await db
    .selectFrom('social_centre')
    .select(['id', 'code', 'name'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const centre = centres.find((c) => c.code.toLowerCase() === lower || c.name.toLowerCase() === lower);
  if (centre) {
    const teamIds = teams.filter((t) => t.social_centre_id === centre.id).map((t) => t.id);
    return {
      kind: 'centre',
      key: centre.code,
      name: centre.name,
      districtIds: await districtsOfTeams(db, tenantId, teamIds),
      teamIds,
    };
  }
  const team = teams.find((t) => t.name.toLowerCase() === lower);
  if (team) {
    return {
      kind: 'team',
      key: team.name,
      name: team.name,
      districtIds: await districtsOfTeams(db, tenantId, [team.id]),
      teamIds: [team.id],
    };
  }
  return { kind: 'external', key: wanted, name: wanted, districtIds: [], teamIds: [] };
}

/** A team's districts: those where it is responsible for the whole of at least one street. */
async function districtsOfTeams(db: Kysely<DB>, tenantId: string, teamIds: string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('responsibility as r')
    .innerJoin('street as s', (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.street_id'),
    )
    .select('s.district_id')
    .distinct()
    .where('r.tenant_id', '=', tenantId)
    .where('r.team_id', 'in', teamIds)
    .where('r.house_from', 'is', null)
    .execute();
  return rows.map((r) => r.district_id);
}

async function teamsOfDistricts(db: Kysely<DB>, tenantId: string, districtIds: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('responsibility as r')
    .innerJoin('street as s', (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.street_id'),
    )
    .select('r.team_id')
    .distinct()
    .where('r.tenant_id', '=', tenantId)
    .where('s.district_id', 'in', districtIds)
    .execute();
  return rows.map((r) => r.team_id);
}

/** Cases of a region: by district for a Stadtteil, by team for a team or centre, all for the city. */
export function caseScope(region: Region): { column: 'district_id' | 'team_id'; ids: string[] } | null {
  if (region.kind === 'city') return null;
  if (region.kind === 'district') return { column: 'district_id', ids: region.districtIds };
  return { column: 'team_id', ids: region.teamIds };
}
