import { randomUUID } from 'node:crypto';
import { ssoRefusalMessages } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { type IdpAccount, signInAtIdp, startTestIdp, type TestIdp } from '../../../test/oidcProvider.ts';

// Leuchtturm as the provider knows it; requests reach it by inject, never over this address.
const origin = 'http://127.0.0.1:3999';
const secretEnv = 'LEUCHTTURM_OIDC_TEST_SECRET';

let app: FastifyInstance;
let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp(origin);
  process.env[secretEnv] = idp.clientSecret;
  app = await testApp({ publicUrl: origin });
});
afterAll(async () => {
  await app.close();
  await idp.close();
});

async function tenantWithSso(): Promise<{ tenant: TestTenant; admin: Client }> {
  const tenant = await createTestTenant((await testDatabase()).db);
  const admin = await Client.as(app, tenant, 'admin');
  const res = await admin.put('/sso', {
    enabled: true,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecretEnv: secretEnv,
    scopes: 'openid profile email',
    groupClaim: 'groups',
    groupMappings: [
      { group: 'jugendamt-fachkraefte', role: 'case_manager', teamId: tenant.teams.a },
      { group: 'jugendamt-leitung', role: 'team_lead', teamId: tenant.teams.a },
      { group: 'jugendamt-wjh', role: 'finance', teamId: null },
    ],
  });
  expect(res.statusCode, res.body).toBe(204);
  return { tenant, admin };
}

/** The whole flow: start at Leuchtturm, sign in at the provider, come back to the callback. */
async function signInThroughIdp(tenant: TestTenant, login: string) {
  const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start?tenant=${tenant.slug}` });
  expect(start.statusCode).toBe(303);
  const stateCookie = start.cookies.find((c) => c.name === 'lt_sso_state');
  expect(stateCookie?.httpOnly).toBe(true);
  expect(stateCookie?.sameSite).toBe('Lax');
  const authorizationUrl = new URL(start.headers.location as string);
  expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
  const back = await signInAtIdp(authorizationUrl.href, login, origin);
  const callback = await app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: { cookie: `lt_sso_state=${stateCookie?.value}` },
  });
  const session = callback.cookies.find((c) => c.name === 'lt_session' && c.value);
  return { callback, session, location: callback.headers.location as string };
}

async function counts(tenantId: string) {
  const { db } = await testDatabase();
  const users = await db.selectFrom('app_user').select('id').where('tenant_id', '=', tenantId).execute();
  const sessions = await db
    .selectFrom('session')
    .select('user_id')
    .where('tenant_id', '=', tenantId)
    .execute();
  return { users: users.length, sessions: sessions.length };
}

async function lastAudit(tenantId: string) {
  const { db } = await testDatabase();
  return db
    .selectFrom('audit_log')
    .select(['action', 'entity_type', 'details'])
    .where('tenant_id', '=', tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

describe('single sign-on through a real OpenID provider', () => {
  it('creates the account on first sign-in with role and team from the groups, and signs it in', async () => {
    const { tenant } = await tenantWithSso();
    idp.accounts.set(`sub-${tenant.slug}`, {
      name: 'Frieda Fachkraft',
      preferred_username: `frieda-${tenant.slug}`,
      email: 'frieda@example.test',
      groups: ['jugendamt-fachkraefte', 'alle-mitarbeitenden'],
    });
    const { callback, session, location } = await signInThroughIdp(tenant, `sub-${tenant.slug}`);
    expect(callback.statusCode).toBe(303);
    expect(location).toBe('/');
    expect(session?.sameSite).toBe('Strict');

    const client = new Client(app, tenant);
    client.cookie = `lt_session=${session?.value}`;
    const me = await client.get('/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({
      username: `frieda-${tenant.slug}`,
      displayName: 'Frieda Fachkraft',
      roles: ['case_manager'],
      team: { id: tenant.teams.a },
    });
    const audit = await lastAudit(tenant.id);
    expect(audit).toMatchObject({ action: 'login', entity_type: 'user', details: { method: 'oidc' } });
    // The trail names the method, never a token or a claim.
    expect(JSON.stringify(audit.details)).not.toContain('frieda');
  });

  it('matches the account by subject at the next sign-in and applies changed groups', async () => {
    const { tenant } = await tenantWithSso();
    const sub = `sub2-${tenant.slug}`;
    idp.accounts.set(sub, {
      name: 'Lea Leitung',
      preferred_username: `lea-${tenant.slug}`,
      email: 'lea@example.test',
      groups: ['jugendamt-fachkraefte'],
    });
    await signInThroughIdp(tenant, sub);
    const before = await counts(tenant.id);
    idp.accounts.set(sub, {
      ...(idp.accounts.get(sub) as IdpAccount),
      groups: ['jugendamt-leitung', 'jugendamt-wjh'],
    });
    const { session } = await signInThroughIdp(tenant, sub);
    expect((await counts(tenant.id)).users).toBe(before.users);
    const client = new Client(app, tenant);
    client.cookie = `lt_session=${session?.value}`;
    expect((await client.get('/auth/me')).json().user.roles).toEqual(['team_lead', 'finance']);
  });

  it('ends the local session on sign-out and names the provider’s end-session address', async () => {
    const { tenant } = await tenantWithSso();
    const sub = `sub3-${tenant.slug}`;
    idp.accounts.set(sub, {
      name: 'Olaf',
      preferred_username: `olaf-${tenant.slug}`,
      email: 'o@x.test',
      groups: ['jugendamt-wjh'],
    });
    const { session } = await signInThroughIdp(tenant, sub);
    const client = new Client(app, tenant);
    client.cookie = `lt_session=${session?.value}`;
    client.csrfToken = (await client.get('/auth/me')).json().csrfToken;
    const signedIn = (await counts(tenant.id)).sessions;
    const out = await client.post('/auth/logout');
    expect(out.statusCode).toBe(200);
    const endSession = new URL(out.json().endSessionUrl);
    expect(endSession.origin).toBe(idp.issuer);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${origin}/anmelden`);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect((await client.get('/auth/me')).statusCode).toBe(401);
    expect((await counts(tenant.id)).sessions).toBe(signedIn - 1);
  });

  it('keeps local sign-in: a password sign-out names no provider', async () => {
    const { tenant } = await tenantWithSso();
    const admin = await Client.as(app, tenant, 'admin');
    const out = await admin.post('/auth/logout');
    expect(out.json()).toEqual({ endSessionUrl: null });
  });
});

describe('refused sign-ins: a clear message, nothing created, audited', () => {
  const cases = [
    {
      name: 'a wrong audience',
      reason: 'wrong_audience',
      tamper: (c: object) => ({ ...c, aud: 'another-app' }),
    },
    {
      name: 'a wrong issuer',
      reason: 'wrong_issuer',
      tamper: (c: object) => ({ ...c, iss: 'https://evil.test' }),
    },
    {
      name: 'a wrong nonce',
      reason: 'wrong_nonce',
      tamper: (c: object) => ({ ...c, nonce: 'not-this-sign-in' }),
    },
    {
      name: 'an expired token',
      reason: 'expired',
      tamper: (c: object) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 600 }),
    },
  ] as const;

  for (const bad of cases) {
    it(`refuses an ID token with ${bad.name}`, async () => {
      const { tenant } = await tenantWithSso();
      const sub = `bad-${tenant.slug}`;
      idp.accounts.set(sub, {
        name: 'X',
        preferred_username: `x-${tenant.slug}`,
        email: 'x@x.test',
        groups: ['jugendamt-wjh'],
      });
      const before = await counts(tenant.id);
      idp.tamper = bad.tamper;
      try {
        const { callback, session, location } = await signInThroughIdp(tenant, sub);
        expect(callback.statusCode).toBe(303);
        expect(location).toBe(`/anmelden?sso=${bad.reason}`);
        expect(ssoRefusalMessages[bad.reason]).toMatch(/Anmeldetoken/);
        expect(session).toBeUndefined();
      } finally {
        idp.tamper = null;
      }
      expect(await counts(tenant.id)).toEqual(before);
      expect(await lastAudit(tenant.id)).toMatchObject({
        action: 'login_failed',
        details: { method: 'oidc', reason: bad.reason },
      });
    });
  }

  it('refuses a person whose groups the mapping does not know', async () => {
    const { tenant } = await tenantWithSso();
    const sub = `nogroup-${tenant.slug}`;
    idp.accounts.set(sub, {
      name: 'Y',
      preferred_username: `y-${tenant.slug}`,
      email: 'y@x.test',
      groups: ['kantine'],
    });
    const before = await counts(tenant.id);
    const { location, session } = await signInThroughIdp(tenant, sub);
    expect(location).toBe('/anmelden?sso=unknown_group');
    expect(ssoRefusalMessages.unknown_group).toContain('keiner Gruppe');
    expect(session).toBeUndefined();
    expect(await counts(tenant.id)).toEqual(before);
    expect((await lastAudit(tenant.id)).details).toEqual({ method: 'oidc', reason: 'unknown_group' });
  });

  it('never links a local account by its user name: a provider person named like the local admin is refused', async () => {
    const { tenant } = await tenantWithSso();
    const sub = `taken-${tenant.slug}`;
    idp.accounts.set(sub, {
      name: 'Fake Admin',
      preferred_username: 'admin',
      email: 'a@x.test',
      groups: ['jugendamt-wjh'],
    });
    const before = await counts(tenant.id);
    const { location, session } = await signInThroughIdp(tenant, sub);
    expect(location).toBe('/anmelden?sso=username_taken');
    expect(session).toBeUndefined();
    expect(await counts(tenant.id)).toEqual(before);
    const { db } = await testDatabase();
    const admin = await db
      .selectFrom('app_user')
      .select(['external_subject', 'roles'])
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', tenant.users.admin.id)
      .executeTakeFirstOrThrow();
    expect(admin).toEqual({ external_subject: null, roles: ['admin'] });
  });

  it('refuses an account deactivated in Leuchtturm, and groups that name two teams', async () => {
    const { tenant } = await tenantWithSso();
    const sub = `gone-${tenant.slug}`;
    idp.accounts.set(sub, {
      name: 'G',
      preferred_username: `g-${tenant.slug}`,
      email: 'g@x.test',
      groups: ['jugendamt-wjh'],
    });
    await signInThroughIdp(tenant, sub);
    const { db } = await testDatabase();
    await db
      .updateTable('app_user')
      .set({ active: false })
      .where('tenant_id', '=', tenant.id)
      .where('external_subject', '=', sub)
      .execute();
    expect((await signInThroughIdp(tenant, sub)).location).toBe('/anmelden?sso=inactive');
    expect((await lastAudit(tenant.id)).details).toEqual({ method: 'oidc', reason: 'inactive' });

    const admin = await Client.as(app, tenant, 'admin');
    const { settings } = (await admin.get('/sso')).json();
    const twoTeams = await admin.put('/sso', {
      ...settings,
      groupMappings: [
        ...settings.groupMappings,
        { group: 'team-b', role: 'case_manager', teamId: tenant.teams.b },
      ],
    });
    expect(twoTeams.statusCode).toBe(204);
    const both = `both-${tenant.slug}`;
    idp.accounts.set(both, {
      name: 'B',
      preferred_username: `b-${tenant.slug}`,
      email: 'b@x.test',
      groups: ['jugendamt-fachkraefte', 'team-b'],
    });
    const before = await counts(tenant.id);
    expect((await signInThroughIdp(tenant, both)).location).toBe('/anmelden?sso=ambiguous_team');
    expect(await counts(tenant.id)).toEqual(before);
  });

  it('refuses a callback without the browser’s state cookie, and a state used twice', async () => {
    const { tenant } = await tenantWithSso();
    const sub = `replay-${tenant.slug}`;
    idp.accounts.set(sub, {
      name: 'Z',
      preferred_username: `z-${tenant.slug}`,
      email: 'z@x.test',
      groups: ['jugendamt-wjh'],
    });
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start?tenant=${tenant.slug}` });
    const state = start.cookies.find((c) => c.name === 'lt_sso_state')?.value;
    const back = await signInAtIdp(start.headers.location as string, sub, origin);
    const url = `${back.pathname}${back.search}`;
    const without = await app.inject({ method: 'GET', url });
    expect(without.headers.location).toBe('/anmelden?sso=state');
    const first = await app.inject({ method: 'GET', url, headers: { cookie: `lt_sso_state=${state}` } });
    expect(first.headers.location).toBe('/');
    const trail = await lastAudit(tenant.id);
    const again = await app.inject({ method: 'GET', url, headers: { cookie: `lt_sso_state=${state}` } });
    expect(again.headers.location).toBe('/anmelden?sso=state');
    // A forged cookie naming another (or no) tenant is refused the same way, and writes to no trail.
    const forged = `${randomUUID()}.${state?.split('.')[1]}`;
    const other = await app.inject({ method: 'GET', url, headers: { cookie: `lt_sso_state=${forged}` } });
    expect(other.headers.location).toBe('/anmelden?sso=state');
    expect(await lastAudit(tenant.id)).toEqual(trail);
  });
});

describe('the single sign-on setting', () => {
  it('is for admins only, audited with field names, and refuses bad input naming the field', async () => {
    const { tenant, admin } = await tenantWithSso();
    const caseManager = await Client.as(app, tenant, 'caseManagerA');
    expect((await caseManager.get('/sso')).statusCode).toBe(403);

    const read = await admin.get('/sso');
    expect(read.statusCode).toBe(200);
    const { settings, redirectUri } = read.json();
    expect(redirectUri).toBe(`${origin}/api/v1/auth/oidc/callback`);
    expect(settings).toMatchObject({ issuer: idp.issuer, clientSecretEnv: secretEnv, version: 1 });
    expect(JSON.stringify(read.json())).not.toContain(idp.clientSecret);

    const bad = await admin.put('/sso', {
      ...settings,
      issuer: 'http://idp.example.test',
      clientSecretEnv: 'DATABASE_URL',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('clientSecretEnv');
    const insecure = await admin.put('/sso', { ...settings, issuer: 'http://idp.example.test' });
    expect(insecure.statusCode).toBe(400);
    expect(insecure.json().errors[0]).toMatchObject({ field: 'issuer' });
    expect((await admin.get('/sso')).json().settings.version).toBe(1);

    const off = await admin.put('/sso', { ...settings, enabled: false });
    expect(off.statusCode).toBe(204);
    expect(await lastAudit(tenant.id)).toMatchObject({
      action: 'update',
      entity_type: 'sso_setting',
      details: { fields: ['enabled'] },
    });
    const stale = await admin.put('/sso', { ...settings, enabled: false });
    expect(stale.statusCode).toBe(409);
    const status = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/status?tenant=${tenant.slug}` });
    expect(status.json()).toEqual({ enabled: false });
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start?tenant=${tenant.slug}` });
    expect(start.headers.location).toBe('/anmelden?sso=not_configured');
  });
});
