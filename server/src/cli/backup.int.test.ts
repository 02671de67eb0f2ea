import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../test/cases.ts';
import { migratedDataDir, removeTempDirs, runCli, tableDigests, tempDir } from '../../test/cli.ts';
import { testDatabaseUrl } from '../../test/db.ts';
import { uploadDocument } from '../../test/documents.ts';
import { createTestTenant } from '../../test/factories.ts';
import { Client } from '../../test/http.ts';
import { readConfig } from '../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildApp } from '../http/app.ts';
import { verifyAuditChain } from '../modules/audit/chain.ts';

/**
 * `leuchtturm backup` and `restore` as an operator runs them, on the engine of this test run: the embedded
 * database, or with TEST_DATABASE_URL a PostgreSQL server (which needs pg_dump and pg_restore on the PATH).
 * The backup of an embedded database while its server runs is proven in embedded-server.int.test.ts.
 */
const serverUrl = testDatabaseUrl();
const databases: string[] = [];

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl ?? '' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database of its own on the test server (the run's shared one changes under parallel tests). */
async function freshDatabase(): Promise<string> {
  const name = `leuchtturm_backup_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  databases.push(name);
  const url = new URL(serverUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

interface Target {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
}

async function freshTarget(): Promise<Target> {
  if (serverUrl) {
    const url = await freshDatabase();
    return { env: { DATABASE_URL: url }, open: () => openDatabase({ url }) };
  }
  const dir = path.join(tempDir('restore'), 'data');
  return { env: { LEUCHTTURM_DATA_DIR: dir }, open: () => openDatabase({ dataDir: dir }) };
}

async function sourceTarget(): Promise<Target> {
  if (serverUrl) return freshTarget();
  const dir = await migratedDataDir();
  return { env: { LEUCHTTURM_DATA_DIR: dir }, open: () => openDatabase({ dataDir: dir }) };
}

/** A Jugendamt with a case and an uploaded document, written through HTTP. */
async function fill(handle: DatabaseHandle) {
  await migrateToLatest(handle.db);
  const app = await buildApp({ db: handle.db, config: { ...readConfig({}), webDistDir: '/nonexistent' } });
  const tenant = await createTestTenant(handle.db);
  const client = await Client.as(app, tenant, 'caseManagerA');
  const { caseId } = await openTestCase(client);
  // Every byte value, so that an encoding slip in the copy would show.
  const document = Buffer.concat([
    Buffer.from('%PDF-1.4\n'),
    randomBytes(64 * 1024),
    Buffer.from('\n%%EOF\n'),
  ]);
  const uploaded = await uploadDocument(client, caseId, 'Bericht.pdf', 'application/pdf', document);
  expect(uploaded.statusCode).toBe(201);
  await app.close();
  return { tenant, caseId, document, documentId: uploaded.json().id as string };
}

beforeAll(async () => {
  if (!serverUrl) await migratedDataDir();
}, 300_000);
afterAll(async () => {
  removeTempDirs();
  for (const name of databases)
    await admin((client) => client.query(`drop database if exists ${name} with (force)`));
});

describe(`backup and restore (${serverUrl ? 'PostgreSQL server' : 'embedded database'})`, () => {
  it('reproduces every table, the uploaded document byte for byte and a verifiable audit chain', async () => {
    const source = await sourceTarget();
    const sourceHandle = await source.open();
    const filled = await fill(sourceHandle);
    const before = await tableDigests(sourceHandle);
    await sourceHandle.close();

    const file = path.join(tempDir('backup'), 'sicherung.bin');
    const backup = await runCli(['backup', file], source.env);
    expect(backup, backup.err).toMatchObject({ code: 0 });
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const target = await freshTarget();
    const restore = await runCli(['restore', file], target.env);
    expect(restore, restore.err).toMatchObject({ code: 0 });

    const restored = await target.open();
    expect(await tableDigests(restored)).toEqual(before);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['case_file', 'case_document', 'audit_log']));
    expect(before.case_document?.rows).toBe(1);
    const document = await restored.db
      .selectFrom('case_document')
      .select('content')
      .where('tenant_id', '=', filled.tenant.id)
      .where('id', '=', filled.documentId)
      .executeTakeFirstOrThrow();
    expect(Buffer.compare(Buffer.from(document.content), filled.document)).toBe(0);

    // The restored database is in working order: new work continues its case numbers and audit chain.
    const app = await buildApp({
      db: restored.db,
      config: { ...readConfig({}), webDistDir: '/nonexistent' },
    });
    const client = await Client.as(app, filled.tenant, 'caseManagerA');
    await openTestCase(client, { childFirstName: 'Nach' });
    expect((await verifyAuditChain(restored.db, filled.tenant.id)).broken).toEqual([]);
    await app.close();
    await restored.close();

    const verify = await runCli(['audit', 'verify'], target.env);
    expect(verify, verify.err).toMatchObject({ code: 0 });
    expect(verify.out).toContain('Protokoll unversehrt');
  }, 300_000);

  it('refuses to restore into a database that is not empty, unless --force', async () => {
    const source = await sourceTarget();
    // A migrated database holds tables even without records: it counts as not empty.
    const handle = await source.open();
    await migrateToLatest(handle.db);
    await handle.close();
    const file = path.join(tempDir('backup'), 'sicherung.bin');
    expect((await runCli(['backup', file], source.env)).code).toBe(0);
    const changed = await source.open();
    await sql`create table after_the_backup (id int)`.execute(changed.db);
    await changed.close();

    // The source itself is not empty.
    const refused = await runCli(['restore', file], source.env);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('ist nicht leer');
    expect(refused.err).toContain('--force');
    const again = await runCli(['backup', file], source.env);
    expect(again.code).toBe(2);
    expect(again.err).toContain('gibt es schon');

    const forced = await runCli(['restore', '--force', file], source.env);
    expect(forced, forced.err).toMatchObject({ code: 0 });
    // The target now holds exactly the backup: the table made after it is gone, the schema is there.
    const restored = await source.open();
    const tables = Object.keys(await tableDigests(restored));
    await restored.close();
    expect(tables).not.toContain('after_the_backup');
    expect(tables).toEqual(expect.arrayContaining(['tenant', 'case_file', 'audit_log']));
  }, 300_000);
});
