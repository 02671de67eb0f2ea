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
  it('checks at most five passwords of an account however many guesses arrive at once', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const guesses = Array.from({ length: 40 }, (_, i) =>
      new Client(app, tenant).login('casemanagera', `falsch-${i}`, `10.0.${i}.1`),
    );
    const answers = await Promise.all(guesses);
    const statuses = answers.map((a) => a.statusCode);
    // Each checked password is recorded as a failure; the rest are refused before any check.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(lockout.perAccount);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - lockout.perAccount);
    const checked = await db
      .selectFrom('audit_log')
      .select('seq')
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'login_failed')
      .execute();
    expect(checked.length).toBeLessThanOrEqual(lockout.perAccount);
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
