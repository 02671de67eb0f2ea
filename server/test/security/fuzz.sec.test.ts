import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { testDatabase } from '../db.ts';
import { testApp } from '../http.ts';
import { violation } from './fuzz-check.ts';
import { multipartBodies } from './fuzz-multipart.ts';
import { type FuzzRequest, type Operation, operationsOf, requestsFor } from './fuzz-requests.ts';
import { fuzzSettings, fuzzStats, seedOf } from './fuzz-settings.ts';
import { changedTables, type FuzzWorld, fingerprint, fuzzWorld, signIn } from './fuzz-tenant.ts';

/**
 * Every operation of the OpenAPI document, fuzzed with fast-check as a user holding every role in a fresh tenant:
 * path parameters, query and body derived from the operation's schemas and mutated (fuzz-schema.ts). Each answer is
 * below 500, each refusal a German problem document (naming the field for validation), and a refused request
 * leaves every table of the tenant as it was, but for the audit trail (docs/security.md).
 */
const { db } = await testDatabase();
const app = await testApp();
const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
const operations = operationsOf(doc);
const tags = [...new Set(operations.map((o) => o.tag))].sort();

afterAll(async () => {
  fuzzStats.report(`fuzz (${operations.length} operations)`);
  await app.close();
});

function send(world: FuzzWorld, req: FuzzRequest): Promise<LightMyRequestResponse> {
  return app.inject({
    method: req.method,
    url: req.url,
    ...(req.payload !== undefined ? { payload: req.payload } : {}),
    headers: {
      cookie: world.client.cookie ?? '',
      ...(req.method !== 'GET' ? { 'x-csrf-token': world.client.csrfToken ?? '' } : {}),
      ...(req.contentType ? { 'content-type': req.contentType } : {}),
    },
    remoteAddress: '10.250.0.2',
  });
}

describe.each(tags)('fuzzing the operations tagged %s', (tag) => {
  let world: FuzzWorld;
  let current: Awaited<ReturnType<typeof fingerprint>>;
  beforeAll(async () => {
    world = await fuzzWorld(app, db);
    current = await fingerprint(db, world.tenant.id);
  });

  it.each(operations.filter((o) => o.tag === tag).map((o) => [o.id, o] as [string, Operation]))(
    '%s: no 5xx, every refusal a German problem, nothing half-written',
    async (_id, op) => {
      const property = fc.asyncProperty(requestsFor(op, world.ids, multipartBodies), async (req) => {
        const before = current;
        let res = await send(world, req);
        if (res.statusCode === 401) {
          // A fuzzed sign-out or password change ended the fuzzer's session: sign in again and repeat.
          world.client = await signIn(app, world.tenant);
          res = await send(world, req);
        }
        fuzzStats.count(res.statusCode);
        const wrong = violation(req, res);
        if (wrong) throw new Error(`${req.method} ${req.url}: ${wrong}`);
        current = await fingerprint(db, world.tenant.id);
        if (res.statusCode >= 400) {
          const changed = changedTables(before, current);
          if (changed.length > 0) {
            throw new Error(
              `${req.method} ${req.url} refused with ${res.statusCode} but changed ${changed.join(', ')}`,
            );
          }
        }
      });
      const seed = seedOf(op.id);
      const details = await fc.check(property, { numRuns: fuzzSettings.runs, seed });
      if (details.failed) {
        if (process.env.SECURITY_DUMP)
          appendFileSync(process.env.SECURITY_DUMP, `${JSON.stringify(details.counterexample?.[0])}\n`);
        const example = JSON.stringify(details.counterexample?.[0], (_key, value) =>
          typeof value === 'string' && value.length > 200
            ? `${value.slice(0, 200)}… (${value.length} characters)`
            : value,
        );
        const cause =
          details.errorInstance instanceof Error
            ? details.errorInstance.message
            : String(details.errorInstance);
        throw new Error(
          `${cause.slice(0, 600)}\nCounterexample: ${example}\nReproduce: SECURITY_SEED=${fuzzSettings.seed} SECURITY_RUNS=${fuzzSettings.runs} npx vitest run --project security server/test/security/fuzz.sec.test.ts -t "${op.id}"`,
        );
      }
      fuzzStats.runs += fuzzSettings.runs;
      // A long run's progress, one line per operation (SECURITY_PROGRESS=file).
      if (process.env.SECURITY_PROGRESS)
        appendFileSync(process.env.SECURITY_PROGRESS, `${fuzzStats.line(op.id)}\n`);
    },
  );
});
