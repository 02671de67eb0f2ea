import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { registerAccessControl } from '../../http/permissions.ts';

let app: FastifyInstance;
let tenant: TestTenant;
beforeAll(async () => {
  app = await testApp();
  tenant = await createTestTenant((await testDatabase()).db);
});
afterAll(() => app.close());

describe('deny by default', () => {
  it('has a declared permission on every registered API route', () => {
    const apiRoutes = app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(apiRoutes.length).toBeGreaterThan(20);
    expect(apiRoutes.filter((r) => !r.permission)).toEqual([]);
  });

  it('refuses to start with a route that declares no permission', async () => {
    const bare = Fastify();
    registerAccessControl(bare);
    expect(() => bare.get('/api/v1/ohne-berechtigung', async () => 'x')).toThrow(/declares no permission/);
    expect(() =>
      bare.get('/api/v1/mit', { config: { permission: 'public' } }, async () => 'x'),
    ).not.toThrow();
  });

  it('answers 401 without a session on every non-public route', async () => {
    const anonymous = new Client(app, tenant);
    const closed = app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && r.permission !== 'public' && r.method !== 'HEAD',
    );
    for (const route of closed) {
      const url = route.url.replace('/api/v1', '').replace(':id', '00000000-0000-4000-8000-000000000000');
      const res = await anonymous.request(
        route.method as 'GET',
        url,
        route.method === 'GET' ? undefined : {},
      );
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
    }
  });
});

describe('each role gets exactly what it should', () => {
  const cases: [string, Parameters<typeof Client.as>[2], 'GET' | 'POST', string, number][] = [
    ['case manager reads teams', 'caseManagerA', 'GET', '/organisation/teams', 200],
    ['case manager reads staff (to find experts)', 'caseManagerA', 'GET', '/organisation/staff', 200],
    ['case manager cannot create a team', 'caseManagerA', 'POST', '/organisation/teams', 403],
    ['team lead cannot create a district', 'teamLeadA', 'POST', '/organisation/districts', 403],
    ['controlling reads the structure', 'controller', 'GET', '/organisation/districts', 200],
    ['controlling cannot list staff', 'controller', 'GET', '/organisation/staff', 403],
    ['controlling cannot read the audit trail', 'controller', 'GET', '/audit', 403],
    ['director cannot read the audit trail', 'director', 'GET', '/audit', 403],
    ['finance reads the structure', 'finance', 'GET', '/organisation/social-centres', 200],
    ['admin reads the audit trail', 'admin', 'GET', '/audit', 200],
    ['admin creates a district', 'admin', 'POST', '/organisation/districts', 201],
  ];
  it.each(cases)('%s', async (_label, user, method, url, status) => {
    const client = await Client.as(app, tenant, user);
    const body =
      method === 'POST' ? { name: `Bezirk ${Math.random()}`, code: `B${Date.now() % 100000}` } : undefined;
    const res = await client.request(method, url, body);
    expect(res.statusCode).toBe(status);
    if (status === 403) expect(res.json().detail).toContain('Berechtigung');
  });

  it('shows each user only their own tenant', async () => {
    const other = await createTestTenant((await testDatabase()).db);
    const client = await Client.as(app, other, 'admin');
    const teams = (await client.get('/organisation/teams')).json() as { id: string }[];
    expect(teams.map((t) => t.id).sort()).toEqual([other.teams.a, other.teams.b].sort());
    expect(teams.map((t) => t.id)).not.toContain(tenant.teams.a);
  });
});
