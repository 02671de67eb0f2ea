import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNote } from '../../../test/caseNotes.ts';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase, testDatabaseUrl } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import type { DB } from '../../db/schema.ts';
import { systemActor } from '../../shared/actor.ts';
import { serverJobs } from '../jobs/handlers.ts';
import { recordAudit, verifyAuditChain } from './chain.ts';
import { CHAIN_JOB } from './sweep.ts';

/**
 * Read entries are stored unchained, without the tenant's head lock, and placed into the hash chain later
 * (docs/security.md, "Audit trail"): by the next change, the sweep, the Protokoll page or verify.
 */
type App = Awaited<ReturnType<typeof testApp>>;
let app: App;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function entries(db: Kysely<DB>, tenantId: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['pending_id', 'seq', 'hash', 'action', 'entity_type', 'at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('pending_id')
    .execute();
  return rows.map((r) => ({ ...r, seq: r.seq === null ? null : Number(r.seq) }));
}

async function headSeq(db: Kysely<DB>, tenantId: string) {
  const head = await db
    .selectFrom('audit_head')
    .select('seq')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(head.seq);
}

/** Whether the transaction `trx` holds a row lock on the tenant's head (the tuple's xmax is its transaction id). */
async function holdsHeadLock(trx: Kysely<DB>, tenantId: string) {
  const row = await sql<{ mine: boolean }>`
    select xmax::text = (txid_current() % 4294967296)::text as mine from audit_head where tenant_id = ${tenantId}`.execute(
    trx,
  );
  return row.rows[0]?.mine;
}

async function caseWithReader(): Promise<{ tenant: TestTenant; cm: Client; caseId: string }> {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const { caseId } = await openTestCase(cm);
  return { tenant, cm, caseId };
}

describe('read entries without the head lock', () => {
  it('stores a case read unchained with its instant, and a read takes no head lock where a change does', async () => {
    const { db } = await testDatabase();
    const { tenant, cm, caseId } = await caseWithReader();
    const before = await headSeq(db, tenant.id);
    expect((await cm.get(`/cases/${caseId}`)).statusCode).toBe(200);
    const read = (await entries(db, tenant.id)).filter(
      (e) => e.action === 'read' && e.entity_type === 'case',
    );
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ seq: null, hash: null });
    expect(read[0]?.at).toBeInstanceOf(Date);
    expect(await headSeq(db, tenant.id)).toBe(before);

    const actor = systemActor(tenant.id);
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, actor, { action: 'read', entityType: 'case', entityId: caseId });
      expect(await holdsHeadLock(trx, tenant.id)).toBe(false);
      await recordAudit(trx, actor, { action: 'update', entityType: 'case', entityId: caseId });
      expect(await holdsHeadLock(trx, tenant.id)).toBe(true);
    });
  });

  it('completes a read while another connection holds the head lock (PostgreSQL; a change times out)', async () => {
    const { db } = await testDatabase();
    const { tenant, caseId } = await caseWithReader();
    const url = testDatabaseUrl();
    // The embedded database has one connection: nobody else can hold the lock; the xmax test above covers it.
    const holder = url ? new pg.Client({ connectionString: url }) : null;
    await holder?.connect();
    try {
      await holder?.query('begin');
      await holder?.query('select 1 from audit_head where tenant_id = $1 for update', [tenant.id]);
      const attempt = (action: 'read' | 'update') =>
        db.transaction().execute(async (trx) => {
          await sql`set local statement_timeout = 3000`.execute(trx);
          await recordAudit(trx, systemActor(tenant.id), { action, entityType: 'case', entityId: caseId });
        });
      await expect(attempt('read')).resolves.toBeUndefined();
      if (holder) await expect(attempt('update')).rejects.toThrow(/statement timeout/);
    } finally {
      await holder?.query('rollback');
      await holder?.end();
    }
    expect((await verifyAuditChain(db, tenant.id)).broken).toEqual([]);
  });
});

describe('placing waiting entries', () => {
  it('places the waiting reads in order before the next change, and the chain verifies', async () => {
    const { db } = await testDatabase();
    const { tenant, cm, caseId } = await caseWithReader();
    await cm.get(`/cases/${caseId}`);
    await cm.get(`/cases/${caseId}`);
    await cm.get(`/cases/${caseId}`);
    const waiting = (await entries(db, tenant.id)).filter((e) => e.seq === null);
    expect(waiting.length).toBeGreaterThanOrEqual(3);
    await writeNote(cm, caseId);

    const all = await entries(db, tenant.id);
    expect(all.filter((e) => e.seq === null)).toEqual([]);
    // In pending_id order, right after what was chained before, and the change after them.
    const placed = all.filter((e) => waiting.some((w) => w.pending_id === e.pending_id)).map((e) => e.seq);
    const first = placed[0] as number;
    expect(placed).toEqual(placed.map((_, i) => first + i));
    const note = all.find((e) => e.entity_type === 'case_note' && e.action === 'create');
    expect(note?.seq).toBe(first + placed.length);
    expect(await headSeq(db, tenant.id)).toBe(all.length);
    expect(await verifyAuditChain(db, tenant.id)).toMatchObject({
      entries: all.length,
      placed: 0,
      broken: [],
    });
  });

  it('places them by the sweep protokoll.verketten', async () => {
    const { db } = await testDatabase();
    const { tenant, cm, caseId } = await caseWithReader();
    await cm.get(`/cases/${caseId}`);
    await cm.get(`/cases/${caseId}`);
    expect((await entries(db, tenant.id)).filter((e) => e.seq === null)).toHaveLength(2);
    const sweep = serverJobs().get(CHAIN_JOB);
    expect(sweep?.everyMs).toBe(10_000);
    await db.transaction().execute((trx) =>
      (sweep?.handler ?? (() => Promise.reject(new Error('no sweep'))))({
        db: trx,
        job: { id: 'x', kind: CHAIN_JOB, tenantId: null, payload: {}, runAt: new Date(), attempts: 0 },
        now: new Date(),
      }),
    );
    const all = await entries(db, tenant.id);
    expect(all.filter((e) => e.seq === null)).toEqual([]);
    expect(await headSeq(db, tenant.id)).toBe(all.length);
    expect(await verifyAuditChain(db, tenant.id)).toMatchObject({ placed: 0, broken: [] });
  });

  it('places them for the Protokoll page, whose first page shows the read', async () => {
    const { db } = await testDatabase();
    const { tenant, cm, caseId } = await caseWithReader();
    await cm.get(`/cases/${caseId}`);
    const admin = await Client.as(app, tenant, 'admin');
    const page = (await admin.get('/audit?limit=500')).json();
    const all = await entries(db, tenant.id);
    expect(all.filter((e) => e.seq === null)).toEqual([]);
    expect(page.items.map((e: { seq: number }) => e.seq)).toEqual(
      all.map((e) => e.seq).sort((a, b) => (b as number) - (a as number)),
    );
    expect(
      page.items.some(
        (e: { action: string; entityId: string }) => e.action === 'read' && e.entityId === caseId,
      ),
    ).toBe(true);
  });

  it('lets verify place the waiting entries and report how many', async () => {
    const { db } = await testDatabase();
    const { tenant, cm, caseId } = await caseWithReader();
    await cm.get(`/cases/${caseId}`);
    const report = await verifyAuditChain(db, tenant.id);
    expect(report).toMatchObject({ placed: 1, broken: [] });
    expect(report.entries).toBe((await entries(db, tenant.id)).length);
  });

  it('leaves a chain that verifies with every entry placed exactly once after 20 parallel reads and changes', async () => {
    const { db } = await testDatabase();
    const { tenant, cm, caseId } = await caseWithReader();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 4 === 3
          ? cm.post(`/cases/${caseId}/notes`, {
              occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
              kind: 'hausbesuch',
              staffIds: [],
              others: [],
              text: `Notiz ${i}`,
              link: null,
              correctsId: null,
            })
          : cm.get(`/cases/${caseId}`),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([...Array(15).fill(200), ...Array(5).fill(201)]);
    const report = await verifyAuditChain(db, tenant.id);
    expect(report.broken).toEqual([]);
    const all = await entries(db, tenant.id);
    const seqs = all.map((e) => e.seq);
    expect(seqs.filter((s) => s === null)).toEqual([]);
    expect(new Set(seqs).size).toBe(all.length);
    expect([...seqs].sort((a, b) => (a as number) - (b as number))).toEqual(all.map((_, i) => i + 1));
    expect(all.filter((e) => e.action === 'read' && e.entity_type === 'case')).toHaveLength(15);
    expect(report.entries).toBe(all.length);
  });
});

describe('the append-only trigger with waiting entries', () => {
  async function oneWaiting() {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    await recordAudit(db, systemActor(tenant.id), { action: 'read', entityType: 'case', entityId: 'a' });
    const [row] = await entries(db, tenant.id);
    return { db, tenant, id: row?.pending_id as string };
  }
  const placing = (extra = sql``) =>
    sql`seq = 1, prev_hash = ${'0'.repeat(64)}, hash = ${'f'.repeat(64)} ${extra}`;

  it('refuses to change or delete a waiting entry', async () => {
    const { db, tenant, id } = await oneWaiting();
    const where = sql`where tenant_id = ${tenant.id} and pending_id = ${id}`;
    await expect(sql`update audit_log set entity_id = 'b' ${where}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`update audit_log set at = now() ${where}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log ${where}`.execute(db)).rejects.toThrow(/append-only/);
    // Placing that also changes the content, or sets the chain columns only in part.
    await expect(
      sql`update audit_log set ${placing(sql`, action = 'update'`)} ${where}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`update audit_log set ${placing(sql`, details = '{"x":1}'`)} ${where}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set seq = 1 ${where}`.execute(db)).rejects.toThrow(/append-only/);
    const [row] = await entries(db, tenant.id);
    expect(row).toMatchObject({ seq: null, entity_type: 'case', action: 'read' });
  });

  it('lets the placing update through once, and refuses to place an entry again', async () => {
    const { db, tenant, id } = await oneWaiting();
    const where = sql`where tenant_id = ${tenant.id} and pending_id = ${id}`;
    await sql`update audit_log set ${placing()} ${where}`.execute(db);
    await expect(
      sql`update audit_log set seq = 2, prev_hash = ${'0'.repeat(64)}, hash = ${'e'.repeat(64)} ${where}`.execute(
        db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log ${where}`.execute(db)).rejects.toThrow(/append-only/);
    // The forged hash is not the entry's: verify sees it (and the head that was never advanced).
    const report = await verifyAuditChain(db, tenant.id);
    expect(report.broken.map((b) => b.reason)).toContain('Inhalt verändert');
  });

  it('detects a placed read entry changed past the trigger', async () => {
    const { db, tenant } = await oneWaiting();
    await recordAudit(db, systemActor(tenant.id), { action: 'create', entityType: 'demo_data' });
    expect((await verifyAuditChain(db, tenant.id)).broken).toEqual([]);
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update audit_log set entity_id = 'z' where tenant_id = ${tenant.id} and seq = 1`.execute(trx);
    });
    const report = await verifyAuditChain(db, tenant.id);
    expect(report.broken).toEqual([{ tenantId: tenant.id, seq: 1, reason: 'Inhalt verändert' }]);
  });
});
