import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem, firstCursor, walkPages } from '../../../test/pages.ts';
import { encodeCursor } from '../../shared/pagination.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** Twelve cases of one case manager with ties on every sort key: family name, opening day and due date. */
const specs: { name: string; openedOn: string; due: string[] }[] = [
  { name: 'Familie Adler', openedOn: '2026-01-05', due: ['2026-03-01'] },
  { name: 'Familie Adler', openedOn: '2026-01-05', due: [] },
  { name: 'Familie Berg', openedOn: '2026-01-07', due: ['2026-03-01', '2026-02-10'] },
  { name: 'Familie Berg', openedOn: '2026-01-05', due: ['2026-03-01'] },
  { name: 'Familie Claasen', openedOn: '2026-01-09', due: [] },
  { name: 'Familie Adler', openedOn: '2026-01-07', due: ['2026-02-10'] },
  { name: 'Familie Dorn', openedOn: '2026-01-09', due: ['2026-03-01'] },
  { name: 'Familie Berg', openedOn: '2026-01-07', due: [] },
  { name: 'Familie Claasen', openedOn: '2026-01-05', due: ['2026-04-15'] },
  { name: 'Familie Dorn', openedOn: '2026-01-11', due: [] },
  { name: 'Familie Adler', openedOn: '2026-01-09', due: ['2026-02-10'] },
  { name: 'Familie Claasen', openedOn: '2026-01-11', due: ['2026-03-01'] },
];

interface Opened {
  caseId: string;
  caseNumber: string;
  name: string;
  openedOn: string;
  due: string | null;
}

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const pair = [tenant.users.caseManagerA.id, tenant.users.colleagueA.id];
  const mine: Opened[] = [];
  for (const spec of specs) {
    const opened = await openTestCase(cm, { householdName: spec.name, openedOn: spec.openedOn });
    if (spec.due.length > 0) await classify(cm, opened.caseId, 'grau', pair);
    for (const dueOn of spec.due) {
      const res = await cm.post(`/cases/${opened.caseId}/mandates`, {
        kind: 'auftrag',
        text: 'Termin bei der Erziehungsberatung wahrnehmen',
        addressee: 'Frau Beispiel',
        dueOn,
        checkMethod: 'Bestätigung der Beratungsstelle',
        consequence: null,
        purpose: 'klaerung',
        reviewOn: dueOn,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const due = spec.due.length > 0 ? ([...spec.due].sort()[0] ?? null) : null;
    mine.push({ ...opened, name: spec.name, openedOn: spec.openedOn, due });
  }
  // A colleague's case in the same team (the team lead sees it) and a case of team B with a tied name (nobody here).
  const colleague = await openTestCase(await Client.as(app, tenant, 'colleagueA'), {
    householdName: 'Familie Adler',
    openedOn: '2026-01-05',
  });
  const otherTeam = await openTestCase(await Client.as(app, tenant, 'caseManagerB'), {
    householdName: 'Familie Adler',
    openedOn: '2026-01-05',
    street: 'Bojenstraße',
  });
  return { tenant, cm, mine, colleague, otherTeam };
}

const byCaseNumber = (a: Opened, b: Opened) => (a.caseNumber < b.caseNumber ? -1 : 1);
/** Each sort order of "Meine Fälle", computed here from what the test created. */
const orders: Record<'faellig' | 'eingang' | 'name', (a: Opened, b: Opened) => number> = {
  faellig: (a, b) =>
    a.due === b.due ? byCaseNumber(a, b) : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1,
  eingang: (a, b) => (a.openedOn === b.openedOn ? byCaseNumber(a, b) : a.openedOn > b.openedOn ? -1 : 1),
  name: (a, b) => (a.name === b.name ? byCaseNumber(a, b) : a.name < b.name ? -1 : 1),
};

describe('"Meine Fälle" page by page', () => {
  it('returns every case exactly once, in order, for every sort order and page size', async () => {
    const { cm, mine, colleague, otherTeam } = await setup();
    for (const sort of ['faellig', 'eingang', 'name'] as const) {
      const expected = [...mine].sort(orders[sort]).map((c) => c.caseNumber);
      for (const limit of [4, 5]) {
        const walked = await walkPages<{ caseNumber: string; id: string }>(cm, `/cases?sort=${sort}`, limit);
        expect(
          walked.items.map((c) => c.caseNumber),
          `${sort}, ${limit} per page`,
        ).toEqual(expected);
        expect(walked.pages).toBe(Math.ceil(expected.length / limit));
        const ids = walked.items.map((c) => c.id);
        expect(ids).not.toContain(colleague.caseId);
        expect(ids).not.toContain(otherTeam.caseId);
      }
    }
  });

  it('keeps the access rule and the filters on every page: the team lead never sees another team', async () => {
    const { tenant, cm, mine, colleague, otherTeam } = await setup();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const team = await walkPages<{ id: string; caseNumber: string }>(lead, '/cases?scope=team&sort=name', 3);
    const teamIds = team.items.map((c) => c.id);
    expect(teamIds).toHaveLength(mine.length + 1);
    expect(new Set(teamIds).size).toBe(teamIds.length);
    expect(teamIds).toContain(colleague.caseId);
    expect(teamIds).not.toContain(otherTeam.caseId);

    const adler = await walkPages<{ title: string; caseNumber: string }>(
      cm,
      '/cases?q=Adler&sort=eingang',
      2,
    );
    expect(adler.items.map((c) => c.caseNumber)).toEqual(
      mine
        .filter((c) => c.name === 'Familie Adler')
        .sort(orders.eingang)
        .map((c) => c.caseNumber),
    );

    const b = await walkPages<{ id: string }>(
      await Client.as(app, tenant, 'caseManagerB'),
      '/cases?sort=name',
      1,
    );
    expect(b.items.map((c) => c.id)).toEqual([otherTeam.caseId]);
  });

  it('refuses a forged cursor, a cursor of another sort order and a page size above 500, naming the field', async () => {
    const { cm } = await setup();
    expectFieldProblem(await cm.get('/cases?cursor=kaputt'), 'cursor');
    expectFieldProblem(await cm.get(`/cases?cursor=${encodeCursor({ sort: 'name', key: 1 })}`), 'cursor');
    const byName = await firstCursor(cm, '/cases?sort=name', 4);
    expectFieldProblem(await cm.get(`/cases?sort=eingang&cursor=${byName}`), 'cursor');
    const byDue = encodeCursor({ sort: 'faellig', key: '2026-02-30', caseNumber: '2026-00001' });
    expectFieldProblem(await cm.get(`/cases?cursor=${byDue}`), 'cursor');
    expectFieldProblem(await cm.get('/cases?limit=501'), 'limit');
    expectFieldProblem(await cm.get('/cases?limit=0'), 'limit');
    expect((await cm.get('/cases?limit=500')).statusCode).toBe(200);
  });
});
