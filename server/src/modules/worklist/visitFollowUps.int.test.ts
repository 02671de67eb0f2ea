import { addDays, type Worklist } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { nextWednesday } from '../../../test/worklist.ts';

const { day, clock } = nextWednesday();
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp({}, () => clock);
});
afterAll(() => app.close());

const visit = (districtId: string, followUps: { dueOn: string; text: string; done?: boolean }[]) => ({
  institutionName: 'Kita Sonnenblume',
  districtId,
  visitedOn: addDays(day, -14),
  offers: 'Krippe, Elterncafé',
  followUps,
});

describe('follow-ups of Institutionenbesuche in the work list', () => {
  it("lists a visit's open follow-up in the visitor's list on its day, and neither a done one nor in a colleague's", async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const res = await cm.post(
      '/district-work/visits',
      visit(tenant.districts.a, [
        { dueOn: day, text: 'Termin Elterncafé vereinbaren' },
        { dueOn: addDays(day, -3), text: 'Flyer schicken' },
        { dueOn: addDays(day, 2), text: 'Rückruf Leitung', done: true },
        { dueOn: addDays(day, 30), text: 'Nächster Besuch' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const visitId = res.json().id as string;

    const list = (await cm.get('/worklist')).json() as Worklist;
    const followUps = list.items.filter((i) => i.kind === 'besuch_wiedervorlage');
    expect(followUps.map((i) => [i.bucket, i.dueOn, i.title, i.case, i.visitId])).toEqual([
      ['ueberfaellig', addDays(day, -3), 'Kita Sonnenblume: Flyer schicken', null, visitId],
      ['heute', day, 'Kita Sonnenblume: Termin Elterncafé vereinbaren', null, visitId],
    ]);
    expect(list.counts.heute).toBeGreaterThanOrEqual(1);

    // A colleague of the same team does not get the visitor's follow-ups.
    const colleague = await Client.as(app, tenant, 'colleagueA');
    const theirs = (await colleague.get('/worklist')).json() as Worklist;
    expect(theirs.items.filter((i) => i.kind === 'besuch_wiedervorlage')).toEqual([]);

    // Marked done on the visit, the follow-up leaves the list.
    const detail = (await cm.get(`/district-work/visits/${visitId}`)).json();
    const saved = await cm.put(`/district-work/visits/${visitId}`, {
      ...visit(tenant.districts.a, [
        { dueOn: day, text: 'Termin Elterncafé vereinbaren', done: true },
        { dueOn: addDays(day, -3), text: 'Flyer schicken', done: true },
      ]),
      version: detail.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await cm.get('/worklist')).json() as Worklist;
    expect(after.items.filter((i) => i.kind === 'besuch_wiedervorlage')).toEqual([]);
  });
});
