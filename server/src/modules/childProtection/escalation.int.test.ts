import { addDays, todayIso } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const today = todayIso();

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const { caseId } = await openTestCase(cm);
  const pair = [tenant.users.caseManagerA.id, tenant.users.colleagueA.id];
  await classify(cm, caseId, 'grau', pair);
  const auftrag = await cm.post(`/cases/${caseId}/mandates`, {
    kind: 'auftrag',
    purpose: 'klaerung',
    text: 'Vorsorgeuntersuchung U9 beim Kinderarzt nachweisen',
    addressee: 'Frau Beispiel',
    dueOn: addDays(today, -10),
    checkMethod: 'Kopie des Untersuchungshefts',
    reviewOn: addDays(today, -7),
    consequence: 'Sonst Überführung in eine Auflage',
  });
  expect(auftrag.statusCode).toBe(201);
  return { db, tenant, cm, caseId, pair, auftragId: auftrag.json().id as string };
}

const escalation = (mandateId: string, pair: string[], version: number) => ({
  mandateId,
  version,
  heldOn: today,
  participantIds: pair,
  facts: 'Der Nachweis der U9 fehlt trotz Erinnerung.',
  nextSteps: 'Auflage erteilen; bei Nichterfüllung Familiengericht.',
  auflage: {
    text: 'U9 bis zum Fälligkeitstag durchführen lassen und nachweisen',
    addressee: 'Frau Beispiel',
    dueOn: addDays(today, 14),
    checkMethod: 'Bestätigung der Kinderarztpraxis',
    consequence: 'Anrufung des Familiengerichts',
    reviewOn: addDays(today, 15),
  },
});

describe('escalating a failed Auftrag into an Auflage', () => {
  it('gives the Auflage with the link to the Auftrag and moves the case into the danger area, once', async () => {
    const { cm, caseId, pair, auftragId } = await setup();
    const url = `/cases/${caseId}/child-protection/escalations`;
    // An Auftrag still open has not failed.
    const open = await cm.post(url, escalation(auftragId, pair, 1));
    expect(open.statusCode).toBe(400);
    expect(open.json().errors[0].field).toBe('mandateId');
    expect(
      (
        await cm.put(`/cases/${caseId}/mandates/${auftragId}`, {
          result: 'nicht_erfuellt',
          consequence: null,
          version: 1,
        })
      ).statusCode,
    ).toBe(204);
    const res = await cm.post(url, escalation(auftragId, pair, 2));
    expect(res.statusCode).toBe(201);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail.area).toBe('gefaehrdung');
    expect(detail.classifications.map((c: { id: string; area: string }) => [c.id, c.area]).at(-1)).toEqual([
      res.json().consultationId,
      'gefaehrdung',
    ]);
    const auflage = detail.mandates.find((m: { id: string }) => m.id === res.json().id);
    expect(auflage).toMatchObject({
      kind: 'auflage',
      purpose: 'abwendung',
      escalatedFromId: auftragId,
      reviewOn: addDays(today, 15),
    });
    const again = await cm.post(url, escalation(auftragId, pair, 3));
    expect(again.statusCode).toBe(409);
  });

  it('refuses a stale version, a Kurzberatung dated before the current one and a single participant; writes nothing', async () => {
    const { db, tenant, cm, caseId, pair, auftragId } = await setup();
    await cm.put(`/cases/${caseId}/mandates/${auftragId}`, {
      result: 'teilweise',
      consequence: null,
      version: 1,
    });
    const url = `/cases/${caseId}/child-protection/escalations`;
    expect((await cm.post(url, escalation(auftragId, pair, 1))).statusCode).toBe(409);
    const backdated = await cm.post(url, { ...escalation(auftragId, pair, 2), heldOn: '2026-01-13' });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().errors[0].field).toBe('heldOn');
    const alone = await cm.post(url, {
      ...escalation(auftragId, pair, 2),
      participantIds: [pair[0], pair[0]],
    });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().errors[0].field).toBe('participantIds');
    const mandates = await db
      .selectFrom('mandate')
      .select(['kind', 'version'])
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(mandates).toEqual([{ kind: 'auftrag', version: 2 }]);
    expect((await cm.get(`/cases/${caseId}`)).json().area).toBe('grau');
  });
});
