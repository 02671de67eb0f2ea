import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Scale, scales } from '../src/modules/demo/generator.ts';
import { Client } from './client.ts';
import { embeddedCity, postgresCity } from './data.ts';
import { machineTicks, type RunningServer, startServer } from './server.ts';
import { errorCount, Recorder, type RunResult, table } from './stats.ts';
import { type Account, assignAccounts, listAccounts, requestTypes, SimulatedUser, signIn } from './users.ts';

/**
 * `npm run load [-- --db postgres|pglite|both] [--users 50,200,1000] [--closed N] [--duration 60] [--json]
 * [--scale small|city|10x] [--short]`: simulated users against a real server process on loopback, on a copy of
 * the city demo data. `--short` (or CI=true, as `.ci/run` runs it): 50 users for 20 s on each database on the
 * `small` scale, which builds in seconds. Every mode fails on any error (a wrong status, a body not of the
 * route's schema, another case or region than asked for, a time-out) or a window without requests, never on timings.
 * PostgreSQL: the server of DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; the run creates its
 * own databases there (a cached template with the city and one copy per run) and drops the copy afterwards.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    users: { type: 'string' },
    closed: { type: 'string' },
    duration: { type: 'string' },
    json: { type: 'boolean' },
    short: { type: 'boolean' },
    scale: { type: 'string' },
  },
});
const short = values.short || process.env.CI === 'true';
const databases = values.db === 'both' ? (['postgres', 'pglite'] as const) : [values.db];
for (const d of databases) {
  if (d !== 'postgres' && d !== 'pglite') {
    console.error(`Unbekannte Datenbank „${d}“: postgres, pglite oder both.`);
    process.exit(2);
  }
}
const closed = values.closed ? Number(values.closed) : undefined;
const userCounts = values.users
  ? values.users.split(',').map(Number)
  : closed !== undefined
    ? []
    : short
      ? [50]
      : [50, 200, 1000];
const duration = Number(values.duration ?? (short ? 20 : 60));
if ([...userCounts, closed ?? 1, duration].some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('--users, --closed und --duration erwarten ganze Zahlen über 0.');
  process.exit(2);
}
const scale = (values.scale ?? (short ? 'small' : 'city')) as Scale;
if (!(scale in scales)) {
  console.error(`Unbekannte Größe „${scale}“: small, city oder 10x.`);
  process.exit(2);
}
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (msg: string) => (values.json ? console.error(msg) : console.log(msg));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Sign-ins at a time: below the lock-out's 5 attempts in flight per account and 20 per address. */
const SIGN_IN_CONCURRENCY = 4;
const WARM_UP_SECONDS = 5;

async function inBatches<T, R>(
  items: T[],
  size: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return out;
}

/**
 * One run: `load` users with think time (1-9 s after each answer, 5 s on average), or `load` connections in a
 * closed loop without think time. The window opens after a warm-up; a request counts when it started inside it.
 */
async function measure(
  server: RunningServer,
  database: RunResult['database'],
  mode: RunResult['mode'],
  load: number,
  accounts: Account[],
): Promise<RunResult> {
  const client = new Client(server.baseUrl);
  const signInStart = Date.now();
  const assigned = assignAccounts(accounts, load);
  const users = await inBatches(assigned, SIGN_IN_CONCURRENCY, async (account, i) => {
    const user = new SimulatedUser(client, account, await signIn(client, account.username), i + 1);
    await user.start();
    return user;
  });
  const signInSeconds = (Date.now() - signInStart) / 1000;
  const recorder = new Recorder();
  let running = true;
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const think = (user: SimulatedUser) => (mode === 'users' ? 1000 + user.random() * 8000 : 0);
  const loops = users.map(async (user) => {
    // Users come in over the warm-up, not all in the same instant.
    await sleep(mode === 'users' ? user.random() * WARM_UP_SECONDS * 1000 : 0);
    while (running) {
      await user.act(user.nextType(), recorder);
      const pause = think(user);
      // A pause still running when the window closes ends with it, rather than holding up the closing check.
      if (pause > 0 && running) await Promise.race([sleep(pause), stopped]);
    }
  });
  await sleep(WARM_UP_SECONDS * 1000);
  const cpu0 = server.cpuSeconds();
  const ticks0 = machineTicks();
  recorder.open = true;
  await sleep(duration * 1000);
  recorder.open = false;
  const cpu1 = server.cpuSeconds();
  const ticks1 = machineTicks();
  running = false;
  stop();
  await Promise.all(loops);
  // The closing check: every request type of the mix once more, outside the window, so that each type's answer is
  // checked in every run even when the random mix left it out.
  for (const persona of new Set(users.map((u) => u.account.persona))) {
    const user = users.find((u) => u.account.persona === persona) as SimulatedUser;
    for (const type of user.types()) await user.act(type, recorder);
  }
  client.close();
  return {
    database,
    mode,
    load,
    seconds: duration,
    signInSeconds,
    serverCores: (cpu1 - cpu0) / duration,
    machineBusy: (ticks1.busy - ticks0.busy) / (ticks1.total - ticks0.total),
    lines: recorder.summarise(duration, requestTypes),
    errors: recorder.errorsByType(requestTypes),
  };
}

/** A fresh copy of the city, a server on it, the run, and everything removed again. */
async function runOn(
  database: RunResult['database'],
  mode: RunResult['mode'],
  load: number,
): Promise<RunResult> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'leuchtturm-load-'));
  let dropDatabase: (() => Promise<void>) | undefined;
  let server: RunningServer | undefined;
  try {
    if (database === 'postgres') {
      const copy = await postgresCity(scale, adminUrl, log);
      dropDatabase = copy.drop;
      server = await startServer({ url: copy.url });
    } else {
      server = await startServer({ dataDir: await embeddedCity(scale, work, log) });
    }
    const adminClient = new Client(server.baseUrl);
    const accounts = await listAccounts(adminClient);
    adminClient.close();
    log(
      `${database}: ${mode === 'users' ? `${load} Nutzer` : `${load} Verbindungen ohne Pause`}, ${duration} s ...`,
    );
    const result = await measure(server, database, mode, load, accounts);
    log(`${table(result)}\n`);
    return result;
  } finally {
    await server?.stop();
    await dropDatabase?.();
    rmSync(work, { recursive: true, force: true });
  }
}

const machine = {
  date: new Date().toISOString(),
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? '',
  nproc: os.availableParallelism(),
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverage: os.loadavg(),
};
log(
  `Lasttest auf ${machine.nproc} Kernen (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, Last ${machine.loadAverage.map((l) => l.toFixed(1)).join(' ')}`,
);
const results: RunResult[] = [];
for (const database of databases as RunResult['database'][]) {
  for (const users of userCounts) results.push(await runOn(database, 'users', users));
  if (closed !== undefined) results.push(await runOn(database, 'closed', closed));
}
if (values.json) console.log(JSON.stringify({ machine, results }, null, 2));
const errors = results.reduce((sum, r) => sum + errorCount(r), 0);
const empty = results.filter((r) => (r.lines.find((l) => l.type === 'all')?.requests ?? 0) === 0);
if (errors > 0) log(`${errors} Anfragen mit Fehler (im Fenster und außerhalb).`);
for (const r of empty) log(`${r.database}, ${r.mode} ${r.load}: keine Anfrage im Messfenster.`);
process.exit(errors > 0 || empty.length > 0 ? 1 : 0);
