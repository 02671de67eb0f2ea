/**
 * The crash suite (`npm run test:crash`, docs/security.md "Crash suite"): on the embedded database and on a
 * PostgreSQL server, concurrent writers work while the server process is killed (SIGKILL) and restarted again and
 * again; then every acknowledged write must be there as acknowledged, none half there, case numbers without gaps,
 * the audit chain intact, and the checker must find deliberate damage. Exit code 1 on any violation.
 *
 *   npm run test:crash                      full: 15 kills per database, 12 writers
 *   npm run test:crash -- --short           CI: 3 kills per database, 8 writers
 *   options: --db pglite|postgres|both, --kills N, --writers N, --fsync (embedded database with fsync on)
 *   PostgreSQL: CRASH_DATABASE_URL or TEST_DATABASE_URL (an admin connection; a database is created and dropped),
 *   default postgres://postgres@127.0.0.1:5432/postgres.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { migratedDataDir, type RunningServer, removeTempDirs, runCli, startServer } from '../cli.ts';
import { createTestTenant, TEST_PASSWORD } from '../factories.ts';
import { CrashClient, type ServerState } from './client.ts';
import { selfCheck as checkDetects } from './selfcheck.ts';
import { checkAll, type Scope } from './verify.ts';
import { type Catalogue, type WriteLog, writer } from './writers.ts';

const { values } = parseArgs({
  options: {
    short: { type: 'boolean' },
    db: { type: 'string', default: 'both' },
    kills: { type: 'string' },
    writers: { type: 'string' },
    fsync: { type: 'boolean' },
  },
});
const short = values.short ?? false;
const kills = Number(values.kills ?? (short ? 3 : 15));
const writers = Number(values.writers ?? (short ? 8 : 12));
const databases = values.db === 'both' ? ['pglite', 'postgres'] : [String(values.db)];
const adminUrl =
  process.env.CRASH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/postgres';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

interface Result {
  database: string;
  kills: number;
  restartMs: number[];
  /** Writes sent and not answered at each kill. */
  inFlight: number[];
  log: WriteLog;
  violations: string[];
  selfCheck: { tried: number; missed: string[] };
  seconds: number;
}

/**
 * A fresh database: an embedded data directory, or a PostgreSQL database created for the run (dropped after); with
 * the schema, and one Jugendamt as the integration tests have it (two teams, a street each, one user per role).
 */
async function freshDatabase(kind: string) {
  const database = await emptyDatabase(kind);
  const handle = await database.open();
  try {
    await migrateToLatest(handle.db);
    const tenant = await createTestTenant(handle.db);
    const account = {
      tenant: tenant.slug,
      username: tenant.users.caseManagerA.username,
      password: TEST_PASSWORD,
    };
    return { ...database, account };
  } finally {
    await handle.close();
  }
}

async function emptyDatabase(kind: string): Promise<{
  env: Record<string, string>;
  open: () => Promise<DatabaseHandle>;
  drop: () => Promise<void>;
}> {
  if (kind === 'pglite') {
    const dir = await migratedDataDir();
    return {
      env: { LEUCHTTURM_DATA_DIR: dir, ...(values.fsync ? { LEUCHTTURM_FSYNC: '1' } : {}) },
      open: () => openDatabase({ dataDir: dir }),
      drop: async () => {},
    };
  }
  const name = `leuchtturm_crash_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString() }),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function catalogue(client: CrashClient): Promise<Catalogue> {
  const streets = await client.request('GET', '/organisation/streets?limit=200');
  const types = await client.request('GET', '/help-types');
  const list = types.body as { id: string; code: string }[];
  const code = (c: string) => list.find((t) => t.code === c)?.id;
  const flexible = code('27.2');
  const underlying = code('31');
  const streetIds = (streets.body as { id: string }[]).map((s) => s.id);
  if (!flexible || !underlying || streetIds.length === 0)
    throw new Error(
      `the tenant lacks streets or help types 27.2 and 31 (${streets.status}, ${types.status})`,
    );
  return { streetIds, flexibleHelpTypeId: flexible, underlyingHelpTypeId: underlying };
}

async function runOn(kind: string): Promise<Result> {
  const started = Date.now();
  const database = await freshDatabase(kind);
  const { env, account } = database;
  const log: WriteLog = { acks: [], unanswered: 0, refusals: [] };
  const violations: string[] = [];
  const restartMs: number[] = [];
  const inFlight: number[] = [];
  let server: RunningServer | undefined;
  try {
    server = await startServer(env);
    console.log(`[${kind}] server up after ${Math.round((Date.now() - started) / 1000)} s`);
    let wake = () => {};
    const state: ServerState = { url: server.url, up: Promise.resolve(), stopping: false, inFlight: 0 };
    const setup = new CrashClient(state, account);
    await setup.signIn();
    const since = new Date();
    const places = await catalogue(setup);
    let done = false;
    const clients = Array.from({ length: writers }, () => new CrashClient(state, account));
    // One after the other: sign-ins of one account at the same moment count against its lock-out (a pending
    // attempt counts until it succeeds), and more than five at once are refused (429) by design.
    for (const c of clients) await c.signIn();
    const running = clients.map((c, i) => writer(c, places, `w${i + 1}`, log, () => done));

    for (let k = 1; k <= kills; k++) {
      // Writes in flight: the writers never pause, so any moment has requests half done. The kill comes once this
      // life of the server has acknowledged some writes, at a random moment after.
      const start = log.acks.length;
      for (let waited = 0; log.acks.length - start < 2 * writers && waited < 30_000; waited += 50)
        await sleep(50);
      await sleep(between(0, short ? 1500 : 3000));
      const acked = log.acks.length;
      inFlight.push(state.inFlight);
      state.url = null;
      state.up = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const killed = server.process;
      const exited = new Promise((resolve) => killed.once('exit', resolve));
      killed.kill('SIGKILL');
      await exited;
      if (k === kills) break;
      const before = Date.now();
      try {
        server = await startServer(env);
      } catch (error) {
        violations.push(
          `the server did not start after kill ${k}: ${(error as Error).message.slice(0, 2000)}`,
        );
        break;
      }
      restartMs.push(Date.now() - before);
      console.log(
        `[${kind}] kill ${k} with ${inFlight.at(-1)} writes in flight: ${acked} acknowledged so far; restarted in ${restartMs.at(-1)} ms`,
      );
      state.url = server.url;
      wake();
    }
    done = true;
    state.stopping = true;
    wake();
    await Promise.all(running);
    console.log(`[${kind}] kill ${kills}: ${log.acks.length} writes acknowledged in all; checking`);

    // The stopped database, as the last kill left it (the embedded one's lock names a dead process).
    const handle = await database.open();
    let selfCheck = { tried: 0, missed: [] as string[] };
    try {
      const user = await handle.db
        .selectFrom('app_user')
        .innerJoin('tenant', 'tenant.id', 'app_user.tenant_id')
        .select(['app_user.id', 'app_user.tenant_id'])
        .where('tenant.slug', '=', account.tenant)
        .where('app_user.username', '=', account.username)
        .executeTakeFirstOrThrow();
      const scope: Scope = { tenantId: user.tenant_id, userId: user.id, since };
      violations.push(...log.refusals.map((r) => `refused a valid write: ${r}`));
      violations.push(...(await checkAll(handle.db, scope, log.acks)));
      // The checker's own test, on a database that passed: deliberate damage must be found.
      if (violations.length === 0) selfCheck = await checkDetects(handle.db, scope, log.acks);
      violations.push(...selfCheck.missed.map((m) => `self-check: ${m}`));
    } finally {
      await handle.close();
    }
    // The operator's check of the audit chain, a process of its own on the stopped database.
    const audit = await runCli(['audit', 'verify'], env);
    if (audit.code !== 0) violations.push(`audit verify failed (${audit.code}): ${audit.out}${audit.err}`);
    else console.log(`[${kind}] ${audit.out.trim()}`);
    // The server starts cleanly on what the kills left behind, and stops cleanly.
    const last = await startServer(env).catch((error: Error) => {
      violations.push(`the server did not start after the last kill: ${error.message.slice(0, 2000)}`);
    });
    if (last) {
      server = last;
      // Serving (a sign-in answered) before it is asked to stop: then it stops cleanly, with exit code 0.
      await new CrashClient(
        { url: last.url, up: Promise.resolve(), stopping: false, inFlight: 0 },
        account,
      ).signIn();
      if ((await last.stop()) !== 0) violations.push('the server did not stop cleanly after the run');
    }
    return {
      database: kind,
      kills,
      restartMs,
      inFlight,
      log,
      violations,
      selfCheck,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    // A run that broke off leaves no server behind.
    if (server && server.process.exitCode === null && server.process.signalCode === null)
      server.process.kill('SIGKILL');
    await database.drop();
  }
}

function summary(r: Result): string {
  const kinds = new Map<string, number>();
  for (const ack of r.log.acks) kinds.set(ack.kind, (kinds.get(ack.kind) ?? 0) + 1);
  const restart = r.restartMs.length
    ? `restart ${Math.min(...r.restartMs)}-${Math.max(...r.restartMs)} ms (mean ${Math.round(r.restartMs.reduce((a, b) => a + b, 0) / r.restartMs.length)})`
    : 'no restart';
  return [
    `${r.database}: ${r.kills} kills (SIGKILL), ${writers} writers, ${restart}, ${r.seconds.toFixed(0)} s`,
    `  acknowledged writes: ${r.log.acks.length} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`,
    `  writes in flight at the kills: ${r.inFlight.join(', ')}; requests cut off (not acknowledged): ${r.log.unanswered}`,
    `  verified: ${r.violations.length === 0 ? 'all present as acknowledged, none half present, case numbers gap-free, audit chain intact' : `${r.violations.length} VIOLATIONS`}`,
    `  self-check: ${r.selfCheck.tried} deliberate damages, ${r.selfCheck.tried - r.selfCheck.missed.length} detected`,
    ...r.violations.slice(0, 50).map((v) => `  VIOLATION ${v}`),
  ].join('\n');
}

const results: Result[] = [];
let failed = false;
try {
  for (const kind of databases) {
    const result = await runOn(kind);
    results.push(result);
    if (result.violations.length > 0) failed = true;
  }
} catch (error) {
  console.error(`the crash suite could not run: ${(error as Error).stack}`);
  failed = true;
} finally {
  removeTempDirs();
}
console.log(`\nCrash suite (${short ? 'short' : 'full'} mode)`);
for (const r of results) console.log(summary(r));
console.log(failed ? '\nFAILED' : '\nPASSED');
process.exit(failed ? 1 : 0);
