import { createHash, randomBytes } from 'node:crypto';
import { type CrashClient, NoAnswer, type Reply, RunOver } from './client.ts';

/**
 * The writers of the crash suite: each does what a case manager does with a new family, one request after the
 * other, and records every write the server acknowledged (2xx) with exactly what it wrote. A request without an
 * answer (the server was killed) is not acknowledged: the writer starts again with a new family.
 */

export interface GoalAck {
  text: string;
  dueOn: string;
  steps: { who: string; what: string; dueOn: string }[];
}

export type Ack =
  | {
      kind: 'household';
      id: string;
      name: string;
      members: { firstName: string; lastName: string; birthDate: string; role: string }[];
    }
  | { kind: 'case'; id: string; caseNumber: string; householdId: string; concern: string }
  | { kind: 'note'; id: string; caseId: string; text: string }
  | { kind: 'goals'; caseId: string; will: string; directionGoal: string; goals: GoalAck[] }
  | { kind: 'measure'; id: string; caseId: string; personId: string; amount: string; unit: string }
  | { kind: 'document'; id: string; caseId: string; fileName: string; size: number; sha256: string };

/** What the writers need from the tenant: street ids for addresses and the help types of a flexible help. */
export interface Catalogue {
  streetIds: string[];
  flexibleHelpTypeId: string;
  underlyingHelpTypeId: string;
}

export interface WriteLog {
  acks: Ack[];
  /** Requests the server never answered (killed in flight): not acknowledged, so not checked for presence. */
  unanswered: number;
  /** Answers other than 2xx to a valid write: each is a violation. */
  refusals: string[];
}

const firstNames = ['Mara', 'Jonas', 'Aylin', 'Emil', 'Lena', 'Yusuf', 'Greta', 'Milan', 'Ida', 'Noah'];
const lastNames = ['Deichmann', 'Kaya', 'Brandt', 'Nowak', 'Petersen', 'Yilmaz', 'Hansen', 'Wolter'];
const noteKinds = ['hausbesuch', 'telefonat', 'gespraech_im_amt'];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const day = (year: number) =>
  `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;

/** Thrown when the server answered a write with something other than 2xx; the writer starts over. */
class Refused extends Error {}

function expect(res: Reply, status: number, what: string, log: WriteLog): Record<string, unknown> {
  if (res.status === status) return res.body as Record<string, unknown>;
  log.refusals.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  throw new Refused(what);
}

/** One family's file, from registration to an uploaded document; `tag` makes every text of it unique. */
async function oneFamily(client: CrashClient, catalogue: Catalogue, tag: string, log: WriteLog) {
  const last = pick(lastNames);
  const members = [
    { firstName: pick(firstNames), lastName: last, birthDate: day(1985), role: 'mutter' },
    { firstName: pick(firstNames), lastName: last, birthDate: day(2014), role: 'kind' },
  ];
  const name = `Familie ${last} ${tag}`;
  const household = expect(
    await client.request('POST', '/households', {
      name,
      address: {
        kind: 'fest',
        streetId: pick(catalogue.streetIds),
        houseNumber: String(1 + (tag.length % 90)),
      },
      members: members.map((m) => ({
        personId: null,
        person: {
          firstName: m.firstName,
          lastName: m.lastName,
          birthDate: m.birthDate,
          gender: m.role === 'mutter' ? 'weiblich' : 'maennlich',
          language: 'deutsch',
          phone: null,
        },
        role: m.role,
        custody: m.role === 'kind' ? 'mutter' : null,
      })),
    }),
    201,
    'household',
    log,
  );
  const householdId = String(household.id);
  log.acks.push({ kind: 'household', id: householdId, name, members });

  const concern = `Schule meldet Fehlzeiten (${tag}); die Mutter bittet um Unterstützung.`;
  const opened = expect(
    await client.request('POST', '/cases', {
      householdId,
      openedOn: '2026-01-12',
      accessRoute: 'schule',
      reporter: 'Grundschule am Deich',
      concern,
    }),
    201,
    'case',
    log,
  );
  const caseId = String(opened.id);
  log.acks.push({ kind: 'case', id: caseId, caseNumber: String(opened.caseNumber), householdId, concern });

  // From here on a lost answer costs only its own write: the family goes on with the next one.
  const attempt = async (step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      if (!(error instanceof NoAnswer) || error instanceof RunOver) throw error;
      log.unanswered++;
    }
  };
  for (let n = 0; n < 2; n++) {
    await attempt(async () => {
      const text = `Gespräch ${n + 1} mit der Familie (${tag}): Absprachen zur Schule getroffen.`;
      const note = expect(
        await client.request('POST', `/cases/${caseId}/notes`, {
          occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
          kind: pick(noteKinds),
          staffIds: [],
          others: ['Mutter'],
          text,
          link: null,
          correctsId: null,
        }),
        201,
        'note',
        log,
      );
      log.acks.push({ kind: 'note', id: String(note.id), caseId, text });
    });
  }

  await attempt(async () => {
    // Wille und Ziele: one request, five rows (the will, two goals, two steps each).
    const goals: GoalAck[] = [1, 2].map((g) => ({
      text: `Handlungsziel ${g} (${tag}): regelmäßiger Schulbesuch`,
      dueOn: day(2027),
      steps: [1, 2].map((s) => ({ who: 'Mutter', what: `Schritt ${g}.${s} (${tag})`, dueOn: day(2027) })),
    }));
    const will = `Die Familie möchte zusammenbleiben (${tag}).`;
    const directionGoal = `Das Kind geht gern zur Schule (${tag}).`;
    const saved = await client.request('PUT', `/cases/${caseId}/will-and-goals`, {
      will,
      directionGoal,
      actionGoals: goals.map((g) => ({
        id: null,
        ...g,
        steps: g.steps.map((s) => ({ ...s, resourceId: null })),
      })),
      version: 0,
    });
    if (saved.status !== 200 && saved.status !== 204) expect(saved, 204, 'will-and-goals', log);
    log.acks.push({ kind: 'goals', caseId, will, directionGoal, goals });
  });

  // A read may be repeated until it is answered.
  let child: string | undefined;
  while (!child) {
    await attempt(async () => {
      const detail = expect(await client.request('GET', `/cases/${caseId}`), 200, 'case detail', log) as {
        household: { members: { role: string; person: { id: string } }[] };
      };
      child = detail.household.members.find((m) => m.role === 'kind')?.person.id;
    });
  }
  const personId = child;
  await attempt(async () => {
    const cents = String(Math.floor(Math.random() * 100)).padStart(2, '0');
    const amount = `${40 + Math.floor(Math.random() * 60)}.${cents}`;
    const measure = expect(
      await client.request('POST', `/cases/${caseId}/measures`, {
        personId,
        helpTypeId: catalogue.flexibleHelpTypeId,
        offerId: null,
        individualRate: { amount, unit: 'hour' },
        category: null,
        underlyingHelpTypeId: catalogue.underlyingHelpTypeId,
        beginOn: '2026-03-01',
        plannedEndOn: '2026-12-31',
        hoursPerWeek: '4',
        helpPlanId: null,
        reasons: ['eingeschränkte Erziehungskompetenz'],
      }),
      201,
      'measure',
      log,
    );
    log.acks.push({ kind: 'measure', id: String(measure.id), caseId, personId, amount, unit: 'hour' });
  });

  await attempt(async () => {
    const content = Buffer.from(
      `Schulbericht ${tag}\n${randomBytes(2048 + Math.floor(Math.random() * 30_000)).toString('base64')}\n`,
    );
    const fileName = `Schulbericht-${tag}.txt`;
    const doc = expect(
      await client.upload(`/cases/${caseId}/documents`, fileName, 'text/plain', content),
      201,
      'document',
      log,
    );
    log.acks.push({
      kind: 'document',
      id: String(doc.id),
      caseId,
      fileName,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  });
}

/**
 * A writer: families one after the other until `done()`. A lost answer to the household or the case starts a new
 * family; a refusal too (and is a violation).
 */
export async function writer(
  client: CrashClient,
  catalogue: Catalogue,
  name: string,
  log: WriteLog,
  done: () => boolean,
): Promise<void> {
  for (let n = 1; !done(); n++) {
    try {
      await oneFamily(client, catalogue, `${name}-${n}`, log);
    } catch (error) {
      if (error instanceof RunOver) return;
      if (error instanceof NoAnswer) log.unanswered++;
      else if (!(error instanceof Refused)) log.refusals.push(`${name}: ${(error as Error).message}`);
    }
  }
}
