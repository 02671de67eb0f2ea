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

const tie = { name: 'Oma Rosi', kind: 'person', closeness: 1, quality: 'stark', angle: 90 };

describe('Netzwerkkarte: optimistic concurrency', () => {
  it('refuses the second of two changes made on the same version and keeps the first', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const deputy = await Client.as(app, tenant, 'deputyA');
    const { caseId } = await openTestCase(cm);
    const added = await cm.post(`/cases/${caseId}/network`, tie);
    expect(added.statusCode).toBe(201);
    const id = added.json().id as string;
    const seen = (await cm.get(`/cases/${caseId}`)).json().network;
    expect(seen).toEqual([{ id, ...tie, version: 1, confided: null }]);

    // Both opened the entry at version 1; the case manager saves first, the deputy second.
    const first = await cm.put(`/cases/${caseId}/network/${id}`, { ...tie, quality: 'belastet', version: 1 });
    expect(first.statusCode).toBe(204);
    const second = await deputy.put(`/cases/${caseId}/network/${id}`, { ...tie, closeness: 3, version: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().code).toBe('version_conflict');

    const after = (await cm.get(`/cases/${caseId}`)).json().network;
    expect(after).toEqual([{ id, ...tie, quality: 'belastet', version: 2, confided: null }]);
    // Saved again on the current version, the deputy's change goes through.
    const retry = await deputy.put(`/cases/${caseId}/network/${id}`, { ...tie, closeness: 3, version: 2 });
    expect(retry.statusCode).toBe(204);
  });

  it('requires the version and answers 404 for an entry that does not exist', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId } = await openTestCase(cm);
    const id = (await cm.post(`/cases/${caseId}/network`, tie)).json().id as string;
    const missing = await cm.put(`/cases/${caseId}/network/${id}`, tie);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain('version');
    const gone = await cm.put(`/cases/${caseId}/network/00000000-0000-4000-8000-000000000000`, {
      ...tie,
      version: 1,
    });
    expect(gone.statusCode).toBe(404);
  });
});
