import { createHash, timingSafeEqual } from 'node:crypto';
import { type SsoRefusal, singleLineTextPattern } from '@leuchtturm/shared';
import * as client from 'openid-client';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { systemActor } from '../../shared/actor.ts';
import { inTransaction } from '../../shared/context.ts';
import { callbackPath, MissingSecretError, postLogoutPath, providerConfiguration } from './oidcClient.ts';
import {
  findSessionSso,
  findSsoSetting,
  insertSsoLogin,
  type SsoSettingRow,
  takeSsoLogin,
} from './queries/sso.ts';
import { resolveTenant } from './service.ts';
import { startSession } from './sessions.ts';
import { provisionAccount } from './ssoAccounts.ts';

/**
 * Sign-in through the tenant's identity provider: OpenID Connect's authorisation code flow with PKCE
 * (docs/security.md, "Single sign-on"). State, nonce and the PKCE verifier stay on the server (table sso_login, ten
 * minutes, used once); the browser holds the state in a cookie of its own, so that a sign-in finishes only in the
 * browser that began it. openid-client validates the ID token (signature by the provider's published keys, issuer,
 * audience, nonce, expiry); the same claims are checked here again, explicitly, before anyone is signed in.
 */
export const SSO_STATE_COOKIE = 'lt_sso_state';
const stateMinutes = 10;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Refused sign-ins carry their reason code; the route sends the browser to the sign-in page with it. */
export class SsoRefused extends Error {
  constructor(readonly reason: SsoRefusal) {
    super(reason);
  }
}

export async function startSsoSignIn(
  db: Database,
  config: Config,
  tenantSlug: string | undefined,
  origin: string,
): Promise<{ url: string; stateCookie: string }> {
  const tenant = await resolveTenant(db, config, tenantSlug);
  const setting = await findSsoSetting(db, tenant.id);
  if (!setting?.enabled) throw new SsoRefused('not_configured');
  const provider = await providerOf(config, setting);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await insertSsoLogin(db, {
    tenant_id: tenant.id,
    state_hash: sha256(state),
    nonce,
    code_verifier: codeVerifier,
    expires_at: new Date(Date.now() + stateMinutes * 60_000),
  });
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: `${origin}${callbackPath}`,
    scope: setting.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, stateCookie: `${tenant.id}.${state}` };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Finishes a sign-in at the callback: the session's cookie value, or SsoRefused with the reason, which is audited
 * (never a token or a claim). A refusal writes nothing else: no account, no session.
 */
export async function finishSsoSignIn(
  db: Database,
  config: Config,
  stateCookie: string | undefined,
  currentUrl: URL,
  origin: string,
  now: Date,
): Promise<{ cookieValue: string }> {
  const dot = stateCookie?.indexOf('.') ?? -1;
  const tenantId = stateCookie?.slice(0, dot) ?? '';
  const state = stateCookie?.slice(dot + 1) ?? '';
  // Until the state names a sign-in begun here, the cookie's tenant is only a claim of the browser's: such a
  // refusal (no cookie, another state, a replay) is not written to any tenant's audit trail.
  if (dot < 0 || !UUID.test(tenantId) || !state) throw new SsoRefused('state');
  const refuse = async (reason: SsoRefusal, userId: string | null = null): Promise<never> => {
    await inTransaction(db, systemActor(tenantId), (ctx) =>
      ctx.audit({
        action: 'login_failed',
        entityType: 'user',
        entityId: userId,
        details: { method: 'oidc', reason },
      }),
    );
    throw new SsoRefused(reason);
  };

  const given = currentUrl.searchParams.get('state') ?? '';
  if (!sameText(given, state)) throw new SsoRefused('state');
  const pending = await takeSsoLogin(db, tenantId, sha256(state));
  if (!pending) throw new SsoRefused('state');
  if (pending.expires_at.getTime() < Date.now()) return refuse('state');
  const setting = await findSsoSetting(db, tenantId);
  if (!setting?.enabled) return refuse('not_configured');

  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    const provider = await providerOf(config, setting);
    // The callback's address as the provider redirected to it (behind a proxy: the configured public one).
    const url = new URL(`${origin}${callbackPath}${currentUrl.search}`);
    tokens = await client.authorizationCodeGrant(provider, url, {
      pkceCodeVerifier: pending.code_verifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    return refuse(error instanceof SsoRefused ? error.reason : reasonOf(error));
  }
  const claims = tokens.claims();
  const explicit = claims ? checkClaims(claims, setting, pending.nonce) : 'invalid_token';
  if (explicit || !claims) return refuse(explicit ?? 'invalid_token');

  const outcome = await inTransaction(db, systemActor(tenantId), async (ctx) => {
    const account = await provisionAccount(ctx, setting, claims);
    if ('refused' in account) return account;
    const session = await startSession(ctx.db, config, tenantId, account.userId, now, {
      issuer: setting.issuer,
      idToken: tokens.id_token ?? null,
    });
    await ctx.audit({
      action: 'login',
      entityType: 'user',
      entityId: account.userId,
      details: { method: 'oidc' },
    });
    return { cookieValue: session.cookieValue };
  });
  if ('refused' in outcome) return refuse(outcome.refused, outcome.userId);
  return outcome;
}

/** The provider's sign-out address for a session that came through it, if the provider publishes one. */
export async function endSessionUrl(
  db: Database,
  config: Config,
  tenantId: string,
  tokenHash: string,
  origin: string,
): Promise<string | null> {
  const session = await findSessionSso(db, tenantId, tokenHash);
  if (!session?.sso_issuer) return null;
  const setting = await findSsoSetting(db, tenantId);
  if (!setting || setting.issuer !== session.sso_issuer) return null;
  try {
    const provider = await providerOf(config, setting);
    if (!provider.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(provider, {
      client_id: setting.client_id,
      post_logout_redirect_uri: `${origin}${postLogoutPath}`,
      ...(session.sso_id_token ? { id_token_hint: session.sso_id_token } : {}),
    }).href;
  } catch {
    // The local session ends regardless; an unreachable provider only keeps its own session.
    return null;
  }
}

async function providerOf(config: Config, setting: SsoSettingRow) {
  try {
    return await providerConfiguration(config, setting);
  } catch (error) {
    throw new SsoRefused(error instanceof MissingSecretError ? 'not_configured' : 'provider_unreachable');
  }
}

/** Belt and braces after the library: the claims a wrong token would differ in, checked against the setting. */
export function checkClaims(
  claims: client.IDToken,
  setting: SsoSettingRow,
  nonce: string,
): SsoRefusal | null {
  if (claims.iss !== setting.issuer) return 'wrong_issuer';
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audience.includes(setting.client_id)) return 'wrong_audience';
  if (claims.nonce !== nonce) return 'wrong_nonce';
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return 'expired';
  if (typeof claims.sub !== 'string' || !claims.sub || !singleLineTextPattern.test(claims.sub)) {
    return 'invalid_token';
  }
  return null;
}

/** The reason of a failed code exchange, from openid-client's error code and the claim it names. */
export function reasonOf(error: unknown): SsoRefusal {
  if (error instanceof client.AuthorizationResponseError) return 'provider_denied';
  if (error instanceof client.ResponseBodyError) return 'provider_denied';
  if (error instanceof TypeError) return 'provider_unreachable';
  const code = (error as { code?: unknown })?.code;
  let claim: unknown;
  for (
    let e: unknown = error;
    e && typeof e === 'object' && claim === undefined;
    e = (e as { cause?: unknown }).cause
  ) {
    claim = (e as { claim?: unknown }).claim;
  }
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    if (claim === 'iss') return 'wrong_issuer';
    if (claim === 'aud' || claim === 'azp') return 'wrong_audience';
    if (claim === 'nonce') return 'wrong_nonce';
  }
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' && claim === 'exp') return 'expired';
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_RESPONSE_IS_NOT_JSON')
    return 'provider_denied';
  return 'invalid_token';
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
