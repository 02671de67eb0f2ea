import type { Client } from './http.ts';

/**
 * A fixed address at one of the test tenant's streets, named as the factory names them (Ankerweg: team A's,
 * Bojenstraße: team B's), as the intake sends it: the street's id from the directory and a house number.
 */
export function testAddress(client: Client, street = 'Ankerweg', houseNumber = '7') {
  const streets: Record<string, string> = {
    Ankerweg: client.tenant.streets.a,
    Bojenstraße: client.tenant.streets.b,
  };
  const streetId = streets[street];
  if (!streetId) throw new Error(`no test street ${street}`);
  return { kind: 'fest', streetId, houseNumber };
}

/** Registers a family at the test tenant's street of team A and opens a case, as the given client. */
export async function openTestCase(
  client: Client,
  options: { childFirstName?: string; street?: string; openedOn?: string; householdName?: string } = {},
) {
  const household = await client.post('/households', {
    name: options.householdName ?? 'Familie Beispiel',
    address: testAddress(client, options.street),
    members: [
      {
        personId: null,
        person: person('Mara', 'Beispiel', '1988-04-02', 'weiblich'),
        role: 'mutter',
        custody: null,
      },
      {
        personId: null,
        person: person(options.childFirstName ?? 'Muharem', 'Beispiel', '2013-05-17', 'maennlich'),
        role: 'kind',
        custody: 'mutter',
      },
    ],
  });
  if (household.statusCode !== 201) throw new Error(`household: ${household.body}`);
  const opened = await client.post('/cases', {
    householdId: household.json().id,
    openedOn: options.openedOn ?? '2026-01-12',
    accessRoute: 'schule',
    reporter: 'Grundschule am Deich',
    concern: 'Muharem fehlt oft in der Schule; die Mutter möchte, dass er dort bleiben kann.',
  });
  if (opened.statusCode !== 201) throw new Error(`case: ${opened.body}`);
  return {
    householdId: household.json().id as string,
    caseId: opened.json().id as string,
    caseNumber: opened.json().caseNumber as string,
  };
}

export function person(firstName: string, lastName: string, birthDate: string, gender: string) {
  return { firstName, lastName, birthDate, gender, language: 'deutsch', phone: null };
}

export async function classify(
  client: Client,
  caseId: string,
  area: 'leistung' | 'grau' | 'gefaehrdung',
  participantIds: string[],
) {
  const res = await client.post(`/cases/${caseId}/risk-consultations`, {
    heldOn: '2026-01-14',
    participantIds,
    facts: 'Schule meldet Fehlzeiten; Mutter kooperativ.',
    area,
    nextSteps: 'Gespräch mit der Familie',
  });
  if (res.statusCode !== 201) throw new Error(`classify: ${res.body}`);
}

/**
 * What closing the case on `closedOn` must decide (cases/closing.ts): each approved help not ended by then ends
 * ("planmäßig"), each planned one is withdrawn, as a test that closes a case with help decides.
 */
export async function closingDecisions(client: Client, caseId: string, closedOn: string) {
  const measures = (await client.get(`/cases/${caseId}/measures`)).json() as {
    id: string;
    status: string;
    endOn: string | null;
    version: number;
  }[];
  return measures.flatMap((m): Record<string, unknown>[] => {
    if (m.status === 'geplant')
      return [
        { measureId: m.id, action: 'zurueckziehen', reason: 'Fall wird abgeschlossen', version: m.version },
      ];
    if (m.status === 'bewilligt' && (m.endOn === null || m.endOn > closedOn))
      return [{ measureId: m.id, action: 'beenden', endReason: 'planmaessig', version: m.version }];
    return [];
  });
}
