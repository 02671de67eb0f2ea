import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase, testDatabaseUrl } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import { systemActor } from '../../shared/actor.ts';
import { inTransaction } from '../../shared/context.ts';
import { createTenant } from '../organisation/tenants.ts';
import { recordAudit, verifyAuditChain } from './chain.ts';

const cli = path.resolve(import.meta.dirname, '../../../bin/leuchtturm.js');
const run = promisify(execFile);

async function auditVerify(
  env: Record<string, string>,
  slug: string,
): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [cli, 'audit', 'verify', '--tenant', slug], {
      env: { ...process.env, ...env },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

/** What an attacker with database access would do: bypass the append-only trigger and edit an entry. */
async function tamper(db: Kysely<DB>, tenantId: string, seq: number) {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`update audit_log set action = 'read' where tenant_id = ${tenantId} and seq = ${seq}`.execute(
      trx,
    );
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('audit chain', () => {
  it('records sign-ins and changes, chained by hash', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const app = await testApp();
    const admin = await Client.as(app, tenant, 'admin');
    await admin.post('/organisation/districts', { name: 'Neu', code: 'NEU' });
    const entries = (await admin.get('/audit')).json().items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['create', 'login']);
    const verify = (await admin.get('/audit/verify')).json();
    expect(verify).toEqual({ ok: true, entries: 2, broken: [] });
    await app.close();
  });

  it('rejects any change or removal through the application connection', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    await inTransaction(db, systemActor(tenant.id), (ctx) =>
      ctx.audit({ action: 'create', entityType: 'demo_data' }),
    );
    await expect(
      sql`update audit_log set action = 'y' where tenant_id = ${tenant.id}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where tenant_id = ${tenant.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('rolls an audit entry back together with the change it records', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    await expect(
      inTransaction(db, systemActor(tenant.id), async (ctx) => {
        await ctx.audit({ action: 'create', entityType: 'demo_data' });
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect((await verifyAuditChain(db, tenant.id)).entries).toBe(0);
  });

  it('detects an entry changed in the database', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    for (let i = 0; i < 3; i++) {
      await inTransaction(db, systemActor(tenant.id), (ctx) =>
        ctx.audit({ action: 'create', entityType: 'demo_data', entityId: `${i}` }),
      );
    }
    expect((await verifyAuditChain(db, tenant.id)).broken).toEqual([]);
    await tamper(db, tenant.id, 2);
    const report = await verifyAuditChain(db, tenant.id);
    expect(report.broken).toEqual([{ tenantId: tenant.id, seq: 2, reason: 'Inhalt verändert' }]);
  });

  it('is detected by `leuchtturm audit verify` (exit code 1)', async () => {
    const url = testDatabaseUrl();
    let env: Record<string, string>;
    let handle: Awaited<ReturnType<typeof openDatabase>>;
    if (url) {
      env = { DATABASE_URL: url };
      handle = await openDatabase({ url });
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'leuchtturm-audit-'));
      dirs.push(dir);
      env = { LEUCHTTURM_DATA_DIR: dir, DATABASE_URL: '' };
      handle = await openDatabase({ dataDir: dir });
      await migrateToLatest(handle.db);
    }
    const slug = `audit-${Date.now()}`;
    const tenantId = await createTenant(handle.db, slug, 'Prüfamt');
    for (let i = 0; i < 3; i++)
      await recordAudit(handle.db, systemActor(tenantId), { action: 'create', entityType: 'demo_data' });
    if (!url) await handle.close();

    const clean = await auditVerify(env, slug);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('unversehrt');

    if (!url) handle = await openDatabase({ dataDir: env.LEUCHTTURM_DATA_DIR });
    await tamper(handle.db, tenantId, 2);
    await handle.close();

    const broken = await auditVerify(env, slug);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('VERÄNDERT');
    expect(broken.out).toContain(`Jugendamt ${tenantId}, Eintrag 2: Inhalt verändert`);
  }, 60_000);
});
