import type { LightMyRequestResponse } from 'fastify';
import type { TestTenant } from '../factories.ts';
import type { Client } from '../http.ts';

export async function ok(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r.body ? r.json() : null;
}

/**
 * A team's records of the matrix world beyond its case (matrix-world.ts): its case-independent district work (visit,
 * walk, talk, network with a meeting), its Wochenkonferenz, a knowledge page and a need of its district.
 */
export async function buildTeamRecords(
  cm: Client,
  lead: Client,
  tenant: TestTenant,
  team: 'a' | 'b',
  userId: string,
): Promise<Record<string, string>> {
  const visit = await ok(
    cm.post('/district-work/visits', {
      institutionName: `Haus der Familie ${team}`,
      districtId: tenant.districts[team],
      visitedOn: '2026-03-10',
      offers: 'Elterncafé',
      contacts: 'Leitung: Frau Berger',
      accessRoutes: 'offene Sprechstunde',
      needsSeen: 'Väterangebote fehlen',
      agreements: 'Infoabend',
      followUps: [],
    }),
    'visit',
  );
  const walk = await ok(
    cm.post('/district-work/walks', {
      districtId: tenant.districts[team],
      walkedOn: '2026-03-12',
      participants: `Team ${team}`,
      observations: 'Spielplatz geschlossen',
    }),
    'walk',
  );
  const talk = await ok(
    cm.post('/district-work/talks', {
      kind: 'gespraech',
      districtId: tenant.districts[team],
      heldOn: '2026-03-14',
      topic: 'Freizeit im Quartier',
    }),
    'talk',
  );
  const network = await ok(
    cm.post('/district-work/networks', {
      name: `Netzwerk Frühe Hilfen ${team}`,
      ageCohort: '0-3',
      districtId: tenant.districts[team],
      staffUserIds: [userId],
      externalMembers: [],
      rulesOfProcedure: 'Treffen viermal im Jahr.',
    }),
    'district network',
  );
  const meeting = await ok(
    cm.post(`/district-work/networks/${network.id}/meetings`, {
      heldOn: '2026-03-15',
      minutes: 'Austausch über Angebote',
      agreements: 'Bedarf an die Sozialraumkoordination',
    }),
    'network meeting',
  );
  const conference = await ok(
    lead.post('/conferences', { teamId: tenant.teams[team], heldOn: '2026-03-18' }),
    'conference',
  );
  const page = await ok(
    lead.post('/knowledge', {
      kind: 'arbeitshilfe',
      title: `Hausbesuch Team ${team}`,
      body: '# Hausbesuch',
    }),
    'knowledge page',
  );
  const need = await ok(
    cm.post('/needs', {
      districtId: tenant.districts[team],
      ageCohort: '0-3',
      text: `Krabbelgruppe fehlt (${team})`,
      source: 'bedarfsrunde',
      mentionedOn: '2026-01-12',
    }),
    'need',
  );
  return {
    visit: visit.id,
    walk: walk.id,
    talk: talk.id,
    districtNetwork: network.id,
    meeting: meeting.id,
    conference: conference.id,
    knowledge: page.id,
    need: need.id,
  };
}
