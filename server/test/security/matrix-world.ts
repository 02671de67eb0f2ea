import type { Role } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { classify, person, testAddress } from '../cases.ts';
import { reportBody } from '../childProtection.ts';
import { testDatabase } from '../db.ts';
import { uploadDocument } from '../documents.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant, type TestUserKey } from '../factories.ts';
import { Client } from '../http.ts';
import { createOffer, createProvider, helpTypesOf, spfhMeasure } from '../measures.ts';
import { buildTeamRecords, ok } from './matrix-team.ts';

/**
 * The fixture world of the authorisation matrix: tenant 1 with teams A and B, each with a case full of records
 * (household, persons, notes (one confided), document, process instance, measure, § 8a check, mandate, resource, network tie, consent), the
 * team's district work (visit, walk, talk, network with a meeting), its Wochenkonferenz, a knowledge page and a need; and a second tenant with the same. Every family carries a surname of its
 * own (the side's marker), so a response that leaks a family is found by its name.
 */
export type Side = 'own' | 'otherTeam' | 'otherTenant';
export const sides: readonly Side[] = ['own', 'otherTeam', 'otherTenant'];

/** The surname of each side's family: found in a response, it means that family's data was sent. */
export const markers: Record<Side, string> = {
  own: 'Ankerwald',
  otherTeam: 'Bojenfeld',
  otherTenant: 'Xenodorf',
};

/** The acting users, all of tenant 1: team A's people and those without a team. */
export const actorKeys = [
  'caseManagerA',
  'deputyA',
  'colleagueA',
  'teamLeadA',
  'coordinatorA',
  'centreLead',
  'clerk',
  'finance',
  'controller',
  'director',
  'admin',
] as const;
export type ActorKey = (typeof actorKeys)[number];

/** Roles the test factory does not create: added to tenant 1 here (one user each, no team). */
const extraRoles: Record<Exclude<ActorKey, TestUserKey>, Role> = {
  centreLead: 'centre_lead',
  clerk: 'clerk',
};

export interface World {
  app: FastifyInstance;
  tenant: TestTenant;
  foreign: TestTenant;
  clients: Record<ActorKey, Client>;
  roles: Record<ActorKey, readonly Role[]>;
  /** Record ids per kind (case, person, measure, ...) for each side. */
  ids: Record<Side, Record<string, string>>;
}

/** One team's case with its records, made by that team's case manager. */
async function buildSide(
  cm: Client,
  lead: Client,
  fin: Client,
  tenant: TestTenant,
  team: 'a' | 'b',
  surname: string,
  userId: string,
): Promise<Record<string, string>> {
  const street = team === 'a' ? 'Ankerweg' : 'Bojenstraße';
  const household = await ok(
    cm.post('/households', {
      name: `Familie ${surname}`,
      address: testAddress(cm, street, '3'),
      members: [
        {
          personId: null,
          person: person('Mara', surname, '1988-04-02', 'weiblich'),
          role: 'mutter',
          custody: null,
        },
        {
          personId: null,
          person: person('Kai', surname, '2015-05-17', 'maennlich'),
          role: 'kind',
          custody: 'mutter',
        },
      ],
    }),
    'household',
  );
  const opened = await ok(
    cm.post('/cases', {
      householdId: household.id,
      openedOn: '2026-01-12',
      accessRoute: 'schule',
      reporter: 'Grundschule am Deich',
      concern: `Kai ${surname} fehlt oft in der Schule.`,
    }),
    'case',
  );
  const caseId = opened.id as string;
  const peer = team === 'a' ? tenant.users.colleagueA.id : tenant.users.teamLeadB.id;
  await classify(cm, caseId, 'grau', [userId, peer]);
  const detail = await ok(cm.get(`/cases/${caseId}`), 'case detail');
  const members = detail.household.members as { role: string; person: { id: string } }[];
  const child = members.find((m) => m.role === 'kind')?.person.id as string;
  const mother = members.find((m) => m.role === 'mutter')?.person.id as string;
  const note = await ok(
    cm.post(`/cases/${caseId}/notes`, {
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      kind: 'hausbesuch',
      staffIds: [],
      others: [`Frau ${surname} (Mutter)`],
      text: `Hausbesuch bei Familie ${surname}.`,
      link: null,
      correctsId: null,
    }),
    'note',
  );
  const confidedNote = await ok(
    cm.post(`/cases/${caseId}/notes`, {
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      kind: 'telefonat',
      staffIds: [],
      others: [],
      text: 'Die Mutter vertraut etwas an.',
      link: null,
      correctsId: null,
    }),
    'confided note',
  );
  const mark = await ok(
    cm.post(`/cases/${caseId}/confided`, {
      itemType: 'case_note',
      itemId: confidedNote.id,
      confidedTo: null,
    }),
    'confided mark',
  );
  const instances = (await ok(cm.get(`/cases/${caseId}/processes`), 'processes')) as {
    id: string;
    steps: { id: string }[];
  }[];
  const doc = await ok(
    uploadDocument(cm, caseId, `Bericht-${surname}.txt`, 'text/plain', Buffer.from(`Bericht ${surname}`)),
    'document',
  );
  const check = await ok(cm.post(`/cases/${caseId}/child-protection`, reportBody(child, userId)), 'check');
  const mandate = await ok(
    cm.post(`/cases/${caseId}/mandates`, {
      kind: 'auftrag',
      purpose: 'klaerung',
      text: 'Vorsorgeuntersuchung U9 beim Kinderarzt nachweisen',
      addressee: `Frau ${surname}`,
      dueOn: '2026-03-01',
      checkMethod: 'Kopie des Untersuchungshefts',
      reviewOn: '2026-03-08',
      consequence: 'Sonst Überführung in eine Auflage',
    }),
    'mandate',
  );
  const resource = await ok(
    cm.post(`/cases/${caseId}/resources`, {
      area: 'sozial',
      description: `Großmutter ${surname} hilft nachmittags.`,
      goalId: null,
      directoryEntryId: null,
    }),
    'resource',
  );
  const tie = await ok(
    cm.post(`/cases/${caseId}/network`, {
      name: `Oma ${surname}`,
      kind: 'person',
      closeness: 1,
      quality: 'stark',
      angle: 90,
    }),
    'network',
  );
  const consent = await ok(
    cm.post(`/cases/${caseId}/consents`, {
      personId: mother,
      recipient: 'Schulsozialarbeit',
      purpose: 'Austausch über Fehlzeiten',
      validFrom: '2026-01-20',
      validUntil: null,
    }),
    'consent',
  );
  const type = await helpTypesOf(cm);
  const provider = await createProvider(fin, `Träger ${team}`);
  const offer = await createOffer(fin, {
    providerId: provider,
    name: 'SpFH',
    helpTypeId: type('31'),
    unit: 'hour',
    amount: '70.00',
  });
  const measure = await ok(
    cm.post(`/cases/${caseId}/measures`, spfhMeasure(child, type('31'), offer)),
    'measure',
  );
  const teamRecords = await buildTeamRecords(cm, lead, tenant, team, userId);
  const { db } = await testDatabase();
  const responsibility = await db
    .selectFrom('responsibility')
    .select('id')
    .where('tenant_id', '=', tenant.id)
    .where('team_id', '=', tenant.teams[team])
    .executeTakeFirstOrThrow();
  return {
    case: caseId,
    household: household.id,
    person: child,
    mother,
    note: note.id,
    document: doc.id,
    mark: mark.id,
    instance: instances[0]?.id as string,
    step: instances[0]?.steps[0]?.id as string,
    check: check.id,
    mandate: mandate.id,
    resource: resource.id,
    network: tie.id,
    consent: consent.id,
    measure: measure.id,
    offer,
    provider,
    ...teamRecords,
    team: tenant.teams[team],
    district: tenant.districts[team],
    street: tenant.streets[team],
    socialCentre: tenant.centreId,
    responsibility: responsibility.id,
    user: userId,
  };
}

/** Builds the world: two tenants, team A's and team B's case in the first, team A's case in the second. */
export async function buildWorld(app: FastifyInstance): Promise<World> {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const foreign = await createTestTenant(db);
  const hash = await hashPassword(TEST_PASSWORD);
  for (const [key, role] of Object.entries(extraRoles)) {
    await db
      .insertInto('app_user')
      .values({
        tenant_id: tenant.id,
        username: key.toLowerCase(),
        display_name: `Test ${key}`,
        email: null,
        password_hash: hash,
        roles: [role],
        team_id: null,
      })
      .execute();
  }
  const login = async (t: TestTenant, key: string): Promise<Client> => {
    const client = new Client(app, t);
    const res = await client.login(key.toLowerCase(), TEST_PASSWORD);
    if (res.statusCode !== 200) throw new Error(`login of ${key}: ${res.body}`);
    return client;
  };
  const clients = {} as Record<ActorKey, Client>;
  const roles = {} as Record<ActorKey, readonly Role[]>;
  for (const key of actorKeys) {
    clients[key] = await login(tenant, key);
    const row = await db
      .selectFrom('app_user')
      .select('roles')
      .where('tenant_id', '=', tenant.id)
      .where('username', '=', key.toLowerCase())
      .executeTakeFirstOrThrow();
    roles[key] = row.roles as Role[];
  }
  const ids = {
    own: await buildSide(
      clients.caseManagerA,
      clients.teamLeadA,
      clients.finance,
      tenant,
      'a',
      markers.own,
      tenant.users.caseManagerA.id,
    ),
    otherTeam: await buildSide(
      await login(tenant, 'caseManagerB'),
      await login(tenant, 'teamLeadB'),
      clients.finance,
      tenant,
      'b',
      markers.otherTeam,
      tenant.users.caseManagerB.id,
    ),
    otherTenant: await buildSide(
      await login(foreign, 'caseManagerA'),
      await login(foreign, 'teamLeadA'),
      await login(foreign, 'finance'),
      foreign,
      'a',
      markers.otherTenant,
      foreign.users.caseManagerA.id,
    ),
  };
  return { app, tenant, foreign, clients, roles, ids };
}
