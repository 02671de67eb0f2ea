import { addDays, todayIso } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { person, testAddress } from './cases.ts';
import { testDatabase } from './db.ts';
import { createTestTenant } from './factories.ts';
import { Client } from './http.ts';

/** Test helpers for the § 8a process (server/src/modules/childProtection). */

/** An instant `hours` ago, as the API takes it. */
export const hoursAgo = (hours: number, now = Date.now()) => new Date(now - hours * 3_600_000).toISOString();

/**
 * A family with two children (Lina, 6, and Timo, 12) and their mother at team A's street, and a case opened a
 * month ago. Returns the ids.
 */
export async function openFamilyCase(client: Client) {
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const household = await client.post('/households', {
    name: 'Familie Kinderschutz',
    address: testAddress(client, 'Ankerweg', '12'),
    members: [
      {
        personId: null,
        person: person('Sandra', 'Kinderschutz', '1990-02-11', 'weiblich'),
        role: 'mutter',
        custody: null,
      },
      {
        personId: null,
        person: person('Lina', 'Kinderschutz', `${year - 6}-03-04`, 'weiblich'),
        role: 'kind',
        custody: 'mutter',
      },
      {
        personId: null,
        person: person('Timo', 'Kinderschutz', `${year - 12}-09-21`, 'maennlich'),
        role: 'kind',
        custody: 'mutter',
      },
    ],
  });
  if (household.statusCode !== 201) throw new Error(`household: ${household.body}`);
  const opened = await client.post('/cases', {
    householdId: household.json().id,
    openedOn: addDays(today, -30),
    accessRoute: 'kita',
    reporter: 'Kita Regenbogen',
    concern: 'Die Kita meldet wiederholt blaue Flecken bei Lina.',
  });
  if (opened.statusCode !== 201) throw new Error(`case: ${opened.body}`);
  const caseId = opened.json().id as string;
  const members = (await client.get(`/cases/${caseId}`)).json().household.members as {
    role: string;
    person: { id: string; firstName: string };
  }[];
  const idOf = (name: string) => members.find((m) => m.person.firstName === name)?.person.id as string;
  return {
    caseId,
    householdId: household.json().id as string,
    lina: idOf('Lina'),
    timo: idOf('Timo'),
    mother: idOf('Sandra'),
  };
}

/**
 * A fresh tenant, caseManagerA's client and the family case of `openFamilyCase`; `assessors` are caseManagerA and
 * colleagueA (the two professionals of an assessment), `base` is the path of the case's § 8a checks.
 */
export async function setupChildProtection(app: FastifyInstance) {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const family = await openFamilyCase(cm);
  const assessors: [string, string] = [tenant.users.caseManagerA.id, tenant.users.colleagueA.id];
  return { db, tenant, cm, assessors, ...family, base: `/cases/${family.caseId}/child-protection` };
}

export function reportBody(childId: string, takenById: string, receivedAt = hoursAgo(72)) {
  return {
    childId,
    receivedAt,
    reporterKind: 'kita',
    reporterName: 'Frau Öztürk, Kita Regenbogen',
    channel: 'telefonisch',
    reportText: 'Lina hatte heute erneut blaue Flecken am Oberarm und wollte nicht nach Hause.',
    takenById,
  };
}

export const resultBody = (result: string, version: number) => ({
  result,
  completedOn: todayIso(),
  endangermentTypes: ['akut', 'latent'].includes(result) ? ['koerperlich'] : [],
  dangerSources: ['akut', 'latent'].includes(result) ? ['stiefelternteil'] : [],
  residence: 'elternteil_partner',
  motherAgeGroup: 'ab_27',
  fatherAgeGroup: 'unbekannt',
  parentForeignOrigin: 'nein',
  germanAtHome: 'ja',
  servicesInUse: true,
  serviceKinds: ['kindertagesbetreuung'],
  note: null,
  version,
});

/** The urgency "within 24 hours", decided an hour after the default report's receipt. */
export const urgencyBody = (version: number, decidedAt = hoursAgo(71)) => ({
  urgency: 'innerhalb_24h',
  decidedAt,
  reason: null,
  version,
});

/** The body of a consequence (a protection measure) of `kind`, decided today, with `over` changed. */
export const consequenceBody = (kind: string, over: Record<string, unknown> = {}) => ({
  kind,
  decidedOn: todayIso(),
  description: null,
  mandateIds: [],
  reviewDates: [],
  offerKind: null,
  beginAt: null,
  place: null,
  carersInformedAt: null,
  carersInformedHow: null,
  endAt: null,
  endReason: null,
  ...over,
});

/** Report, urgency (24 h), assessment by two, home visit and the result: the check ready for its consequences. */
export async function checkWithResult(
  client: Client,
  caseId: string,
  childId: string,
  assessors: [string, string],
  result: string,
) {
  const base = `/cases/${caseId}/child-protection`;
  const created = await client.post(base, reportBody(childId, assessors[0]));
  if (created.statusCode !== 201) throw new Error(`report: ${created.body}`);
  const id = created.json().id as string;
  const steps: [string, object][] = [
    ['urgency', urgencyBody(1)],
    [
      'assessment',
      {
        heldAt: hoursAgo(60),
        participantIds: assessors,
        facts: 'Gespräch mit der Kita und der Mutter.',
        riskFactors: 'Wiederholte Verletzungen.',
        protectiveFactors: 'Mutter sucht Hilfe.',
        version: 2,
      },
    ],
    [
      'visit',
      {
        status: 'durchgefuehrt',
        at: hoursAgo(50),
        kind: 'hausbesuch',
        childSeen: true,
        findings: null,
        reason: null,
        version: 3,
      },
    ],
    ['result', resultBody(result, 4)],
  ];
  for (const [path, body] of steps) {
    const res = await client.put(`${base}/${id}/${path}`, body);
    if (res.statusCode !== 204) throw new Error(`${path}: ${res.body}`);
  }
  return id;
}
