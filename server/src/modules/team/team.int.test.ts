import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem } from '../../../test/pages.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  return { db, tenant, lead: await Client.as(app, tenant, 'teamLeadA') };
}

describe('the team', () => {
  it('lists experts by topic (the staff’s specialisations); only the lead of the person’s team changes them (403 audited otherwise)', async () => {
    const { db, tenant, lead } = await setup();
    const cmA = tenant.users.caseManagerA.id;
    expect((await lead.put(`/team/expertise/${cmA}`, { topics: ['sucht', 'migration'] })).statusCode).toBe(
      204,
    );
    const directory = (await lead.get('/team/expertise')).json();
    expect(directory.find((e: { topic: string }) => e.topic === 'sucht').people).toEqual([
      { id: cmA, name: 'Test caseManagerA', team: 'Team A' },
    ]);
    expect(directory.find((e: { topic: string }) => e.topic === 'junge_muetter').people).toEqual([]);
    expectFieldProblem(await lead.put(`/team/expertise/${cmA}`, { topics: ['astrologie'] }), 'topics.0');
    const leadB = await Client.as(app, tenant, 'teamLeadB');
    expect((await leadB.put(`/team/expertise/${cmA}`, { topics: [] })).statusCode).toBe(403);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect((await cm.put(`/team/expertise/${cmA}`, { topics: [] })).statusCode).toBe(403);
    const refusals = await db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(refusals.map((r) => r.actor_id).sort()).toEqual(
      [tenant.users.teamLeadB.id, tenant.users.caseManagerA.id].sort(),
    );
    expect(
      (await lead.get('/team/expertise')).json().find((e: { topic: string }) => e.topic === 'sucht').people,
    ).toHaveLength(1);
  });

  it('shows modules 1-9 per person as done, planned year or open, with the team totals', async () => {
    const { tenant, lead } = await setup();
    const cmA = tenant.users.caseManagerA.id;
    expect(
      (await lead.put(`/team/training/${cmA}/1`, { status: 'done', doneOn: '2025-05-12' })).statusCode,
    ).toBe(204);
    expect(
      (await lead.put(`/team/training/${cmA}/2`, { status: 'planned', plannedYear: 2027 })).statusCode,
    ).toBe(204);
    expectFieldProblem(await lead.put(`/team/training/${cmA}/3`, { status: 'planned' }), 'plannedYear');
    expect((await lead.put(`/team/training/${cmA}/10`, { status: 'open' })).statusCode).toBe(400);
    const overview = (await lead.get('/team/training')).json();
    expect(overview.team.name).toBe('Team A');
    const person = overview.people.find((p: { id: string }) => p.id === cmA);
    expect(person.modules.slice(0, 3)).toEqual([
      { module: 1, status: 'done', doneOn: '2025-05-12', plannedYear: null },
      { module: 2, status: 'planned', doneOn: null, plannedYear: 2027 },
      { module: 3, status: 'open', doneOn: null, plannedYear: null },
    ]);
    const members = overview.people.length;
    expect(overview.totals[0]).toEqual({ module: 1, done: 1, planned: 0, open: members - 1 });
    expect((await lead.put(`/team/training/${cmA}/1`, { status: 'open' })).statusCode).toBe(204);
    expect((await lead.get('/team/training')).json().totals[0]).toEqual({
      module: 1,
      done: 0,
      planned: 0,
      open: members,
    });
  });

  it('keeps knowledge pages in Markdown, finds them by search, refuses a taken title', async () => {
    const { tenant, lead } = await setup();
    const page = {
      kind: 'arbeitshilfe',
      title: 'Hausbesuch vorbereiten',
      body: '# Hausbesuch\n\n- **Termin** absprechen',
    };
    const res = await lead.post('/knowledge', page);
    expect(res.statusCode, res.body).toBe(201);
    expectFieldProblem(await lead.post('/knowledge', page), 'title');
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect((await cm.post('/knowledge', { ...page, title: 'Anders' })).statusCode).toBe(403);
    expect((await cm.get('/knowledge?q=termin')).json()).toMatchObject([
      { id: res.json().id, title: page.title },
    ]);
    expect((await cm.get('/knowledge?q=Jobcenter')).json()).toEqual([]);
    const read = (await cm.get(`/knowledge/${res.json().id}`)).json();
    expect(read).toMatchObject({ body: page.body, version: 1, mayManage: false });
    const changed = await lead.put(`/knowledge/${res.json().id}`, { ...page, body: 'Neu', version: 1 });
    expect(changed.statusCode).toBe(204);
    expect((await lead.put(`/knowledge/${res.json().id}`, { ...page, version: 1 })).statusCode).toBe(409);
  });
});
