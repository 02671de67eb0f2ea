import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../db.ts';
import { testApp } from '../http.ts';
import { violation } from './fuzz-check.ts';
import { changedTables, fingerprint, fuzzWorld } from './fuzz-tenant.ts';

/**
 * Requests the fuzzing found answered wrongly, replayed as they were found (shrunk), so that they stay fixed
 * (docs/security.md, "Findings").
 */
const { db } = await testDatabase();
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('fuzz findings', () => {
  it('answers a project budget whose amount is no amount with 400 naming the field, not 500 (seed 286582425)', async () => {
    const world = await fuzzWorld(app, db);
    // Validation comes before the project is looked up: any id shows it.
    const projectId = '00000000-0000-4000-8000-000000000077';
    const before = await fingerprint(db, world.tenant.id);
    const req = {
      method: 'PUT' as const,
      url: `/api/v1/micro-projects/${projectId}/budget`,
      payload: JSON.stringify({
        year: 2026,
        districtId: world.tenant.districts.a,
        committed: 'a',
        spent: '0',
      }),
      contentType: 'application/json',
      wellFormed: true,
    };
    const res = await world.client.put(`/micro-projects/${projectId}/budget`, JSON.parse(req.payload));
    expect(violation(req, res)).toBeNull();
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['committed']);
    expect(changedTables(before, await fingerprint(db, world.tenant.id))).toEqual([]);
  });
  it('answers a help type ending before it begins with 400 naming validTo, not 500 (seed 20261203, PostgreSQL)', async () => {
    const world = await fuzzWorld(app, db);
    const before = await fingerprint(db, world.tenant.id);
    const body = {
      code: 'X1',
      name: 'Testhilfe',
      paragraph: '§ 31',
      categoryRule: 'ambulant',
      isHze: false,
      validFrom: '2000-01-01',
      validTo: '1999-12-31',
    };
    const res = await world.client.post('/help-types', body);
    const req = { method: 'POST' as const, url: '/api/v1/help-types', wellFormed: true };
    expect(violation(req, res)).toBeNull();
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['validTo']);
    expect(changedTables(before, await fingerprint(db, world.tenant.id))).toEqual([]);
  });
  it('refuses the month 0080-01 of the cost list naming month, before the database (seed 20261203, PostgreSQL)', async () => {
    const world = await fuzzWorld(app, db);
    const res = await world.client.get('/finance/costs?month=0080-01');
    expect(
      violation({ method: 'GET', url: '/api/v1/finance/costs?month=0080-01', wellFormed: true }, res),
    ).toBeNull();
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['month']);
    expect((await world.client.get('/finance/costs?month=2026-02')).statusCode).toBe(200);
  });
});
