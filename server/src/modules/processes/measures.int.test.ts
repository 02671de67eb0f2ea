import type { ProcessInstance } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** A case with a help-for-education process and a Wohngruppe offer above the approval threshold. */
async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const lead = await Client.as(app, tenant, 'teamLeadA');
  const fin = await Client.as(app, tenant, 'finance');
  const { caseId } = await openTestCase(cm);
  const types = (await cm.get('/help-types')).json() as { id: string; code: string }[];
  const heimType = types.find((t) => t.code === '34')?.id;
  const provider = (await fin.post('/providers', { name: 'Kinderhaus am Deich e. V.', kind: 'frei' })).json()
    .id;
  const heim = (
    await fin.post('/offers', {
      providerId: provider,
      name: 'Wohngruppe',
      helpTypeId: heimType,
      unit: 'day',
      rate: { amount: '180.00', validFrom: '2025-01-01' },
    })
  ).json().id;
  await fin.put('/finance/settings', { approvalThreshold: '2000.00' });
  const detail = (await cm.get(`/cases/${caseId}`)).json();
  const child = detail.household.members.find((m: { role: string }) => m.role === 'kind').person.id;
  const measure = {
    personId: child,
    helpTypeId: heimType,
    offerId: heim,
    individualRate: null,
    category: null,
    underlyingHelpTypeId: null,
    beginOn: '2026-03-01',
    plannedEndOn: '2026-12-31',
    hoursPerWeek: null,
    helpPlanId: null,
    reasons: ['eingeschränkte Erziehungskompetenz'],
  };
  const started = await cm.post(`/cases/${caseId}/processes`, { definitionKey: 'hilfe_zur_erziehung' });
  return { cm, lead, caseId, measure, instanceId: started.json().id as string };
}

async function hze(client: Client, caseId: string, id: string) {
  const list = (await client.get(`/cases/${caseId}/processes`)).json() as ProcessInstance[];
  const found = list.find((i) => i.id === id);
  if (!found) throw new Error('no instance');
  const state = (key: string, occurrence = 1) =>
    found.steps.find((s) => s.key === key && s.occurrence === occurrence)?.state;
  return { instance: found, state };
}

describe('help for education and measures', () => {
  it("completes Bewilligung when the team lead approves, and ends with the measure's end", async () => {
    const { cm, lead, caseId, measure, instanceId } = await setup();
    const planned = await cm.post(`/cases/${caseId}/measures`, measure);
    expect(planned.json().status).toBe('geplant');
    expect((await hze(cm, caseId, instanceId)).state('bewilligung')).toBe('offen');

    expect((await lead.post(`/measures/${planned.json().id}/approve`, { version: 1 })).statusCode).toBe(204);
    const approved = await hze(cm, caseId, instanceId);
    expect(approved.state('bewilligung')).toBe('erledigt');
    expect(approved.instance.steps.find((s) => s.key === 'bewilligung')).toMatchObject({
      doneBy: { name: 'Test teamLeadA' },
      completedByRecord: { type: 'measure_approval', id: planned.json().id },
    });
    // The Maßnahme step's deadline runs from the approval now.
    expect(approved.instance.steps.find((s) => s.key === 'massnahme')?.dueAt).not.toBeNull();

    const ended = await cm.post(`/measures/${planned.json().id}/end`, {
      endOn: '2026-06-30',
      endReason: 'planmaessig',
      version: 2,
    });
    expect(ended.statusCode).toBe(204);
    const end = await hze(cm, caseId, instanceId);
    expect(end.state('ende')).toBe('erledigt');
    // The first review is not needed any more; the steps nobody did stay open, so the process still runs.
    expect(end.state('ueberpruefung')).toBe('uebersprungen');
    expect(end.state('antrag')).toBe('offen');
    expect(end.instance.status).toBe('running');

    for (const step of end.instance.steps.filter((s) => s.state === 'offen')) {
      const res = await cm.post(`/cases/${caseId}/process-steps/${step.id}`, {
        state: 'uebersprungen',
        reason: 'Vor Einführung des Prozesses erledigt',
        version: step.version,
      });
      expect(res.statusCode).toBe(204);
    }
    const done = await hze(cm, caseId, instanceId);
    expect(done.instance.status).toBe('done');
    expect(done.instance.endedAt).not.toBeNull();
  });
});
