import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, TEST_PASSWORD } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and returns the user with team and a CSRF token', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const client = new Client(app, tenant);
    const res = await client.login('caseManagerA'.toLowerCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lt_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toMatchObject({
      username: 'casemanagera',
      roles: ['case_manager'],
      team: { name: 'Team A' },
    });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);

    const me = await client.get('/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(tenant.users.caseManagerA.id);
    // The names are read by /auth/me itself, not by the session lookup every request runs.
    expect(me.json().user).toMatchObject({
      team: { id: tenant.teams.a, name: 'Team A' },
      socialCentre: { id: tenant.centreId, name: 'Sozialzentrum Test' },
      tenant: { slug: tenant.slug, name: `Testjugendamt ${tenant.slug}` },
    });
    expect(me.json().csrfToken).toBe(body.csrfToken);
  });

  it('marks the cookie Secure outside development', async () => {
    const prodApp = await testApp({ production: true });
    const tenant = await createTestTenant((await testDatabase()).db);
    const res = await new Client(prodApp, tenant).login('admin', TEST_PASSWORD);
    expect(res.cookies.find((c) => c.name === 'lt_session')?.secure).toBe(true);
    await prodApp.close();
  });

  it('refuses a wrong password with a German message and writes no session', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const client = new Client(app, tenant);
    const res = await client.login('admin', 'falsch');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('Benutzername oder Passwort ist falsch.');
    expect(client.cookie).toBeUndefined();
  });

  it('names the missing field when the body is incomplete', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { tenant: tenant.slug, username: 'admin' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('locks an account after five failed attempts, even for the right password', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const client = new Client(app, tenant);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.login('director', 'falsch')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await client.login('director', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toContain('gesperrt');
    expect(locked.headers['retry-after']).toBe('900');
    // Other accounts are not affected.
    expect((await new Client(app, tenant).login('admin', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('limits failed attempts per address across accounts', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const client = new Client(app, tenant);
    for (let i = 0; i < 20; i++) await client.login(`niemand${i}`, 'falsch', '10.9.9.9');
    const res = await client.login('admin', TEST_PASSWORD, '10.9.9.9');
    expect(res.statusCode).toBe(429);
    expect((await client.login('admin', TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const client = await Client.as(app, tenant, 'admin');
    expect((await client.post('/auth/logout')).statusCode).toBe(200);
    const me = await client.get('/auth/me');
    expect(me.statusCode).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const client = await Client.as(app, tenant, 'admin');
    await db
      .updateTable('session')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('tenant_id', '=', tenant.id)
      .execute();
    const me = await client.get('/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().detail).toContain('abgelaufen');
  });

  it("measures the idle timeout on the app's clock; a background poll does not keep the session alive", async () => {
    let offset = 0;
    const clockApp = await testApp({}, () => new Date(Date.now() + offset));
    try {
      const tenant = await createTestTenant((await testDatabase()).db);
      const client = await Client.as(clockApp, tenant, 'admin');
      const me = await client.get('/auth/me');
      expect(me.json().idleTimeoutMinutes).toBe(30);
      offset = 20 * 60_000;
      const poll = await client.request('GET', '/auth/me', undefined, { 'x-leuchtturm-background': '1' });
      expect(poll.statusCode).toBe(200);
      offset = 31 * 60_000;
      const later = await client.get('/auth/me');
      expect(later.statusCode).toBe(401);
      expect(later.json().detail).toContain('abgelaufen');
    } finally {
      await clockApp.close();
    }
  });

  it('a request the user makes keeps the session alive on the same clock', async () => {
    let offset = 0;
    const clockApp = await testApp({}, () => new Date(Date.now() + offset));
    try {
      const tenant = await createTestTenant((await testDatabase()).db);
      const client = await Client.as(clockApp, tenant, 'admin');
      offset = 20 * 60_000;
      expect((await client.get('/auth/me')).statusCode).toBe(200);
      offset = 45 * 60_000;
      expect((await client.get('/auth/me')).statusCode).toBe(200);
    } finally {
      await clockApp.close();
    }
  });

  it('ends a session whose user was deactivated behind its back, at its next request', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const client = await Client.as(app, tenant, 'caseManagerA');
    await db
      .updateTable('app_user')
      .set({ active: false })
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', tenant.users.caseManagerA.id)
      .execute();
    const me = await client.get('/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().detail).toContain('abgelaufen');
    const left = await db
      .selectFrom('session')
      .select('user_id')
      .where('tenant_id', '=', tenant.id)
      .where('user_id', '=', tenant.users.caseManagerA.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('ends a session at its absolute expiry even while it is in use', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const client = await Client.as(app, tenant, 'admin');
    await db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('tenant_id', '=', tenant.id)
      .execute();
    const me = await client.get('/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.json().detail).toContain('abgelaufen');
  });

  it('records activity at most once a minute: a second request within the minute writes nothing', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const client = await Client.as(app, tenant, 'admin');
    const lastSeen = () =>
      db
        .selectFrom('session')
        .select('last_seen_at')
        .where('tenant_id', '=', tenant.id)
        .executeTakeFirstOrThrow()
        .then((r) => r.last_seen_at.getTime());
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db
      .updateTable('session')
      .set({ last_seen_at: twoMinutesAgo })
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect((await client.get('/auth/me')).statusCode).toBe(200);
    const touched = await lastSeen();
    expect(touched).toBeGreaterThan(twoMinutesAgo.getTime());
    expect((await client.get('/auth/me')).statusCode).toBe(200);
    expect(await lastSeen()).toBe(touched);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const client = await Client.as(app, tenant, 'admin');
    const res = await client.request('POST', '/auth/logout', undefined, { 'x-csrf-token': 'falsch' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    expect((await client.get('/auth/me')).statusCode).toBe(200);
  });

  it('changes the password after checking the current one', async () => {
    const tenant = await createTestTenant((await testDatabase()).db);
    const client = await Client.as(app, tenant, 'finance');
    const wrong = await client.post('/auth/password', {
      currentPassword: 'falsch',
      newPassword: 'ein-neues-passwort',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const short = await client.post('/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'kurz',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'newPassword' });
    const ok = await client.post('/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ein-neues-passwort',
    });
    expect(ok.statusCode).toBe(204);
    expect((await new Client(app, tenant).login('finance', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await new Client(app, tenant).login('finance', 'ein-neues-passwort')).statusCode).toBe(200);
  });
});
