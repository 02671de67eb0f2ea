import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { readConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { testDatabase } from './db.ts';
import { TEST_PASSWORD, type TestTenant, type TestUserKey } from './factories.ts';

/** The app as a test sees it: the worker's database, no web build, development cookies. */
export async function testApp(
  overrides: Partial<ReturnType<typeof readConfig>> = {},
  /** The work list's clock (buildApp's `now`), for tests that move time. */
  now?: () => Date,
): Promise<FastifyInstance> {
  const { db } = await testDatabase();
  const config = { ...readConfig({}), webDistDir: '/nonexistent', ...overrides };
  const app = await buildApp({ db, config, ...(now ? { now } : {}) });
  await app.ready();
  return app;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** A signed-in (or anonymous) browser: keeps the session cookie and sends the CSRF token on changes. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(
    readonly app: FastifyInstance,
    readonly tenant: TestTenant,
  ) {}

  static async as(app: FastifyInstance, tenant: TestTenant, user: TestUserKey): Promise<Client> {
    const client = new Client(app, tenant);
    const res = await client.login(tenant.users[user].username, TEST_PASSWORD);
    if (res.statusCode !== 200) throw new Error(`login of ${user} failed: ${res.body}`);
    return client;
  }

  async login(username: string, password: string, ip = '127.0.0.1'): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password, tenant: this.tenant.slug },
      remoteAddress: ip,
    });
    const cookie = res.cookies.find((c) => c.name === 'lt_session');
    if (cookie) {
      this.cookie = `lt_session=${cookie.value}`;
      this.csrfToken = res.json().csrfToken;
    }
    return res;
  }

  request(method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
    });
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload);
  }
  put(url: string, payload: unknown) {
    return this.request('PUT', url, payload);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}
