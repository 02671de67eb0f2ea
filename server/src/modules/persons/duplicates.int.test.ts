import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestCase, person, testAddress } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());
afterEach(() => {
  vi.useRealTimers();
});

const muharrem = { firstName: 'Muharrem', lastName: 'Beispiel', birthDate: '2013-05-17' };

async function lookups(tenant: TestTenant, userId: string) {
  const { db } = await testDatabase();
  return db
    .selectFrom('audit_log')
    .select(['action', 'entity_type', 'details'])
    .where('tenant_id', '=', tenant.id)
    .where('actor_id', '=', userId)
    .where('action', 'in', ['search', 'search_refused'])
    .orderBy('pending_id')
    .execute();
}

describe('duplicate search: who is found and whom to ask', () => {
  it('answers a person born on the day and a namesake of unknown date together, each with access and contacts of her own', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    await openTestCase(await Client.as(app, tenant, 'caseManagerA'));
    const cm = await Client.as(app, tenant, 'caseManagerB');
    const household = await cm.post('/households', {
      name: 'Familie Beispiel',
      address: testAddress(cm, 'Bojenstraße'),
      members: [
        {
          personId: null,
          person: { ...person('Muharrem', 'Beispiel', '1980-01-01', 'maennlich'), birthDate: null },
          role: 'vater',
          custody: null,
        },
      ],
    });
    expect(household.statusCode).toBe(201);
    const opened = await cm.post('/cases', {
      householdId: household.json().id,
      openedOn: '2026-02-02',
      accessRoute: 'selbstmeldung',
      reporter: null,
      concern: 'Der Vater bittet um Beratung.',
    });
    expect(opened.statusCode).toBe(201);

    const res = await cm.post('/persons/duplicates', muharrem);
    expect(res.statusCode).toBe(200);
    const found = (res.json() as { accessible: boolean }[]).sort(
      (a, b) => Number(a.accessible) - Number(b.accessible),
    );
    expect(found).toEqual([
      // Born on the day, in team A's case: only whom to ask.
      {
        match: 'phonetik',
        accessible: false,
        person: null,
        contacts: [{ leadName: 'Test caseManagerA', teamName: 'Team A' }],
      },
      // The namesake of unknown date, in her own household: she may work with him.
      {
        match: 'phonetik',
        accessible: true,
        person: { id: expect.any(String), firstName: 'Muharrem', lastName: 'Beispiel', birthDate: null },
        contacts: [{ leadName: 'Test caseManagerB', teamName: 'Team B' }],
      },
    ]);
  });
});

describe('duplicate search: audited and rate-limited', () => {
  it('audits each lookup with the terms searched, the number of hits and the persons found', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId } = await openTestCase(cm);
    const childId = (await cm.get(`/cases/${caseId}`)).json().household.members[1].person.id as string;
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect((await other.post('/persons/duplicates', muharrem)).json()).toHaveLength(1);
    const unknown = { firstName: 'Ida', lastName: 'Nirgends', birthDate: '2015-01-01' };
    expect((await other.post('/persons/duplicates', unknown)).json()).toEqual([]);

    expect(await lookups(tenant, tenant.users.caseManagerB.id)).toEqual([
      {
        action: 'search',
        entity_type: 'person',
        details: { purpose: 'duplicates', via: 'intake', terms: muharrem, hits: 1, personIds: [childId] },
      },
      // A lookup without hits is recorded too: it still tells the user that a person is not known.
      {
        action: 'search',
        entity_type: 'person',
        details: { purpose: 'duplicates', via: 'intake', terms: unknown, hits: 0, personIds: [] },
      },
    ]);
  });

  it('answers the office-wide lookup ("Ist die Familie bekannt?") with whether and where only, audited as a lookup', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    await openTestCase(await Client.as(app, tenant, 'caseManagerA'));
    const other = await Client.as(app, tenant, 'caseManagerB');
    const res = await other.post('/persons/duplicates', { ...muharrem, via: 'lookup' });
    expect(res.statusCode).toBe(200);
    // The same answer as at intake: no name, no id, no content of the case; whom to ask.
    expect(res.json()).toEqual([
      {
        match: 'phonetik',
        accessible: false,
        person: null,
        contacts: [{ leadName: 'Test caseManagerA', teamName: 'Team A' }],
      },
    ]);
    expect(await lookups(tenant, tenant.users.caseManagerB.id)).toEqual([
      {
        action: 'search',
        entity_type: 'person',
        details: {
          purpose: 'duplicates',
          via: 'lookup',
          terms: muharrem,
          hits: 1,
          personIds: [expect.any(String)],
        },
      },
    ]);
  });

  it('counts lookups at intake and office-wide against one limit', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const cm = await Client.as(app, tenant, 'caseManagerB');
    for (let i = 0; i < 30; i++) {
      const via = i % 2 === 0 ? 'intake' : 'lookup';
      expect((await cm.post('/persons/duplicates', { ...muharrem, via })).statusCode).toBe(200);
    }
    expect((await cm.post('/persons/duplicates', { ...muharrem, via: 'lookup' })).statusCode).toBe(429);
  });

  it('refuses the 31st lookup within ten minutes with 429 and Retry-After, audits it, and limits only that user', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const cm = await Client.as(app, tenant, 'caseManagerB');
    for (let i = 0; i < 30; i++) {
      const res = await cm.post('/persons/duplicates', {
        ...muharrem,
        birthDate: `2010-01-${10 + (i % 19)}`,
      });
      expect(res.statusCode).toBe(200);
    }
    const refused = await cm.post('/persons/duplicates', muharrem);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'too_many_attempts' });
    expect(refused.json().detail).toContain('Dubletten');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(600);

    const entries = await lookups(tenant, tenant.users.caseManagerB.id);
    expect(entries.filter((e) => e.action === 'search')).toHaveLength(30);
    expect(entries.at(-1)).toEqual({
      action: 'search_refused',
      entity_type: 'person',
      details: { purpose: 'duplicates', via: 'intake', terms: muharrem, reason: 'rate_limit' },
    });
    // Another user of the same team is not affected.
    expect(
      (await (await Client.as(app, tenant, 'caseManagerA')).post('/persons/duplicates', muharrem)).statusCode,
    ).toBe(200);
  });

  it('lets the user search again once the oldest lookups have left the window', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const cm = await Client.as(app, tenant, 'caseManagerB');
    for (let i = 0; i < 30; i++)
      expect((await cm.post('/persons/duplicates', muharrem)).statusCode).toBe(200);
    expect((await cm.post('/persons/duplicates', muharrem)).statusCode).toBe(429);
    // Only the clock moves on, eleven minutes; refusals in between do not extend the wait.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    expect((await cm.post('/persons/duplicates', muharrem)).statusCode).toBe(200);
  });

  it('counts parallel lookups one after another: of 40 sent at once exactly 30 are answered', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const cm = await Client.as(app, tenant, 'caseManagerB');
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => cm.post('/persons/duplicates', muharrem)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });
});
