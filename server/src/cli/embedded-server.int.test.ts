import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../test/cases.ts';
import {
  migratedDataDir,
  type RunningServer,
  removeTempDirs,
  runCli,
  startServer,
  tempDir,
} from '../../test/cli.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../../test/factories.ts';
import { Client } from '../../test/http.ts';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { CONTROL_FILE, LOCK_FILE } from '../db/lock.ts';
import { buildApp } from '../http/app.ts';

/**
 * A real `leuchtturm serve` process on an embedded data directory, and the CLI beside it: the database is opened by
 * one process only, and a backup is still possible, consistent although sign-ins write while it is taken.
 * (Runs on the embedded database in either test run: it is about the embedded database.)
 */
let dir: string;
let tenant: TestTenant;
let server: RunningServer | undefined;

beforeAll(async () => {
  dir = await migratedDataDir();
  const handle = await openDatabase({ dataDir: dir });
  // A Jugendamt with a case, so that the server finds a database in use and loads no demo data.
  tenant = await createTestTenant(handle.db);
  const app = await buildApp({ db: handle.db, config: { ...readConfig({}), webDistDir: '/nonexistent' } });
  await openTestCase(await Client.as(app, tenant, 'caseManagerA'));
  await app.close();
  await handle.close();
  server = await startServer({ LEUCHTTURM_DATA_DIR: dir });
}, 300_000);
afterAll(async () => {
  await server?.stop();
  removeTempDirs();
});

const env = () => ({ LEUCHTTURM_DATA_DIR: dir });

const userAdd = () => [
  ...['user', 'add', '--username', 'neu', '--name', 'Neue Person', '--role', 'admin'],
  ...['--tenant', tenant.slug],
];

describe('the embedded database while its server runs', () => {
  it('makes `user add` refuse with a German message naming the server process', async () => {
    const refused = await runCli(userAdd(), env(), 'ein-langes-passwort-123\n');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `Die eingebettete Datenbank in ${dir} wird bereits von einem anderen Prozess (PID ${server?.process.pid}) verwendet.`,
    );
    expect(refused.err).toContain('Beenden Sie den anderen Prozess (z. B. den Server)');
  }, 300_000);

  it('takes a consistent backup through the server while sign-ins write', async () => {
    const running = server as RunningServer;
    // Each sign-in writes a session and its audit entry in one transaction.
    const file = path.join(tempDir('online-backup'), 'sicherung.tar.gz');
    let writing = true;
    let signIns = 0;
    const writer = (async () => {
      while (writing) {
        const res = await fetch(`${running.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD, tenant: tenant.slug }),
        });
        expect(res.status).toBe(200);
        signIns++;
      }
    })();
    const backup = await runCli(['backup', file], env());
    writing = false;
    await writer;
    expect(backup, backup.err).toMatchObject({ code: 0 });
    expect(backup.out).toContain(`vom laufenden Server, PID ${running.process.pid}`);
    expect(signIns).toBeGreaterThan(0);

    // The copy is one consistent state: every sign-in in it is whole (session and audit entry), the chain verifies.
    const target = path.join(tempDir('online-restore'), 'data');
    const restore = await runCli(['restore', file], { LEUCHTTURM_DATA_DIR: target });
    expect(restore, restore.err).toMatchObject({ code: 0 });
    const verify = await runCli(['audit', 'verify'], { LEUCHTTURM_DATA_DIR: target });
    expect(verify, verify.err).toMatchObject({ code: 0 });
    const restored = await openDatabase({ dataDir: target });
    const counts = await sql<{
      sessions: number;
      logins: number;
      head: number;
      chained: number;
      cases: number;
    }>`
      select
        (select count(*)::int from session where tenant_id = ${tenant.id} and user_id = ${tenant.users.admin.id}) as sessions,
        (select count(*)::int from audit_log where tenant_id = ${tenant.id} and action = 'login' and actor_id = ${tenant.users.admin.id}) as logins,
        (select seq::int from audit_head where tenant_id = ${tenant.id}) as head,
        (select count(*)::int from audit_log where tenant_id = ${tenant.id} and seq is not null) as chained,
        (select count(*)::int from case_file where tenant_id = ${tenant.id}) as cases`.execute(restored.db);
    await restored.close();
    expect(counts.rows[0]?.cases).toBe(1);
    expect(counts.rows[0]?.sessions).toBe(counts.rows[0]?.logins);
    expect(counts.rows[0]?.head).toBe(counts.rows[0]?.chained);
  }, 600_000);

  it('frees the data directory when the server stops: lock and control file gone, `user add` works', async () => {
    expect(await server?.stop()).toBe(0);
    server = undefined;
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(existsSync(path.join(dir, CONTROL_FILE))).toBe(false);
    const allowed = await runCli(userAdd(), env(), 'ein-langes-passwort-123\n');
    expect(allowed, allowed.err).toMatchObject({ code: 0 });
    expect(allowed.out).toContain('Konto neu angelegt');
  }, 300_000);
});
