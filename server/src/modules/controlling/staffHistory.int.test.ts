import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

/**
 * Staffing from the staff history (migration 0025): the fixture's staff holds since always; a change made today
 * (through the one staff service) starts a new period today, so last year's figures stay as they were.
 * Centre TEST: team A has a team lead and three case managers, team B a team lead and one case manager, all 1.0 VZE.
 */
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const thisYear = new Date().getUTCFullYear();
const lastYear = thisYear - 1;

async function setUp() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const team = await db
    .selectFrom('team')
    .select('name')
    .where('id', '=', tenant.teams.a)
    .executeTakeFirstOrThrow();
  return {
    db,
    tenant,
    teamA: team.name,
    admin: await Client.as(app, tenant, 'admin'),
    controller: await Client.as(app, tenant, 'controller'),
  };
}

describe('staffing from the staff history', () => {
  it('splits Soll and Ist into Casemanagement and Referatsleitung, in VZE and heads', async () => {
    const { controller } = await setUp();
    const res = (await controller.get(`/controlling/staffing?year=${lastYear}`)).json();
    expect(res.centres[0]).toMatchObject({
      code: 'TEST',
      istVze: 6,
      istSource: 'computed',
      split: {
        ist: {
          casemanagement: { vze: 4, heads: 4 },
          referatsleitung: { vze: 2, heads: 2 },
        },
        soll: { casemanagement: { vze: null, heads: null } },
      },
    });
  });

  it("leaves every past year's figures unchanged when staff is added, moved or changed today", async () => {
    const { tenant, teamA, admin, controller } = await setUp();
    const before = {
      staffing: (await controller.get(`/controlling/staffing?year=${lastYear}`)).json(),
      centre: (await controller.get(`/controlling/kpis?region=TEST&year=${lastYear}`)).json().staffing,
      team: (await controller.get(`/controlling/kpis?region=${teamA}&year=${lastYear}`)).json().staffing,
    };
    expect(before.team.istVze).toBe(4);

    const added = await admin.post('/organisation/staff', {
      username: 'neu',
      displayName: 'Neue Fachkraft',
      email: null,
      roles: ['case_manager'],
      specialisations: [],
      deputyIds: [],
      fte: '0.75',
      active: true,
      teamId: tenant.teams.a,
      password: 'ein-langes-passwort',
    });
    expect(added.statusCode).toBe(201);
    const staff = (await admin.get(`/organisation/staff?teamId=${tenant.teams.a}`)).json() as {
      id: string;
      version: number;
      username: string;
    }[];
    const moved = staff.find((s) => s.username === tenant.users.caseManagerA.username);
    if (!moved) throw new Error('caseManagerA not listed');
    const { id, version, teamName: _t, ...rest } = moved as typeof moved & { teamName: string };
    const put = await admin.put(`/organisation/staff/${id}`, {
      ...rest,
      teamId: tenant.teams.b,
      fte: '0.50',
      version,
    });
    expect(put.statusCode).toBe(204);

    expect((await controller.get(`/controlling/staffing?year=${lastYear}`)).json()).toEqual(before.staffing);
    expect((await controller.get(`/controlling/kpis?region=TEST&year=${lastYear}`)).json().staffing).toEqual(
      before.centre,
    );
    expect(
      (await controller.get(`/controlling/kpis?region=${teamA}&year=${lastYear}`)).json().staffing,
    ).toEqual(before.team);
    // This year's 31 Dec counts today's staff: team A lost a 1.0 and gained a 0.75; the centre keeps the mover at 0.5.
    expect(
      (await controller.get(`/controlling/kpis?region=${teamA}&year=${thisYear}`)).json().staffing.istVze,
    ).toBe(3.75);
    const now = (await controller.get(`/controlling/staffing?year=${thisYear}`)).json();
    expect(now.centres[0].split.ist).toEqual({
      casemanagement: { vze: 4.25, heads: 5 },
      referatsleitung: { vze: 2, heads: 2 },
    });
  });

  it('prefers an imported Ist of its own Sozialzentrum, marked as imported', async () => {
    const { controller } = await setUp();
    const csv = [
      'region,period,metric,value',
      `TEST,${lastYear},staff_ist_cm_vze,3.5`,
      `TEST,${lastYear},staff_ist_cm_heads,4`,
      `TEST,${lastYear},staff_ist_rl_vze,1`,
      `TEST,${lastYear},staff_ist_rl_heads,1`,
      `TEST,${lastYear}-12-31,staff_soll_vze,5`,
    ].join('\n');
    expect((await controller.post('/controlling/aggregates', { csv })).json().written).toBe(true);
    const centre = (await controller.get(`/controlling/staffing?year=${lastYear}`)).json().centres[0];
    expect(centre).toMatchObject({
      istVze: 4.5,
      istSource: 'imported',
      sollVze: 5,
      split: { ist: { casemanagement: { vze: 3.5, heads: 4 }, referatsleitung: { vze: 1, heads: 1 } } },
    });
    const k = (await controller.get(`/controlling/kpis?region=TEST&year=${lastYear}`)).json();
    expect(k.staffing).toMatchObject({ istVze: 4.5, sollVze: 5 });
    expect(k.sources.staffing).toBe('imported');
  });
});
