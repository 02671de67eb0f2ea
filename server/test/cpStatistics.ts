import { person, testAddress } from './cases.ts';
import type { Client } from './http.ts';

/**
 * Test helpers for the § 8a statistic: a family with children of every sex, and a check run through all its steps
 * at given days of a past year (server/src/modules/childProtection/statistics.ts).
 */

const ok = async (res: Promise<{ statusCode: number; body: string; json: () => unknown }>, what: string) => {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r.body ? (r.json() as Record<string, unknown>) : {};
};

/** A household with a mother and four children born in `year`-… (one of each sex), and a case opened on `openedOn`. */
export async function openStatisticsFamily(
  client: Client,
  name: string,
  openedOn: string,
  childYear: number,
) {
  const children = [
    ['Anna', 'weiblich', `${childYear}-02-14`],
    ['Ben', 'maennlich', `${childYear + 2}-07-30`],
    ['Charlie', 'divers', `${childYear + 4}-11-02`],
    ['Dana', 'ohne_angabe', `${childYear + 6}-05-09`],
  ] as const;
  const household = await ok(
    client.post('/households', {
      name: `Familie ${name}`,
      address: testAddress(client, 'Ankerweg', '3'),
      members: [
        {
          personId: null,
          person: person('Petra', name, '1985-01-20', 'weiblich'),
          role: 'mutter',
          custody: null,
        },
        ...children.map(([first, gender, born]) => ({
          personId: null,
          person: person(first, name, born, gender),
          role: 'kind',
          custody: 'mutter',
        })),
      ],
    }),
    'household',
  );
  const opened = await ok(
    client.post('/cases', {
      householdId: household.id,
      openedOn,
      accessRoute: 'kita',
      reporter: null,
      concern: 'Sorge um die Kinder.',
    }),
    'case',
  );
  const caseId = opened.id as string;
  const detail = (await ok(client.get(`/cases/${caseId}`), 'detail')) as {
    household: {
      members: { person: { id: string; firstName: string; birthDate: string; gender: string } }[];
    };
  };
  const kids = children.map(([first]) => {
    const member = detail.household.members.find((m) => m.person.firstName === first);
    if (!member) throw new Error(first);
    return member.person;
  });
  return { caseId, children: kids };
}

export interface CheckSpec {
  childId: string;
  /** The report's day (received 08:00 UTC); the steps follow on the next days. */
  receivedOn: string;
  completedOn: string;
  reporterKind: string;
  result: string;
  residence: string;
  motherAgeGroup: string;
  fatherAgeGroup: string;
  parentForeignOrigin: string;
  germanAtHome: string;
  servicesInUse: boolean;
  serviceKinds: string[];
  endangermentTypes: string[];
  dangerSources: string[];
  visit: 'seen' | 'not_seen' | 'not_needed';
  /** Consequences: kind and, for a Hilfeangebot, the service offered. */
  consequences: { kind: 'hilfeangebot' | 'familiengericht' | 'inobhutnahme'; offerKind?: string }[];
}

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const measure = (kind: string, decidedOn: string, receivedOn: string, offerKind?: string) => ({
  kind,
  decidedOn,
  description: kind === 'familiengericht' ? 'Eltern nehmen keine Hilfe an.' : null,
  mandateIds: [],
  reviewDates: [],
  offerKind: offerKind ?? null,
  beginAt: kind === 'inobhutnahme' ? at(receivedOn, 12) : null,
  place: kind === 'inobhutnahme' ? 'Kinder- und Jugendnotdienst' : null,
  carersInformedAt: null,
  carersInformedHow: kind === 'inobhutnahme' ? 'persönlich vor Ort' : null,
  endAt: null,
  endReason: null,
});

/** Report, urgency, assessment by two, visit, result and consequences: one completed assessment. */
export async function recordCheck(client: Client, caseId: string, assessors: string[], s: CheckSpec) {
  const base = `/cases/${caseId}/child-protection`;
  const created = await ok(
    client.post(base, {
      childId: s.childId,
      receivedAt: at(s.receivedOn, 8),
      reporterKind: s.reporterKind,
      reporterName: null,
      channel: 'telefonisch',
      reportText: 'Meldung einer möglichen Gefährdung.',
      takenById: assessors[0],
    }),
    'report',
  );
  const id = created.id as string;
  const visit =
    s.visit === 'not_needed'
      ? { status: 'nicht_erforderlich', at: null, kind: null, childSeen: null, reason: 'Kind ist bekannt.' }
      : {
          status: 'durchgefuehrt',
          at: at(s.receivedOn, 15),
          kind: 'hausbesuch',
          childSeen: s.visit === 'seen',
        };
  const steps: [string, object][] = [
    ['urgency', { urgency: 'innerhalb_72h', decidedAt: at(s.receivedOn, 9), reason: null, version: 1 }],
    [
      'assessment',
      {
        heldAt: at(s.receivedOn, 11),
        participantIds: assessors,
        facts: 'Sachverhalt.',
        riskFactors: 'Risiken.',
        protectiveFactors: 'Schutz.',
        version: 2,
      },
    ],
    ['visit', { findings: null, reason: null, ...visit, version: 3 }],
    [
      'result',
      {
        result: s.result,
        completedOn: s.completedOn,
        endangermentTypes: s.endangermentTypes,
        dangerSources: s.dangerSources,
        residence: s.residence,
        motherAgeGroup: s.motherAgeGroup,
        fatherAgeGroup: s.fatherAgeGroup,
        parentForeignOrigin: s.parentForeignOrigin,
        germanAtHome: s.germanAtHome,
        servicesInUse: s.servicesInUse,
        serviceKinds: s.serviceKinds,
        note: null,
        version: 4,
      },
    ],
  ];
  for (const [path, body] of steps) await ok(client.put(`${base}/${id}/${path}`, body), path);
  for (const c of s.consequences)
    await ok(
      client.post(`${base}/${id}/measures`, measure(c.kind, s.completedOn, s.receivedOn, c.offerKind)),
      c.kind,
    );
  return id;
}
