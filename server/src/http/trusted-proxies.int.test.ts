import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/db.ts';
import { createTestTenant, TEST_PASSWORD } from '../../test/factories.ts';
import { testApp } from '../../test/http.ts';

const apps: FastifyInstance[] = [];
// The worker's database is started here, so that its start does not count against a test's time.
beforeAll(() => testDatabase());
afterAll(() => Promise.all(apps.map((app) => app.close())));

async function appTrusting(trustedProxies: string[]) {
  const app = await testApp({ trustedProxies });
  apps.push(app);
  return app;
}

/** A sign-in arriving from `remoteAddress` (the TCP peer) that claims to be forwarded for `forwardedFor`. */
function signIn(
  app: FastifyInstance,
  slug: string,
  username: string,
  password: string,
  remoteAddress: string,
  forwardedFor: string,
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password, tenant: slug },
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
  });
}

/**
 * 20 failed sign-ins (the per-address limit) from `remoteAddress`, each for another account, so that the
 * per-account limit plays no part. None of the first 19 is refused for too many attempts.
 */
async function failTwentyTimes(
  app: FastifyInstance,
  slug: string,
  remoteAddress: string,
  forwardedFor: (attempt: number) => string,
) {
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) {
    statuses.push(
      (await signIn(app, slug, `niemand${i}`, 'falsch', remoteAddress, forwardedFor(i))).statusCode,
    );
  }
  expect(statuses.slice(0, 19)).toEqual(Array(19).fill(401));
}

describe('forwarded addresses and the per-address sign-in limit', () => {
  it('ignores X-Forwarded-For when no proxy is trusted: 20 failures from one peer lock it out', async () => {
    const app = await appTrusting([]);
    const tenant = await createTestTenant((await testDatabase()).db);
    // Each attempt claims another client address: only the real peer address can explain the lock-out.
    await failTwentyTimes(app, tenant.slug, '10.20.0.1', (i) => `203.0.113.${i + 1}`);
    const locked = await signIn(app, tenant.slug, 'admin', TEST_PASSWORD, '10.20.0.1', '203.0.113.200');
    expect(locked.statusCode).toBe(429);
    // Another real peer is not affected.
    const other = await signIn(app, tenant.slug, 'admin', TEST_PASSWORD, '10.20.0.2', '203.0.113.1');
    expect(other.statusCode).toBe(200);
  }, 90_000);

  it('uses the forwarded address of a request that comes through a configured proxy', async () => {
    const app = await appTrusting(['10.30.0.0/24']);
    const tenant = await createTestTenant((await testDatabase()).db);
    await failTwentyTimes(app, tenant.slug, '10.30.0.7', () => '198.51.100.9');
    // The client behind the proxy is locked out ...
    const locked = await signIn(app, tenant.slug, 'admin', TEST_PASSWORD, '10.30.0.7', '198.51.100.9');
    expect(locked.statusCode).toBe(429);
    // ... another client behind the same proxy is not ...
    const neighbour = await signIn(app, tenant.slug, 'admin', TEST_PASSWORD, '10.30.0.7', '198.51.100.10');
    expect(neighbour.statusCode).toBe(200);
    // ... and a peer outside the trusted network cannot borrow the locked client's address either way.
    const stranger = await signIn(app, tenant.slug, 'admin', TEST_PASSWORD, '10.40.0.1', '198.51.100.9');
    expect(stranger.statusCode).toBe(200);
  }, 90_000);
});
