import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import Provider from 'oidc-provider';

/** A person known to the test provider; `groups` goes into the ID token's `groups` claim. */
export interface IdpAccount {
  name: string;
  preferred_username: string;
  email: string;
  groups: string[];
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  /**
   * Rewrites the claims of the next ID tokens the token endpoint hands out, re-signed with the provider's own key
   * (a token the provider could have issued, wrong in one claim only); null: tokens as issued.
   */
  tamper: ((claims: JWTPayload) => JWTPayload) | null;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (panva's oidc-provider, the certified implementation) on a random loopback port, with one
 * confidential client whose redirect URIs point at the Leuchtturm under test. Its development interactions ask for
 * a login name on an HTML page (any password); consent is granted by default, as for a first-party client.
 */
export async function startTestIdp(leuchtturmOrigin: string): Promise<TestIdp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, IdpAccount>();
  const clientId = 'leuchtturm';
  const clientSecret = 'test-client-secret-0123456789';

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${leuchtturmOrigin}/api/v1/auth/oidc/callback`],
        post_logout_redirect_uris: [`${leuchtturmOrigin}/anmelden`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
    pkce: { required: () => true },
    // Claims in the ID token itself, as Keycloak's group mapper with "Add to ID token" does.
    conformIdTokenClaims: false,
    claims: { openid: ['sub', 'groups'], profile: ['name', 'preferred_username'], email: ['email'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    // Consent is not asked: Leuchtturm is the city's own application.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client?.clientId ?? clientId,
        accountId: ctx.oidc.session?.accountId ?? '',
      });
      grant.addOIDCScope('openid profile email');
      grant.addOIDCClaims(['groups', 'name', 'preferred_username', 'email']);
      await grant.save();
      return grant;
    },
  });

  const idp: TestIdp = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamper: null,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && idp.tamper && body?.id_token) {
      const claims = idp.tamper(decodeJwt(body.id_token));
      body.id_token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
        .sign(privateKey);
    }
  });
  server.on('request', provider.callback());
  return idp;
}

/** Follows the provider's redirects like a browser would, with a cookie jar, until it points back at Leuchtturm. */
export async function signInAtIdp(authorizationUrl: string, login: string, leuchtturmOrigin: string) {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(leuchtturmOrigin)) return new URL(url);
    const res = await send(url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location') ?? '', url).href;
      continue;
    }
    // The development login page: submit the login name (any password).
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action || !html.includes('name="login"')) throw new Error(`unexpected provider page at ${url}`);
    const posted = await send(new URL(action, url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'egal' }).toString(),
    });
    url = new URL(posted.headers.get('location') ?? '', url).href;
  }
  throw new Error('too many redirects at the provider');
}
