import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import type { Database } from '../src/db/database.ts';

/**
 * One speed figure: the p95 (or single time) of a request through the API, and its floor, the bare SQL the same
 * answer needs, measured in the same run. The target of every figure: within 2× its floor, or at most 5 ms above
 * it where the floor is tiny. `limit` is the absolute target the figure's issue set (informational).
 */
export interface Figure {
  name: string;
  value: number;
  floor: number;
  ratio: number;
  met: boolean;
  limit: number;
  /** SQL statements the API issued per call (begin and commit not counted). */
  statements: number | null;
}

/** A cross-check: what the API (or the cost rule) answered against what SQL counts. A failed one fails the run. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** What one database's run produced. */
export interface EngineResult {
  engine: string;
  scale: string;
  generatedIn: number;
  figures: Figure[];
  checks: Check[];
}

export interface BenchContext {
  app: FastifyInstance;
  db: Database;
  tenantId: string;
  slug: string;
  password: string;
  /** Timed calls for a figure measured `full` times in full mode (fewer in the short mode). */
  runs(full: number): number;
  log(message: string): void;
  check(name: string, ok: boolean, detail: string): void;
}

/**
 * Counts the statements the application sends (its database is wrapped in this plugin; the floors' is not). Counted
 * on their results: Kysely calls `transformQuery` for every query builder, a sub-query's too (the case page's JSON
 * arrays), but `transformResult` once per statement sent.
 */
let statements = 0;
export const countingPlugin: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    statements++;
    return args.result;
  },
};

export const TARGET_RATIO = 2;
export const TARGET_SLACK_MS = 5;

/** p95 of `runs` timed calls, after a few warm-up calls. */
export async function p95(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return percentile95(times);
}

/**
 * p95 of a call through the API and of its floor, timed in turns (API, floor, API, ...) so that both see the same
 * load on a shared machine; a few warm-up calls of each first.
 */
export async function p95Pair(
  runs: number,
  api: (i: number) => Promise<unknown>,
  floor: (i: number) => Promise<unknown>,
): Promise<[number, number, number]> {
  for (let i = 0; i < Math.min(5, Math.ceil(runs / 2)); i++) {
    await api(i);
    await floor(i);
  }
  const a: number[] = [];
  const b: number[] = [];
  let sent = 0;
  for (let i = 0; i < runs; i++) {
    const before = statements;
    let t = performance.now();
    await api(i);
    a.push(performance.now() - t);
    sent += statements - before;
    t = performance.now();
    await floor(i);
    b.push(performance.now() - t);
  }
  return [percentile95(a), percentile95(b), sent / runs];
}

function percentile95(times: number[]): number {
  times.sort((x, y) => x - y);
  return times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] as number;
}

export function figure(
  name: string,
  value: number,
  limit: number,
  floor: number,
  statements: number | null = null,
): Figure {
  return {
    name,
    value,
    floor,
    ratio: floor > 0 ? value / floor : 0,
    met: value <= floor * TARGET_RATIO || value - floor <= TARGET_SLACK_MS,
    limit,
    statements,
  };
}

/** Signs in through the API and returns the headers a browser would send. */
export async function signIn(ctx: BenchContext, username: string): Promise<Record<string, string>> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: ctx.password, tenant: ctx.slug },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lt_session');
  return { cookie: `lt_session=${cookie?.value}` };
}

/** A GET through the API that must answer 200; returns the parsed body. */
export async function getJson<T = unknown>(
  ctx: BenchContext,
  url: string,
  headers: Record<string, string>,
): Promise<T> {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
