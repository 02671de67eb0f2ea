import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../db.ts';
import { createTestTenant, TEST_PASSWORD } from '../factories.ts';
import { Client, testApp } from '../http.ts';
import { operationsOf } from './fuzz-requests.ts';
import { validish } from './fuzz-schema.ts';
import { fuzzSettings } from './fuzz-settings.ts';
import { changedTables, fingerprint, fuzzWorld, signIn } from './fuzz-tenant.ts';

/**
 * The session protocol under attack: cross-site requests (CSRF) on every state-changing operation and session
 * fixation. What the module tests already prove is referenced in docs/security.md and not repeated here (a wrong
 * token on sign-out, the lock-out after five failures and under a burst of parallel guesses, sign-out, the password
 * change ending other sessions).
 */
const { db } = await testDatabase();
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

describe('CSRF on every state-changing operation', () => {
  it('refuses each one without the token, with the token of another session, and from a cross-site form; nothing is written', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const world = await fuzzWorld(app, db);
    // The attacker's own session in the same tenant: its token is valid, but not for the victim's cookie.
    const attacker = await Client.as(app, world.tenant, 'caseManagerB');
    const changing = operationsOf(doc).filter(
      (op) => !SAFE.has(op.method) && !['/api/v1/auth/login', '/api/v1/auth/oidc/callback'].includes(op.path),
    );
    expect(changing.length).toBeGreaterThan(100);
    const before = await fingerprint(db, world.tenant.id);
    const forms = ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x'];
    const variants = [
      { name: 'no token', headers: {} as Record<string, string> },
      { name: "another session's token", headers: { 'x-csrf-token': attacker.csrfToken ?? '' } },
      { name: 'empty token', headers: { 'x-csrf-token': '' } },
      { name: 'token in the cookie only', headers: { 'x-csrf-token': world.client.cookie ?? '' } },
      // A cross-site HTML form can only send these types, and no custom header.
      ...forms.map((type) => ({
        name: `a cross-site form (${type})`,
        headers: { 'content-type': type },
        form: true,
      })),
    ];
    let refused = 0;
    for (const [n, op] of changing.entries()) {
      let i = 0;
      const url = op.path.replace(/\{[^}]+\}/g, () => world.ids[i++ % world.ids.length] as string);
      const body = op.body ? fc.sample(validish(op.body, world.ids), { numRuns: 1, seed: 8 })[0] : undefined;
      // Short mode: one variant per operation, in turn; full mode: every variant on every operation.
      const chosen =
        fuzzSettings.mode === 'full'
          ? variants
          : [variants[n % variants.length] as (typeof variants)[number]];
      for (const variant of chosen) {
        const payload = 'form' in variant ? 'a=1' : body !== undefined ? JSON.stringify(body) : undefined;
        const res = await app.inject({
          method: op.method,
          url,
          ...(payload !== undefined ? { payload } : {}),
          headers: {
            cookie: world.client.cookie ?? '',
            origin: 'https://angreifer.example',
            ...(payload !== undefined && !('form' in variant) ? { 'content-type': 'application/json' } : {}),
            ...variant.headers,
          },
        });
        expect(res.statusCode, `${op.id} with ${variant.name}: ${res.body}`).toBe(403);
        expect(res.json().code, op.id).toBe('csrf');
        refused++;
      }
    }
    expect(refused).toBe(fuzzSettings.mode === 'full' ? changing.length * variants.length : changing.length);
    expect(changedTables(before, await fingerprint(db, world.tenant.id))).toEqual([]);
    // The victim's session is untouched by all of it.
    expect((await world.client.get('/auth/me')).statusCode).toBe(200);
  });

  it('does not accept a token sent as a query parameter or a cookie instead of the header', async () => {
    const world = await fuzzWorld(app, db);
    const token = world.client.csrfToken ?? '';
    const asQuery = await app.inject({
      method: 'POST',
      url: `/api/v1/notifications/read-all?csrfToken=${token}&x-csrf-token=${token}`,
      headers: { cookie: world.client.cookie ?? '' },
    });
    expect(asQuery.statusCode).toBe(403);
    const asCookie = await app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: { cookie: `${world.client.cookie}; x-csrf-token=${token}; csrf_token=${token}` },
    });
    expect(asCookie.statusCode).toBe(403);
    // The same request with the header is accepted: the refusals above are about the token alone.
    const withHeader = await world.client.post('/notifications/read-all');
    expect(withHeader.statusCode).toBe(200);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, so another site neither reads nor sends it', async () => {
    const { tenant } = await fuzzWorld(app, db);
    const res = await new Client(app, tenant).login('casemanagera', TEST_PASSWORD);
    const cookie = res.cookies.find((c) => c.name === 'lt_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });
});

describe('session fixation', () => {
  it('issues a new session at sign-in; a session id planted before it is worthless', async () => {
    const tenant = await createTestTenant(db);
    const planted = `lt_session=${tenant.id}.${'a'.repeat(43)}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'casemanagera', password: TEST_PASSWORD, tenant: tenant.slug },
      headers: { cookie: planted },
    });
    expect(res.statusCode).toBe(200);
    const issued = res.cookies.find((c) => c.name === 'lt_session')?.value;
    expect(issued).toBeDefined();
    expect(`lt_session=${issued}`).not.toBe(planted);
    const withPlanted = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: planted },
    });
    expect(withPlanted.statusCode).toBe(401);
  });

  it("does not upgrade a planted session of the attacker's own account when the victim signs in", async () => {
    const tenant = await createTestTenant(db);
    const attacker = await Client.as(app, tenant, 'caseManagerB');
    const victim = new Client(app, tenant);
    victim.cookie = attacker.cookie;
    const res = await victim.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'casemanagera', password: TEST_PASSWORD, tenant: tenant.slug },
      headers: { cookie: attacker.cookie ?? '' },
    });
    expect(res.statusCode).toBe(200);
    const issued = `lt_session=${res.cookies.find((c) => c.name === 'lt_session')?.value}`;
    expect(issued).not.toBe(attacker.cookie);
    // The attacker's cookie still names the attacker, never the victim who signed in over it.
    const seen = await attacker.get('/auth/me');
    expect(seen.json().user.id).toBe(tenant.users.caseManagerB.id);
    const victimSeen = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: issued },
    });
    expect(victimSeen.json().user.id).toBe(tenant.users.caseManagerA.id);
  });

  it("binds a session to its tenant: the token under another tenant's id is refused", async () => {
    const one = await createTestTenant(db);
    const other = await createTestTenant(db);
    const client = await Client.as(app, one, 'admin');
    const token = client.cookie?.split('.').slice(1).join('.');
    const moved = `lt_session=${other.id}.${token}`;
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: moved } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('ends the old token at sign-out: a stolen copy of the cookie is refused afterwards', async () => {
    const world = await fuzzWorld(app, db);
    const stolen = world.client.cookie ?? '';
    expect((await world.client.post('/auth/logout')).statusCode).toBe(200);
    const res = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: stolen } });
    expect(res.statusCode).toBe(401);
    world.client = await signIn(app, world.tenant);
    expect((await world.client.get('/auth/me')).statusCode).toBe(200);
  });
});
