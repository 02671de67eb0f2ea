import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase, person, testAddress } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestUserKey } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/**
 * A case of caseManagerA (team A, Ankerweg 7): mother Mara Beispiel, born 02.04.1988, and Görkem Beispiel, born
 * 17.05.2013; a second case of hers in the same street, Ankerweg 9.
 */
async function setup() {
  const tenant = await createTestTenant((await testDatabase()).db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const found = await openTestCase(cm, { childFirstName: 'Görkem', householdName: 'Familie Beispiel' });
  // The neighbours: same street, another house, other names and dates of birth.
  const household = await cm.post('/households', {
    name: 'Familie Anders',
    address: testAddress(cm, 'Ankerweg', '9'),
    members: [
      {
        personId: null,
        person: person('Ida', 'Anders', '2014-02-03', 'weiblich'),
        role: 'kind',
        custody: null,
      },
    ],
  });
  const other = await cm.post('/cases', {
    householdId: household.json().id,
    openedOn: '2026-01-13',
    accessRoute: 'selbstmeldung',
    reporter: null,
    concern: 'Beratung gewünscht.',
  });
  expect(other.statusCode, other.body).toBe(201);
  const search = async (who: Client | TestUserKey, q: string, scope = 'all') => {
    const client = typeof who === 'string' ? await Client.as(app, tenant, who) : who;
    const res = await client.get(`/cases?scope=${scope}&status=alle&q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { caseNumber: string }[]).map((c) => c.caseNumber);
  };
  return { tenant, cm, found, search };
}

describe('searching the cases one may read', () => {
  it('finds a case by a first name, a date of birth and the street for a user with access, and nothing for one without', async () => {
    const { cm, found, search } = await setup();
    const hit = [found.caseNumber];
    for (const q of ['Görkem', 'goerkem', 'GORKEM', 'görk', '17.05.2013', '2013-05-17', 'Mara 02.04.1988'])
      expect({ q, found: await search(cm, q) }).toEqual({ q, found: hit });
    for (const q of ['ankerw Görkem', 'Ankerweg 7', found.caseNumber, 'Beispiel'])
      expect({ q, found: await search(cm, q) }).toEqual({ q, found: hit });
    expect(await search(cm, 'Ankerweg')).toHaveLength(2);
    // Every word must match: the right name with another date of birth is not this case.
    for (const q of ['Görkem 18.05.2013', '18.05.2013', 'Görkem Bojenstraße', 'Ankerweg 8', '31.02.2013'])
      expect({ q, found: await search(cm, q) }).toEqual({ q, found: [] });

    // Who may read the case finds it (deputy, team lead); nobody else does, whatever they type.
    expect(await search('deputyA', 'Görkem 17.05.2013')).toEqual(hit);
    expect(await search('teamLeadA', 'Görkem 17.05.2013')).toEqual(hit);
    for (const who of ['colleagueA', 'caseManagerB', 'teamLeadB'] as const) {
      for (const q of ['Görkem', '17.05.2013', 'Ankerweg', found.caseNumber])
        expect({ who, q, found: await search(who, q) }).toEqual({ who, q, found: [] });
    }
  });

  it('searches the team lead’s own and her team’s cases with scope all, only hers with scope mine', async () => {
    const { search } = await setup();
    const lead = 'teamLeadA';
    expect(await search(lead, 'Görkem', 'mine')).toEqual([]);
    expect(await search(lead, 'Görkem', 'team')).toHaveLength(1);
    expect(await search(lead, 'Görkem', 'all')).toHaveLength(1);
  });

  it('takes a wildcard as a letter, and records that a search was made but not what was searched', async () => {
    const { tenant, cm, search } = await setup();
    expect(await search(cm, '%')).toEqual([]);
    expect(await search(cm, 'G_rkem')).toEqual([]);
    const { db } = await testDatabase();
    const entries = await db
      .selectFrom('audit_log')
      .select(['entity_type', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'read')
      .where('entity_type', '=', 'case_list')
      .orderBy('pending_id')
      .execute();
    expect(entries).toEqual([
      { entity_type: 'case_list', details: { scope: 'all', count: 0, search: true } },
      { entity_type: 'case_list', details: { scope: 'all', count: 0, search: true } },
    ]);
    expect(JSON.stringify(entries)).not.toContain('rkem');
  });

  it('follows a corrected name or date of birth at once: the old one finds nothing, the new one the case', async () => {
    const { cm, found, search } = await setup();
    const child = (await cm.get(`/cases/${found.caseId}`)).json().household.members[1].person;
    const corrected = await cm.put(`/persons/${child.id}`, {
      firstName: 'Gökhan',
      lastName: 'Beispiel',
      birthDate: '2013-06-18',
      gender: 'maennlich',
      language: 'deutsch',
      phone: null,
      version: child.version,
    });
    expect(corrected.statusCode, corrected.body).toBe(204);
    for (const q of ['Görkem', '17.05.2013'])
      expect({ q, found: await search(cm, q) }).toEqual({ q, found: [] });
    for (const q of ['Gökhan', 'gokhan', '18.06.2013', 'Gökhan Beispiel Mara'])
      expect({ q, found: await search(cm, q) }).toEqual({ q, found: [found.caseNumber] });
  });

  it('follows a move and a renamed household at once: the old street and name find nothing, the new ones the case', async () => {
    const { tenant, cm, found, search } = await setup();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const { version } = (await cm.get(`/cases/${found.caseId}`)).json();
    const moved = await lead.post(`/cases/${found.caseId}/move`, {
      address: testAddress(cm, 'Bojenstraße', '3'),
      reason: 'Umzug',
      version,
    });
    expect(moved.statusCode, moved.body).toBe(201);
    // Only the erasure renames a household (retention/queries/erasure.ts), in SQL like this.
    await sql`update household set name = 'Haus Neumann' where tenant_id = ${tenant.id}
      and id = ${found.householdId}`.execute((await testDatabase()).db);
    // The case is team B's now; team A's neighbours at Ankerweg 9 are not in team lead B's scope.
    for (const q of ['Ankerweg', 'Familie', 'Beispiel Ankerweg'])
      expect({ q, found: await search('teamLeadB', q) }).toEqual({ q, found: [] });
    for (const q of ['Bojenstraße', 'bojenstrasse', 'Neumann', 'Haus Bojen', 'Görkem Neumann'])
      expect({ q, found: await search('teamLeadB', q) }).toEqual({ q, found: [found.caseNumber] });
  });
});
