import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { Random } from './random.ts';
import { insertDemoTeamWork } from './teamWork.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('demo team work', () => {
  it('gives each team its conferences of the last four weeks and the next one, training status and knowledge pages', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    await openTestCase(cm);
    const counts: Record<string, number> = {};
    // 2026-03-11 is a Wednesday: the Mondays 16.02., 23.02., 02.03., 09.03. and, planned, 16.03.
    await insertDemoTeamWork(db, tenant.id, new Random('test'), counts, '2026-03-11');
    expect(counts).toMatchObject({ conferences: 10, knowledge_pages: 5 });
    expect(counts.training_status).toBeGreaterThan(0);

    const lead = await Client.as(app, tenant, 'teamLeadA');
    const list = (await lead.get('/conferences')).json();
    expect(list.map((c: { heldOn: string }) => c.heldOn)).toEqual([
      '2026-03-16',
      '2026-03-09',
      '2026-03-02',
      '2026-02-23',
      '2026-02-16',
    ]);
    const past = (await lead.get(`/conferences/${list[1].id}`)).json();
    expect(past.items.map((i: { rubric: string }) => i.rubric)).toContain('fallberatung');
    expect(past.items.map((i: { rubric: string }) => i.rubric)).toContain('tipps_themen');
    expect(past.minutes).not.toBe('');
    const training = (await lead.get('/team/training')).json();
    expect(training.people.length).toBeGreaterThan(0);
    expect((await lead.get('/knowledge?q=Hausbesuch')).json().length).toBeGreaterThan(0);
  });
});
