import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

/**
 * Records that carry no version column of their own until their first save (Familienrat) or whose version is the
 * plan they supersede (Hilfeplan): a save on a stale view is refused as a version conflict (409), also when two
 * saves arrive at the same moment, and the record keeps the save that came first.
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
  const lead = await Client.as(app, tenant, 'teamLeadA');
  return { tenant, cm, lead, ...(await openTestCase(cm)) };
}

const conference = (concern: string, version: number) => ({
  concern,
  coordinator: 'Frau Koordinatorin',
  participants: null,
  place: null,
  heldOn: '2026-02-10',
  phase: 'vorbereitung',
  familyPlan: null,
  officeDecision: null,
  followUpOn: null,
  version,
});

describe('Familienrat', () => {
  it('creates on version 0, updates the version the client saw, and refuses a stale one with 409', async () => {
    const { cm, lead, caseId } = await setup();
    const read = async () => (await cm.get(`/cases/${caseId}`)).json().familyConference;
    expect(await read()).toBeNull();
    expect(
      (await cm.put(`/cases/${caseId}/family-conference`, conference('Schulbesuch', 0))).statusCode,
    ).toBe(204);
    expect(await read()).toMatchObject({ concern: 'Schulbesuch', version: 1 });

    // A second "first" save (the team lead loaded the case before the first save) is a version conflict.
    const secondFirst = await lead.put(`/cases/${caseId}/family-conference`, conference('Wohnung', 0));
    expect(secondFirst.statusCode).toBe(409);
    expect(secondFirst.json().code).toBe('version_conflict');

    expect((await cm.put(`/cases/${caseId}/family-conference`, conference('Schulweg', 1))).statusCode).toBe(
      204,
    );
    const stale = await lead.put(`/cases/${caseId}/family-conference`, conference('Wohnung', 1));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect(await read()).toMatchObject({ concern: 'Schulweg', version: 2 });
  });

  it('answers 404 for a version of a Familienrat that was never saved', async () => {
    const { cm, caseId } = await setup();
    const res = await cm.put(`/cases/${caseId}/family-conference`, conference('Schulbesuch', 3));
    expect(res.statusCode).toBe(404);
    expect((await cm.get(`/cases/${caseId}`)).json().familyConference).toBeNull();
  });

  it('keeps the first of two first saves sent at once and refuses the other as a version conflict', async () => {
    const { cm, lead, caseId } = await setup();
    const [byCm, byLead] = await Promise.all([
      cm.put(`/cases/${caseId}/family-conference`, conference('Schulbesuch', 0)),
      lead.put(`/cases/${caseId}/family-conference`, conference('Wohnung', 0)),
    ]);
    expect([byCm.statusCode, byLead.statusCode].sort()).toEqual([204, 409]);
    const refused = byCm.statusCode === 409 ? byCm : byLead;
    expect(refused.json().code).toBe('version_conflict');
    expect((await cm.get(`/cases/${caseId}`)).json().familyConference).toMatchObject({
      concern: byCm.statusCode === 204 ? 'Schulbesuch' : 'Wohnung',
      version: 1,
    });
  });
});

describe('Hilfeplan', () => {
  const plan = (supersedesId: string | null, agreedMeasures: string) => ({
    applicationOn: '2026-01-20',
    applicant: 'Mara Beispiel',
    meetingOn: '2026-02-01',
    participants: ['Mara Beispiel', 'Test caseManagerA'],
    childParticipated: true,
    agreedMeasures,
    reviewOn: '2026-07-01',
    attainment: [],
    supersedesId,
  });

  it('keeps one of two Fortschreibungen of the same version sent at once and refuses the other with 409', async () => {
    const { cm, lead, caseId } = await setup();
    await cm.put(`/cases/${caseId}/will-and-goals`, {
      will: 'Muharem soll auf seiner Schule bleiben.',
      directionGoal: 'Muharem bleibt auf seiner Schule.',
      actionGoals: [{ id: null, text: 'Muharem ist täglich in der Schule.', dueOn: '2026-06-30', steps: [] }],
      version: 0,
    });
    const first = await cm.post(`/cases/${caseId}/help-plans`, plan(null, 'Hausaufgabenhilfe'));
    expect(first.statusCode).toBe(201);
    const [byCm, byLead] = await Promise.all([
      cm.post(`/cases/${caseId}/help-plans`, plan(first.json().id, 'Fortschreibung A')),
      lead.post(`/cases/${caseId}/help-plans`, plan(first.json().id, 'Fortschreibung B')),
    ]);
    expect([byCm.statusCode, byLead.statusCode].sort()).toEqual([201, 409]);
    const refused = byCm.statusCode === 409 ? byCm : byLead;
    expect(refused.json().code).toBe('version_conflict');
    const plans = (await cm.get(`/cases/${caseId}`)).json().helpPlans;
    expect(
      plans.map((p: { versionNo: number; agreedMeasures: string }) => [p.versionNo, p.agreedMeasures]),
    ).toEqual([
      [1, 'Hausaufgabenhilfe'],
      [2, byCm.statusCode === 201 ? 'Fortschreibung A' : 'Fortschreibung B'],
    ]);
  });
});
