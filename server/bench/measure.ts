import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database.ts';

export interface Figure {
  name: string;
  value: number;
  unit: 'ms';
  target: number;
  floor: number;
  ratio: number;
  pass: boolean;
}

export interface BenchContext {
  app: FastifyInstance;
  db: Database;
  tenantId: string;
  slug: string;
  password: string;
  log(message: string): void;
}

/** p95 of `runs` timed calls, after a few warm-up calls. */
export async function p95(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] as number;
}

export function figure(name: string, value: number, target: number, floor: number): Figure {
  return {
    name,
    value,
    unit: 'ms',
    target,
    floor,
    ratio: floor > 0 ? value / floor : 0,
    pass: value < target,
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
