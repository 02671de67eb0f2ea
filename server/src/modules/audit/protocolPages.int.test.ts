import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem, firstCursor, walkPages } from '../../../test/pages.ts';
import { systemActor } from '../../shared/actor.ts';
import { inTransaction } from '../../shared/context.ts';
import { encodeCursor } from '../../shared/pagination.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** A tenant whose protocol holds the admin's sign-in and eleven entries about districts and teams. */
async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const admin = await Client.as(app, tenant, 'admin');
  for (let i = 0; i < 11; i++) {
    await inTransaction(db, systemActor(tenant.id), (ctx) =>
      ctx.audit({ action: 'update', entityType: i % 3 === 0 ? 'team' : 'district', entityId: `e${i}` }),
    );
  }
  const seqs = async (entityType?: string) => {
    let q = db.selectFrom('audit_log').select('seq').where('tenant_id', '=', tenant.id);
    if (entityType) q = q.where('entity_type', '=', entityType);
    return (await q.orderBy('seq', 'desc').execute()).map((r) => Number(r.seq));
  };
  return { db, tenant, admin, seqs };
}

describe('the protocol page by page', () => {
  it('returns every entry of the tenant exactly once, newest first, filtered or not', async () => {
    const { db, admin, seqs } = await setup();
    // Another tenant's protocol grows meanwhile; none of it may appear.
    const other = await createTestTenant(db);
    await Client.as(app, other, 'admin');

    const all = await seqs();
    expect(all.length).toBe(12);
    for (const limit of [3, 4, 5]) {
      const walked = await walkPages<{ seq: number }>(admin, '/audit', limit);
      expect(walked.items.map((e) => e.seq)).toEqual(all);
      expect(walked.pages).toBe(Math.ceil(all.length / limit));
    }
    const districts = await walkPages<{ seq: number; entityType: string }>(
      admin,
      '/audit?entityType=district',
      2,
    );
    expect(districts.items.map((e) => e.seq)).toEqual(await seqs('district'));
    expect(districts.items).toHaveLength(7);
  });

  it('refuses a forged cursor and a page size above 500, naming the field', async () => {
    const { admin } = await setup();
    expectFieldProblem(await admin.get('/audit?cursor=%7B%7D'), 'cursor');
    expectFieldProblem(await admin.get(`/audit?cursor=${encodeCursor({ seq: 'drop table' })}`), 'cursor');
    expectFieldProblem(await admin.get(`/audit?cursor=${encodeCursor({ seq: 0 })}`), 'cursor');
    expectFieldProblem(await admin.get('/audit?limit=501'), 'limit');
    const cursor = await firstCursor(admin, '/audit', 5);
    expect((await admin.get(`/audit?limit=5&cursor=${cursor}`)).json().items).toHaveLength(5);
  });
});
