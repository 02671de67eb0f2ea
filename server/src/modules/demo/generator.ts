import type { Role } from '@leuchtturm/shared';
import { specialisations, todayIso } from '@leuchtturm/shared';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { analyze } from '../../db/queries.ts';
import type { DB, NewAppUser } from '../../db/schema.ts';
import { systemActor } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAudit } from '../audit/chain.ts';
import { hashPassword } from '../auth/passwords.ts';
import { findTenantBySlug } from '../auth/queries.ts';
import { createTenant } from '../organisation/tenants.ts';
import { insertDemoAtlas } from './atlas.ts';
import { insertDemoCases } from './cases.ts';
import { insertDemoChildProtection } from './childProtection.ts';
import {
  demoCity,
  demoTenant,
  firstNames,
  firstPopulationYear,
  jewAgeBands,
  lastNames,
  streetKinds,
  streetStems,
} from './city.ts';
import { insertDemoDistrictWork } from './districtWork.ts';
import { insertDemoHzeOffice } from './hzeStatistics.ts';
import { insertDemoIndicators } from './indicators.ts';
import { insertDemoMeasures } from './measures.ts';
import { gridOutline } from './outlines.ts';
import { insertDemoProcesses } from './processes.ts';
import {
  insertChunked,
  insertDistrict,
  insertSocialCentre,
  insertTeam,
  setTeamLead,
} from './queries/insert.ts';
import { findUserByUsername } from './queries/reads.ts';
import { Random } from './random.ts';
import { backdateDemoStaff } from './staffHistory.ts';
import { insertDemoSteering } from './steering.ts';
import { insertDemoTeamWork } from './teamWork.ts';
import { insertDemoVisits } from './visits.ts';

/**
 * The one demo-data generator. One knob, `scale`, sizes everything: staff, streets and young inhabitants, ten years
 * of cases, measures and processes, § 8a checks and Aktenvermerke (each module adds a step here). The same scale
 * (and the same day, for what is under way) always gives the same city.
 */
export const scales = { small: 0.1, city: 1, '10x': 10 } as const;
export type Scale = keyof typeof scales;

export const demoAccounts = [
  { username: 'admin', displayName: 'Ada Administratorin', roles: ['admin'] },
  { username: 'leitung', displayName: 'Leo Leitung', roles: ['director'] },
  { username: 'controlling', displayName: 'Cora Controlling', roles: ['controller'] },
  { username: 'teamleitung', displayName: 'Tilda Teamleitung', roles: ['team_lead'] },
  { username: 'fachkraft', displayName: 'Frida Fachkraft', roles: ['case_manager'] },
  { username: 'wiju', displayName: 'Willi Wirtschaft', roles: ['finance'] },
  { username: 'sozialraum', displayName: 'Sina Sozialraum', roles: ['district_coordinator'] },
] as const satisfies readonly { username: string; displayName: string; roles: Role[] }[];

export interface DemoSummary {
  tenantId: string;
  tenantSlug: string;
  scale: Scale;
  counts: Record<string, number>;
}

const CURRENT_YEAR = 2026;
/** Case managers per team at city scale (17 teams, about 190 in all). */
const CASE_MANAGERS_PER_TEAM = 11.2;
const STREETS_PER_DISTRICT = 40;
const JEW_UNDER_21 = 100_000;

/**
 * `today` (Berlin, default the real today) dates what is under way: the open § 8a checks, their deadlines and the
 * latest notes (liveWork.ts). The history runs to the fixed DEMO_TODAY (docs/decisions.md).
 */
export async function generateDemoData(
  db: Database,
  options: { scale: Scale; password: string; slug?: string; name?: string; today?: string },
): Promise<DemoSummary> {
  const slug = options.slug ?? demoTenant.slug;
  const existing = await findTenantBySlug(db, slug);
  if (existing) throw new AppError('conflict', `Das Jugendamt „${slug}“ hat bereits Daten.`);
  const factor = scales[options.scale];
  const rnd = new Random(`leuchtturm-${options.scale}`);
  const passwordHash = await hashPassword(options.password);
  const now = new Date();

  const summary = await db.transaction().execute(async (trx) => {
    const tenantId = await createTenant(trx, slug, options.name ?? demoTenant.name);
    const counts: Record<string, number> = {};
    const org = await insertOrganisation(trx, tenantId, rnd, factor, counts);
    await insertStaff(trx, tenantId, rnd, factor, passwordHash, org, counts);
    await backdateDemoStaff(trx, tenantId);
    await insertPopulation(trx, tenantId, rnd, factor, org.districts, counts);
    const fachkraft = await findUserByUsername(trx, tenantId, 'fachkraft');
    await insertDemoCases(trx, tenantId, rnd, factor, counts, fachkraft?.id ?? null);
    await insertDemoMeasures(trx, tenantId, rnd, counts);
    await insertDemoHzeOffice(trx, tenantId);
    await insertDemoProcesses(trx, tenantId, counts);
    const teamleitung = await findUserByUsername(trx, tenantId, 'teamleitung');
    // A stream of its own, so that adding child protection left every earlier draw (and figure) as it was.
    await insertDemoChildProtection(
      trx,
      tenantId,
      new Random(`leuchtturm-${options.scale}-kinderschutz`),
      factor,
      counts,
      {
        caseManagerId: fachkraft?.id ?? null,
        teamLeadId: teamleitung?.id ?? null,
        today: options.today ?? todayIso(now),
        now,
      },
    );
    await insertDemoIndicators(trx, tenantId, rnd, CURRENT_YEAR, counts);
    await insertDemoSteering(trx, tenantId, CURRENT_YEAR, counts);
    // A stream of its own again: the district work leaves every earlier draw as it was.
    await insertDemoDistrictWork(
      trx,
      tenantId,
      new Random(`leuchtturm-${options.scale}-sozialraum`),
      factor,
      counts,
      options.today ?? todayIso(now),
    );
    await insertDemoAtlas(
      trx,
      tenantId,
      new Random(`leuchtturm-${options.scale}-atlas`),
      factor,
      counts,
      options.today ?? todayIso(now),
    );
    await insertDemoTeamWork(
      trx,
      tenantId,
      new Random(`leuchtturm-${options.scale}-team`),
      counts,
      options.today ?? todayIso(now),
    );
    // Visits, walks, talks and networks: a stream of their own, a handful of rows per team.
    await insertDemoVisits(
      trx,
      tenantId,
      new Random(`leuchtturm-${options.scale}-besuche`),
      counts,
      options.today ?? todayIso(now),
    );
    await recordAudit(trx, systemActor(tenantId), {
      action: 'create',
      entityType: 'demo_data',
      details: { scale: options.scale, counts },
    });
    return { tenantId, tenantSlug: slug, scale: options.scale, counts };
  });
  // Fresh statistics after a bulk load, so that the planner does not take tens of thousands of rows for one.
  await analyze(db);
  return summary;
}

interface OrgIds {
  centres: { id: string; teams: { id: string; name: string }[] }[];
  districts: { id: string; share: number }[];
}

async function insertOrganisation(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  factor: number,
  counts: Record<string, number>,
): Promise<OrgIds> {
  const org: OrgIds = { centres: [], districts: [] };
  const streetsPerDistrict = Math.max(6, Math.round(STREETS_PER_DISTRICT * Math.min(factor * 3, 1)));
  const streets: Insertable<DB['street']>[] = [];
  const districtTeams: { districtId: string; teamId: string; neighbourTeamId: string | null }[] = [];
  for (const centre of demoCity) {
    const c = await insertSocialCentre(db, { tenant_id: tenantId, code: centre.code, name: centre.name });
    const teams: { id: string; name: string }[] = [];
    for (const team of centre.teams) {
      const t = await insertTeam(db, {
        tenant_id: tenantId,
        social_centre_id: c.id,
        name: team.name,
        lead_user_id: null,
      });
      teams.push({ id: t.id, name: team.name });
      for (const district of team.districts) {
        const d = await insertDistrict(db, {
          tenant_id: tenantId,
          code: district.code,
          name: district.name,
          outline: JSON.stringify(gridOutline(org.districts.length)),
        });
        org.districts.push({ id: d.id, share: district.share });
        districtTeams.push({ districtId: d.id, teamId: t.id, neighbourTeamId: null });
        const names = new Set<string>();
        while (names.size < streetsPerDistrict) {
          names.add(
            `${rnd.pick(streetStems)}${rnd.pick(streetKinds)}`.replace(/^./, (ch) => ch.toUpperCase()),
          );
        }
        for (const name of [...names].sort()) {
          streets.push({ tenant_id: tenantId, district_id: d.id, name, postal_code: district.postalCode });
        }
      }
    }
    org.centres.push({ id: c.id, teams });
  }
  // Border streets: the first team of the next centre takes the upper house numbers (address-based split).
  const allTeams = org.centres.flatMap((c) => c.teams);
  for (const dt of districtTeams) {
    const index = allTeams.findIndex((t) => t.id === dt.teamId);
    dt.neighbourTeamId = allTeams[(index + 1) % allTeams.length]?.id ?? null;
  }
  const inserted = await insertChunked(db, 'street', streets, ['id', 'district_id']);
  const responsibilities: Insertable<DB['responsibility']>[] = [];
  inserted.forEach((street, i) => {
    const dt = districtTeams.find((x) => x.districtId === street.district_id);
    if (!dt) return;
    if (i % 10 === 0 && dt.neighbourTeamId) {
      const split = rnd.int(20, 80);
      responsibilities.push(
        { tenant_id: tenantId, street_id: street.id, team_id: dt.teamId, house_from: 1, house_to: split },
        {
          tenant_id: tenantId,
          street_id: street.id,
          team_id: dt.neighbourTeamId,
          house_from: split + 1,
          house_to: 9999,
        },
      );
    } else {
      responsibilities.push({
        tenant_id: tenantId,
        street_id: street.id,
        team_id: dt.teamId,
        house_from: null,
        house_to: null,
      });
    }
  });
  await insertChunked(db, 'responsibility', responsibilities, ['id']);
  counts.socialCentres = org.centres.length;
  counts.teams = allTeams.length;
  counts.districts = org.districts.length;
  counts.streets = streets.length;
  counts.responsibilities = responsibilities.length;
  return org;
}

async function insertStaff(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  factor: number,
  passwordHash: string,
  org: OrgIds,
  counts: Record<string, number>,
) {
  const used = new Set<string>(demoAccounts.map((a) => a.username));
  const person = () => {
    const first = rnd.pick(firstNames);
    const last = rnd.pick(lastNames);
    const base = `${first}.${last}`.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
    let username = base;
    for (let n = 2; used.has(username); n++) username = `${base}${n}`;
    used.add(username);
    return { username, display_name: `${first} ${last}` };
  };
  const users: NewAppUser[] = [];
  const add = (roles: Role[], teamId: string | null, extra: Partial<NewAppUser> = {}) => {
    users.push({
      tenant_id: tenantId,
      ...person(),
      email: null,
      password_hash: null,
      roles,
      team_id: teamId,
      fte: rnd.chance(0.3) ? rnd.pick(['0.50', '0.75', '0.80']) : '1.00',
      ...extra,
    });
    return users.length - 1;
  };
  const demo = (username: (typeof demoAccounts)[number]['username'], teamId: string | null) => {
    const account = demoAccounts.find((a) => a.username === username);
    if (!account) throw new Error(username);
    users.push({
      tenant_id: tenantId,
      username,
      display_name: account.displayName,
      email: `${username}@hafenstadt.example`,
      password_hash: passwordHash,
      roles: [...account.roles],
      team_id: teamId,
      fte: '1.00',
    });
    return users.length - 1;
  };

  demo('admin', null);
  demo('leitung', null);
  demo('controlling', null);
  for (let i = 0; i < 2; i++) add(['controller'], null);
  const teamLeads = new Map<string, number>();
  const teamCaseManagers = new Map<string, number[]>();
  let first = true;
  demo('wiju', null);
  for (const centre of org.centres) {
    add(['centre_lead'], null);
    add(['finance'], null);
    for (const team of centre.teams) {
      teamLeads.set(team.id, first ? demo('teamleitung', team.id) : add(['team_lead'], team.id));
      const managers: number[] = [];
      if (first) managers.push(demo('fachkraft', team.id));
      const n = Math.max(2, Math.round(CASE_MANAGERS_PER_TEAM * factor + rnd.next() - 0.5));
      while (managers.length < n) {
        const specialisation = rnd.chance(0.3) ? [rnd.pick(specialisations)] : [];
        managers.push(add(['case_manager'], team.id, { specialisations: specialisation }));
      }
      teamCaseManagers.set(team.id, managers);
      add(['clerk'], team.id);
      // The demo account of the Sozialraumkoordination joins the first team besides its drawn coordinator, so that
      // adding it left every earlier draw as it was.
      if (first) demo('sozialraum', team.id);
      add(['district_coordinator'], team.id);
      first = false;
    }
  }
  const inserted = await insertChunked(db, 'app_user', users, ['id']);
  const idAt = (i: number) => {
    const row = inserted[i];
    if (!row) throw new Error(`no user at ${i}`);
    return row.id;
  };
  for (const [teamId, index] of teamLeads) {
    await setTeamLead(db, tenantId, teamId, idAt(index));
  }
  // Each case manager is deputised by the next colleague of the team (a ring).
  const deputies: Insertable<DB['deputy']>[] = [];
  for (const managers of teamCaseManagers.values()) {
    managers.forEach((m, i) => {
      const next = managers[(i + 1) % managers.length];
      if (next !== undefined && next !== m)
        deputies.push({ tenant_id: tenantId, user_id: idAt(m), deputy_user_id: idAt(next) });
    });
  }
  await insertChunked(db, 'deputy', deputies, ['user_id']);
  counts.staff = users.length;
  counts.caseManagers = users.filter((u) => u.roles.includes('case_manager')).length;
  counts.deputies = deputies.length;
}

async function insertPopulation(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  factor: number,
  districts: OrgIds['districts'],
  counts: Record<string, number>,
) {
  const rows: Insertable<DB['population']>[] = [];
  for (const district of districts) {
    // Each district has its own trend: most grow a little, some shrink (as in Bremen's figures).
    const trend = 1 + (rnd.next() - 0.35) * 0.02;
    for (let year = firstPopulationYear; year <= CURRENT_YEAR; year++) {
      const yearFactor = trend ** (year - CURRENT_YEAR);
      for (const { band, share } of jewAgeBands) {
        const noise = 0.98 + rnd.next() * 0.04;
        const residents = Math.round(JEW_UNDER_21 * factor * district.share * share * yearFactor * noise);
        rows.push({ tenant_id: tenantId, district_id: district.id, year, age_band: band, residents });
      }
    }
  }
  await insertChunked(db, 'population', rows, ['district_id']);
  counts.populationRows = rows.length;
  counts.youngInhabitants = rows
    .filter((r) => r.year === CURRENT_YEAR)
    .reduce((sum, r) => sum + r.residents, 0);
}
