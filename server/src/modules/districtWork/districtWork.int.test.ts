import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem } from '../../../test/pages.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  return { db, tenant, cm };
}

const visit = (tenant: TestTenant) => ({
  institutionName: 'Haus der Familie Nordhafen',
  districtId: tenant.districts.a,
  visitedOn: '2026-03-10',
  offers: 'Elterncafé, Krabbelgruppe',
  contacts: 'Leitung: Frau Berger',
  accessRoutes: 'offene Sprechstunde dienstags',
  needsSeen: 'Väterangebote fehlen',
  agreements: 'Gemeinsamer Infoabend',
  followUps: [{ dueOn: '2026-04-01', text: 'Termin Infoabend abstimmen' }],
});

/** The mentions of the need `needId`, by source. */
async function sourcesOf(
  db: Awaited<ReturnType<typeof testDatabase>>['db'],
  tenantId: string,
  needId: string,
) {
  const rows = await db
    .selectFrom('need_mention')
    .select(['source', 'mentioned_on'])
    .where('tenant_id', '=', tenantId)
    .where('need_id', '=', needId)
    .orderBy('mentioned_on')
    .execute();
  return rows.map((r) => [r.source, r.mentioned_on]);
}

describe('case-independent work in the district', () => {
  it('keeps a visit on the fixed card, lists it per team and per institution, and saves with the seen version only', async () => {
    const { tenant, cm } = await setup();
    const id = (await cm.post('/district-work/visits', visit(tenant))).json().id as string;
    const detail = (await cm.get(`/district-work/visits/${id}`)).json();
    expect(detail).toMatchObject({
      institutionName: 'Haus der Familie Nordhafen',
      district: { id: tenant.districts.a, name: 'Nordhafen' },
      visitor: { id: tenant.users.caseManagerA.id },
      accessRoutes: 'offene Sprechstunde dienstags',
      atlasEntryId: null,
      openFollowUps: 1,
      followUps: [{ dueOn: '2026-04-01', text: 'Termin Infoabend abstimmen', done: false }],
      version: 1,
    });
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect((await lead.get('/district-work/visits')).json().map((v: { id: string }) => v.id)).toEqual([id]);
    const perInstitution = await lead.get(
      `/district-work/visits?institution=${encodeURIComponent('haus der familie nordhafen')}`,
    );
    expect(perInstitution.json()).toHaveLength(1);
    expect((await lead.get('/district-work/institutions')).json()).toEqual([
      {
        institutionName: 'Haus der Familie Nordhafen',
        district: { id: tenant.districts.a, name: 'Nordhafen' },
        visits: 1,
        lastVisitedOn: '2026-03-10',
      },
    ]);

    const changed = await cm.put(`/district-work/visits/${id}`, {
      ...visit(tenant),
      agreements: 'neu',
      version: 1,
    });
    expect(changed.json().version).toBe(2);
    const stale = await lead.put(`/district-work/visits/${id}`, {
      ...visit(tenant),
      agreements: 'alt',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect((await cm.get(`/district-work/visits/${id}`)).json().agreements).toBe('neu');
  });

  it('records needs from a visit, a walk, an Erkundung, a talk and a network meeting with their sources and days', async () => {
    const { db, tenant, cm } = await setup();
    const text = 'Offener Treff für Väter';
    const visitId = (await cm.post('/district-work/visits', visit(tenant))).json().id;
    const fromVisit = await cm.post(`/district-work/visits/${visitId}/needs`, { text, ageCohort: '0-3' });
    expect(fromVisit.statusCode, fromVisit.body).toBe(201);
    const needId = fromVisit.json().id as string;

    const walkId = (
      await cm.post('/district-work/walks', {
        districtId: tenant.districts.a,
        walkedOn: '2026-03-12',
        participants: 'Team A, neue Kollegin',
        observations: 'Spielplatz geschlossen',
      })
    ).json().id;
    const fromWalk = await cm.post(`/district-work/walks/${walkId}/needs`, { text, ageCohort: '0-3' });
    expect(fromWalk.json().id).toBe(needId);

    const talk = (kind: string, heldOn: string) =>
      cm.post('/district-work/talks', {
        kind,
        districtId: tenant.districts.a,
        heldOn,
        topic: 'Freizeit im Quartier',
      });
    const explorationId = (await talk('erkundung', '2026-03-13')).json().id;
    const talkId = (await talk('gespraech', '2026-03-14')).json().id;
    await cm.post(`/district-work/talks/${explorationId}/needs`, { text, ageCohort: '0-3' });
    await cm.post(`/district-work/talks/${talkId}/needs`, { text, ageCohort: '0-3' });

    const networkId = (
      await cm.post('/district-work/networks', {
        name: 'Netzwerk Frühe Hilfen Nordhafen',
        ageCohort: '0-3',
        districtId: tenant.districts.a,
        staffUserIds: [tenant.users.caseManagerA.id, tenant.users.teamLeadA.id],
        externalMembers: [{ name: 'Frau Yilmaz', organisation: 'Hebammenpraxis am Hafen' }],
        rulesOfProcedure: 'Treffen viermal im Jahr.',
      })
    ).json().id;
    const meeting = await cm.post(`/district-work/networks/${networkId}/meetings`, {
      heldOn: '2026-03-15',
      minutes: 'Austausch über Angebote für Väter',
      agreements: 'Bedarf an die Sozialraumkoordination',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    // District and age cohort come from the network.
    const fromMeeting = await cm.post(
      `/district-work/networks/${networkId}/meetings/${meeting.json().id}/needs`,
      {
        text,
      },
    );
    expect(fromMeeting.json().id).toBe(needId);

    expect(await sourcesOf(db, tenant.id, needId)).toEqual([
      ['besuch', '2026-03-10'],
      ['erkundung', '2026-03-12'],
      ['erkundung', '2026-03-13'],
      ['gespraech', '2026-03-14'],
      ['netzwerk', '2026-03-15'],
    ]);
    const need = (await cm.get(`/needs/${needId}`)).json();
    expect(need.mentions).toBe(5);
    const network = (await cm.get(`/district-work/networks/${networkId}`)).json();
    expect(network).toMatchObject({
      members: 3,
      staff: expect.arrayContaining([{ id: tenant.users.caseManagerA.id, name: expect.any(String) }]),
      externalMembers: [{ name: 'Frau Yilmaz', organisation: 'Hebammenpraxis am Hafen' }],
      lastMeetingOn: '2026-03-15',
    });
    expect(network.meetings[0].needs).toEqual([{ id: needId, text, ageCohort: '0-3' }]);
    expect((await cm.get(`/district-work/walks/${walkId}`)).json().needs).toHaveLength(1);
    // The team's lists name each record's district and the needs it named, like the detail.
    const named = {
      district: { id: tenant.districts.a, name: expect.any(String) },
      needs: [{ id: needId, text, ageCohort: '0-3' }],
    };
    const walks = (await cm.get('/district-work/walks')).json();
    expect(walks).toEqual([expect.objectContaining({ id: walkId, ...named })]);
    expect(walks[0].district.name).not.toBe('');
    const talks = (await cm.get('/district-work/talks')).json();
    expect(talks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: explorationId, ...named }),
        expect.objectContaining({ id: talkId, ...named }),
      ]),
    );
    expect((await cm.get(`/district-work/talks/${talkId}`)).json()).toMatchObject({ id: talkId, ...named });
  });

  it('refuses bad input with a 400 naming the field and writes nothing', async () => {
    const { db, tenant, cm } = await setup();
    const count = async (table: 'institution_visit' | 'district_network' | 'district_walk' | 'need') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('tenant_id', '=', tenant.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expectFieldProblem(
      await cm.post('/district-work/visits', { ...visit(tenant), districtId: crypto.randomUUID() }),
      'districtId',
    );
    expectFieldProblem(
      await cm.post('/district-work/visits', {
        ...visit(tenant),
        followUps: [{ dueOn: '2026-02-30', text: 'x' }],
      }),
      'followUps.0.dueOn',
    );
    expectFieldProblem(
      await cm.post('/district-work/visits', { ...visit(tenant), institutionName: ' ' }),
      'institutionName',
    );
    expectFieldProblem(
      await cm.post('/district-work/walks', {
        districtId: tenant.districts.a,
        walkedOn: '2026-03-01',
        participants: '',
      }),
      'participants',
    );
    const network = {
      name: 'Netzwerk 10-16',
      ageCohort: '10-16',
      districtId: tenant.districts.a,
      staffUserIds: [crypto.randomUUID()],
    };
    expectFieldProblem(await cm.post('/district-work/networks', network), 'staffUserIds');
    expectFieldProblem(
      await cm.post('/district-work/networks', {
        ...network,
        staffUserIds: [],
        socialCentreId: tenant.centreId,
      }),
      'districtId',
    );
    // A network of the Sozialzentrum names the district of each need.
    const centreNetwork = await cm.post('/district-work/networks', {
      ...network,
      staffUserIds: [],
      districtId: null,
      socialCentreId: tenant.centreId,
    });
    expect(centreNetwork.statusCode, centreNetwork.body).toBe(201);
    const networkId = centreNetwork.json().id;
    const meetingId = (
      await cm.post(`/district-work/networks/${networkId}/meetings`, {
        heldOn: '2026-03-01',
        minutes: 'Protokoll',
      })
    ).json().id;
    expectFieldProblem(
      await cm.post(`/district-work/networks/${networkId}/meetings/${meetingId}/needs`, {
        text: 'Lernhilfe',
      }),
      'districtId',
    );
    expect([
      await count('institution_visit'),
      await count('district_network'),
      await count('district_walk'),
    ]).toEqual([0, 1, 0]);
    expect(await count('need')).toBe(0);
  });

  it("refuses another team's records with a 403, audited, and gives controlling counts only", async () => {
    const { db, tenant, cm } = await setup();
    const id = (await cm.post('/district-work/visits', visit(tenant))).json().id as string;
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect((await other.get(`/district-work/visits/${id}`)).statusCode).toBe(403);
    expect(
      (await other.put(`/district-work/visits/${id}`, { ...visit(tenant), version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await other.post(`/district-work/visits/${id}/needs`, { text: 'x', ageCohort: '0-3' })).statusCode,
    ).toBe(403);
    expect((await other.get('/district-work/visits')).json()).toEqual([]);
    const refusals = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_type'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_id', '=', id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(refusals).toEqual(
      Array(3).fill({ actor_id: tenant.users.caseManagerB.id, entity_type: 'institution_visit' }),
    );
    expect((await cm.get(`/district-work/visits/${id}`)).json().agreements).toBe('Gemeinsamer Infoabend');

    const controller = await Client.as(app, tenant, 'controller');
    expect((await controller.get('/district-work/visits')).statusCode).toBe(403);
    expect((await controller.get(`/district-work/visits/${id}`)).statusCode).toBe(403);
    const counts = (await controller.get('/district-work/counts?year=2026')).json();
    expect(counts.rows).toEqual([
      {
        district: { id: tenant.districts.a, name: 'Nordhafen' },
        visits: 1,
        walks: 0,
        explorations: 0,
        talks: 0,
        networkMeetings: 0,
      },
      {
        district: { id: tenant.districts.b, name: 'Südhafen' },
        visits: 0,
        walks: 0,
        explorations: 0,
        talks: 0,
        networkMeetings: 0,
      },
    ]);
  });
});
