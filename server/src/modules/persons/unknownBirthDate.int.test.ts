import { childBirthDateMessage } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase, person, testAddress } from '../../../test/cases.ts';
import { reportBody } from '../../../test/childProtection.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { setupMeasures } from '../../../test/measures.ts';
import { inspectPdf, runningText } from '../../../test/pdf-layout.ts';

/** An adult's date of birth may be "unbekannt" (null); a child's may not (docs/domain.md, Pflichtfelder). */

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

const father = { ...person('Jonas', 'Ohnedatum', '1980-01-01', 'maennlich'), birthDate: null };
const child = person('Lina', 'Ohnedatum', '2016-03-09', 'weiblich');

function family(members: { person: unknown; role: string; custody?: string | null }[]) {
  return members.map((m) => ({ personId: null, person: m.person, role: m.role, custody: m.custody ?? null }));
}

describe('a date of birth "unbekannt"', () => {
  it('registers a father with an unknown date of birth, shows it as unknown and prints "unbekannt" in the forms', async () => {
    const { tenant, cm } = await setup();
    const household = await cm.post('/households', {
      name: 'Familie Ohnedatum',
      address: testAddress(cm),
      members: family([
        { person: father, role: 'vater' },
        { person: child, role: 'kind', custody: 'vater' },
      ]),
    });
    expect(household.statusCode, household.body).toBe(201);
    const opened = await cm.post('/cases', {
      householdId: household.json().id,
      openedOn: '2026-01-12',
      accessRoute: 'selbstmeldung',
      reporter: null,
      concern: 'Der Vater bittet um Beratung.',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().id as string;
    const members = (await cm.get(`/cases/${caseId}`)).json().household.members;
    expect(members.map((m: { person: { birthDate: string | null } }) => m.person.birthDate)).toEqual([
      null,
      '2016-03-09',
    ]);
    // Nobody can tell whether a person without a date of birth is a minor: no § 8a report for him.
    const report = await cm.post(
      `/cases/${caseId}/child-protection`,
      reportBody(members[0].person.id, tenant.users.caseManagerA.id),
    );
    expect(report.statusCode).toBe(400);
    expect(report.json().errors[0].field).toBe('childId');
    const pdf = await cm.get(`/cases/${caseId}/forms/falleingang`);
    expect(pdf.statusCode).toBe(200);
    const text = runningText(await inspectPdf(pdf.rawPayload));
    expect(text).toContain('Jonas Ohnedatum, geb. unbekannt');
    expect(text).toContain('Lina Ohnedatum, geb. 09.03.2016');
  });

  it('refuses a child without a date of birth: 400 naming the field, nothing written', async () => {
    const { db, tenant, cm } = await setup();
    const res = await cm.post('/households', {
      name: 'Familie Ohnedatum',
      address: testAddress(cm),
      members: family([
        { person: father, role: 'vater' },
        { person: { ...child, birthDate: null }, role: 'kind', custody: 'vater' },
      ]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'members.1.person.birthDate', message: childBirthDateMessage },
    ]);
    const persons = await db.selectFrom('person').select('id').where('tenant_id', '=', tenant.id).execute();
    const households = await db
      .selectFrom('household')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect([persons.length, households.length]).toEqual([0, 0]);
  });

  it("refuses a sibling without a date of birth, and taking over an adult without one as a household's child", async () => {
    const { cm } = await setup();
    const sibling = await cm.post('/households', {
      name: 'Familie Ohnedatum',
      address: testAddress(cm),
      members: family([{ person: { ...child, birthDate: null }, role: 'geschwister' }]),
    });
    expect(sibling.json().errors).toEqual([
      { field: 'members.0.person.birthDate', message: childBirthDateMessage },
    ]);
    const first = await cm.post('/households', {
      name: 'Familie Ohnedatum',
      address: testAddress(cm),
      members: family([{ person: father, role: 'vater' }]),
    });
    const fatherId = (await cm.post('/persons/duplicates', { ...father })).json()[0].person.id as string;
    expect(first.statusCode).toBe(201);
    const linked = await cm.post('/households', {
      name: 'Familie Zweit',
      address: testAddress(cm),
      members: [{ personId: fatherId, person: null, role: 'kind', custody: null }],
    });
    expect(linked.statusCode).toBe(400);
    expect(linked.json().errors).toEqual([
      { field: 'members.0.person.birthDate', message: childBirthDateMessage },
    ]);
  });

  it("lets a parent's date of birth become unknown but not a child's", async () => {
    const { cm } = await setup();
    const { caseId } = await openTestCase(cm);
    const [mother, kid] = (await cm.get(`/cases/${caseId}`)).json().household.members;
    const body = (p: { firstName: string; lastName: string; gender: string }) => ({
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: null,
      gender: p.gender,
      language: null,
      phone: null,
      version: 1,
    });
    expect((await cm.put(`/persons/${mother.person.id}`, body(mother.person))).statusCode).toBe(204);
    const refused = await cm.put(`/persons/${kid.person.id}`, body(kid.person));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'birthDate', message: childBirthDateMessage }]);
    const after = (await cm.get(`/cases/${caseId}`)).json().household.members;
    expect(after.map((m: { person: { birthDate: string | null } }) => m.person.birthDate)).toEqual([
      null,
      '2013-05-17',
    ]);
  });

  it('finds duplicates by name alone when a date of birth is unknown, on either side', async () => {
    const { tenant, cm } = await setup();
    await cm.post('/households', {
      name: 'Familie Ohnedatum',
      address: testAddress(cm),
      members: family([{ person: father, role: 'vater' }]),
    });
    const other = await Client.as(app, tenant, 'caseManagerB');
    // Searched without a date: the same phonetic name matches.
    const withoutDate = await other.post('/persons/duplicates', {
      firstName: 'Jonas',
      lastName: 'Ohnedatum',
      birthDate: null,
    });
    expect(withoutDate.statusCode).toBe(200);
    expect(withoutDate.json()).toMatchObject([{ accessible: false, person: null }]);
    // Searched with a date: the stored person without one matches by name too.
    const withDate = await cm.post('/persons/duplicates', {
      firstName: 'Jonas',
      lastName: 'Ohndatum',
      birthDate: '1979-06-01',
    });
    expect(withDate.json()).toMatchObject([
      { accessible: true, person: { firstName: 'Jonas', birthDate: null } },
    ]);
    // A different name does not.
    const stranger = { firstName: 'Jonas', lastName: 'Weber', birthDate: null };
    expect((await cm.post('/persons/duplicates', stranger)).json()).toEqual([]);
  });

  it('exports the HzE statistics of a help for a person without a date of birth with empty month and year', async () => {
    const { cm, fin, caseId, measure } = await setupMeasures(app);
    const mother = (await cm.get(`/cases/${caseId}`)).json().household.members[0].person;
    const cleared = await cm.put(`/persons/${mother.id}`, {
      firstName: mother.firstName,
      lastName: mother.lastName,
      birthDate: null,
      gender: mother.gender,
      language: null,
      phone: null,
      version: mother.version,
    });
    expect(cleared.statusCode).toBe(204);
    const help = await cm.post(`/cases/${caseId}/measures`, measure({ personId: mother.id }));
    expect(help.statusCode, help.body).toBe(201);
    const res = await fin.get('/finance/statistics/hze?year=2026');
    expect(res.statusCode).toBe(200);
    const [header, row] = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header?.split(';') ?? [];
    const cells = row?.split(';') ?? [];
    expect(cells[columns.indexOf('Kennung')]).toBe(help.json().id);
    expect(cells[columns.indexOf('Geburtsmonat')]).toBe('');
    expect(cells[columns.indexOf('Geburtsjahr')]).toBe('');
  });
});
