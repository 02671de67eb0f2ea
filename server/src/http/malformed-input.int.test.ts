import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase, person } from '../../test/cases.ts';
import { testDatabase } from '../../test/db.ts';
import { createTestTenant } from '../../test/factories.ts';
import { Client, testApp } from '../../test/http.ts';

/**
 * Input PostgreSQL would refuse (NUL bytes, integers beyond int4, years outside its range) or that is no text at
 * all must be answered with 400 naming the field, before anything is written: never with 500.
 */
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

function expectFieldProblem(res: LightMyRequestResponse, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const problem = res.json();
  expect(problem.code).toBe('validation');
  expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
}

const household = (name: string, firstName = 'Mara') => ({
  name,
  address: { kind: 'fest', streetId: '00000000-0000-4000-8000-000000000001', houseNumber: '7' },
  members: [
    {
      personId: null,
      person: person(firstName, 'Beispiel', '1988-04-02', 'weiblich'),
      role: 'mutter',
      custody: null,
    },
  ],
});

/** How many rows of the tenant a table holds (to show a refused request wrote nothing). */
async function rowCount(table: 'household' | 'case_document', tenantId: string) {
  const { db } = await testDatabase();
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('control characters in text', () => {
  it('refuses a NUL byte in a name with 400 naming the field and writes nothing', async () => {
    const { tenant, cm } = await setup();
    expectFieldProblem(await cm.post('/households', household('Familie\u0000Beispiel')), 'name');
    expect(await rowCount('household', tenant.id)).toBe(0);
  });

  it('refuses a line break inside a single-line name, naming the nested field', async () => {
    const { tenant, cm } = await setup();
    expectFieldProblem(
      await cm.post('/households', household('Familie Beispiel', 'Ma\nra')),
      'members.0.person.firstName',
    );
    expect(await rowCount('household', tenant.id)).toBe(0);
  });

  it('refuses a bell character in multi-line text but keeps tabs and line breaks there', async () => {
    const { cm } = await setup();
    const { householdId } = await openTestCase(cm);
    const intake = (concern: string) => ({
      householdId,
      openedOn: '2026-02-01',
      accessRoute: 'schule',
      reporter: null,
      concern,
    });
    expectFieldProblem(await cm.post('/cases', intake('Fehlt oft\u0007 in der Schule.')), 'concern');
    const ok = await cm.post('/cases', intake('Fehlt oft.\r\n\tDie Mutter ist einverstanden.'));
    expect(ok.statusCode, ok.body).toBe(201);
    const detail = await cm.get(`/cases/${ok.json().id}`);
    expect(detail.json().concern).toBe('Fehlt oft.\r\n\tDie Mutter ist einverstanden.');
  });

  it('refuses a NUL byte in a search query instead of failing in the database', async () => {
    const { cm } = await setup();
    expectFieldProblem(await cm.get('/cases?q=Bei%00spiel'), 'q');
  });

  it('refuses a NUL byte in the user name at sign-in', async () => {
    const { tenant } = await setup();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'caseman\u0000agera', password: 'egal-egal-egal', tenant: tenant.slug },
    });
    expectFieldProblem(res, 'username');
  });
});

describe("control characters in a route's own text parameters", () => {
  it('refuses a NUL byte in the street search, which the route declares as a plain string', async () => {
    const { tenant } = await setup();
    const admin = await Client.as(app, tenant, 'admin');
    expectFieldProblem(await admin.get('/organisation/streets?q=Anker%00weg'), 'q');
  });

  it('refuses a NUL byte in the audit filter, naming the parameter', async () => {
    const { tenant } = await setup();
    const admin = await Client.as(app, tenant, 'admin');
    expectFieldProblem(await admin.get('/audit?entityType=case%00'), 'entityType');
  });

  it('refuses a control character deep inside a CSV body, naming the field', async () => {
    const { tenant } = await setup();
    const controller = await Client.as(app, tenant, 'controller');
    const res = await controller.post('/controlling/aggregates', {
      csv: 'region,period,metric,value\nNord\u0000hafen,2025,sgb2_quote,50',
    });
    expectFieldProblem(res, 'csv');
  });
});

describe('integers beyond the column', () => {
  it('refuses a version beyond PostgreSQL integer with 400 naming the field', async () => {
    const { cm } = await setup();
    const { caseId } = await openTestCase(cm);
    const res = await cm.put(`/cases/${caseId}/will-and-goals`, {
      will: 'Wir wollen zusammenbleiben.',
      directionGoal: 'Die Familie lebt zusammen.',
      actionGoals: [],
      version: 2_147_483_648,
    });
    expectFieldProblem(res, 'version');
  });

  it('refuses a person version beyond PostgreSQL integer and leaves the person unchanged', async () => {
    const { cm } = await setup();
    const { caseId } = await openTestCase(cm);
    const mother = (await cm.get(`/cases/${caseId}`)).json().household.members[0].person;
    const res = await cm.put(`/persons/${mother.id}`, {
      ...person('Marianne', 'Beispiel', '1988-04-02', 'weiblich'),
      version: 9_007_199_254_740_991,
    });
    expectFieldProblem(res, 'version');
    const after = (await cm.get(`/cases/${caseId}`)).json().household.members[0].person;
    expect(after.firstName).toBe('Mara');
  });
});

describe('dates outside a sensible range', () => {
  it('refuses the year 0000, which PostgreSQL cannot store, naming the field', async () => {
    const { cm } = await setup();
    const { householdId } = await openTestCase(cm);
    const res = await cm.post('/cases', {
      householdId,
      openedOn: '0000-01-01',
      accessRoute: 'schule',
      reporter: null,
      concern: 'Fehlt oft.',
    });
    expectFieldProblem(res, 'openedOn');
    expect(res.json().errors[0].message).toMatch(/Jahr/);
  });

  it('refuses an absurd year such as 3026 typed as 3000 for the end of a consent, and writes nothing', async () => {
    const { db, tenant, cm } = await setup();
    const { caseId } = await openTestCase(cm);
    const mother = (await cm.get(`/cases/${caseId}`)).json().household.members[0].person;
    const res = await cm.post(`/cases/${caseId}/consents`, {
      personId: mother.id,
      recipient: 'Grundschule am Deich',
      purpose: 'Austausch über den Schulbesuch',
      validFrom: '2026-01-01',
      validUntil: '3000-01-01',
    });
    expectFieldProblem(res, 'validUntil');
    const consents = await db.selectFrom('consent').select('id').where('tenant_id', '=', tenant.id).execute();
    expect(consents).toEqual([]);
  });
});

describe('malformed multipart uploads', () => {
  async function upload(cm: Client, caseId: string, body: string | Buffer, contentType: string) {
    return cm.request('POST', `/cases/${caseId}/documents`, body, { 'content-type': contentType });
  }

  it('answers a body cut off inside the file part with 400 naming the file field', async () => {
    const { tenant, cm } = await setup();
    const { caseId } = await openTestCase(cm);
    const body =
      '--grenze\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nHallo';
    expectFieldProblem(await upload(cm, caseId, body, 'multipart/form-data; boundary=grenze'), 'file');
    expect(await rowCount('case_document', tenant.id)).toBe(0);
  });

  it('answers a multipart type without boundary with 400 naming the file field', async () => {
    const { tenant, cm } = await setup();
    const { caseId } = await openTestCase(cm);
    expectFieldProblem(await upload(cm, caseId, 'irgendwas', 'multipart/form-data'), 'file');
    expect(await rowCount('case_document', tenant.id)).toBe(0);
  });

  it('answers garbage instead of parts with 400 naming the file field', async () => {
    const { tenant, cm } = await setup();
    const { caseId } = await openTestCase(cm);
    const res = await upload(
      cm,
      caseId,
      '\u0000\u0001kein multipart',
      'multipart/form-data; boundary=grenze',
    );
    expectFieldProblem(res, 'file');
    expect(await rowCount('case_document', tenant.id)).toBe(0);
  });
});
