import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, TEST_PASSWORD } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { lockout } from './service.ts';

/** Sign-in under attack: parallel guessing and stolen sessions (findings 2 and 5 of the security review). */
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('lock-out under parallel guesses', () => {
  it(`checks at most ${lockout.perAccount} of 100 parallel wrong passwords, and refuses the right one sent once they are used up`, async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const answers: number[] = [];
    const burst = Array.from({ length: 100 }, (_, i) =>
      new Client(app, tenant)
        .login('casemanagera', `falsch-${i}`, `10.0.${i}.1`)
        .then((res) => answers.push(res.statusCode)),
    );
    // The right password goes out while the burst is in flight, once five answers show the account's checks used.
    while (answers.length < lockout.perAccount) await new Promise((resolve) => setTimeout(resolve, 1));
    const right = await new Client(app, tenant).login('casemanagera', TEST_PASSWORD, '10.9.0.1');
    await Promise.all(burst);
    expect(right.statusCode).toBe(429);
    expect(right.headers['content-type']).toContain('application/problem+json');
    expect(right.cookies.find((c) => c.name === 'lt_session')).toBeUndefined();
    // Each checked password is recorded (login_failed, or login for the right one); the rest are refused unchecked.
    const checked = await db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', tenant.id)
      .where('action', 'in', ['login_failed', 'login'])
      .execute();
    expect(checked.length).toBeLessThanOrEqual(lockout.perAccount);
    expect(checked.filter((c) => c.action === 'login')).toEqual([]);
    expect(answers.filter((s) => s === 401).length).toBeLessThanOrEqual(lockout.perAccount);
    expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(100 - lockout.perAccount);
    const sessions = await db
      .selectFrom('session')
      .select('user_id')
      .where('tenant_id', '=', tenant.id)
      .where('user_id', '=', tenant.users.caseManagerA.id)
      .execute();
    expect(sessions).toEqual([]);
  });

  it('counts the right password inside a burst as one of the five checks, so a burst cannot try more', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const burst = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        new Client(app, tenant).login(
          'casemanagera',
          i === 10 ? TEST_PASSWORD : `falsch-${i}`,
          `10.1.${i}.1`,
        ),
      ),
    );
    // Every checked password leaves an audit entry: login_failed for a wrong one, login for the right one.
    const checked = await db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', tenant.id)
      .where('action', 'in', ['login_failed', 'login'])
      .execute();
    expect(checked.length).toBeLessThanOrEqual(lockout.perAccount);
    const signedIn = burst.filter((a) => a.statusCode === 200).length;
    expect(signedIn).toBe(checked.filter((c) => c.action === 'login').length);
  });
});

describe('password change', () => {
  it("ends the user's other sessions and keeps the one that changed it", async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const here = await Client.as(app, tenant, 'caseManagerA');
    const elsewhere = await Client.as(app, tenant, 'caseManagerA');
    const colleague = await Client.as(app, tenant, 'colleagueA');
    expect((await elsewhere.get('/auth/me')).statusCode).toBe(200);
    const changed = await here.post('/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ein-ganz-neues-passwort',
    });
    expect(changed.statusCode).toBe(204);
    expect((await elsewhere.get('/auth/me')).statusCode).toBe(401);
    expect((await here.get('/auth/me')).statusCode).toBe(200);
    expect((await colleague.get('/auth/me')).statusCode).toBe(200);
  });
});
