import * as client from 'openid-client';
import type { Config } from '../../config.ts';
import type { SsoSettingRow } from './queries/sso.ts';

/**
 * The relying party's view of a tenant's identity provider: its discovery document and keys, through openid-client.
 * Kept per tenant for ten minutes and per version of the setting, so that a changed setting applies at once.
 */
const cacheMinutes = 10;
const cache = new Map<string, { key: string; at: number; configuration: Promise<client.Configuration> }>();

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Issuers must use https. Plain http is allowed only for a provider on this machine's loopback and only outside
 * production (the tests' and a developer's provider): tokens and the client secret must never cross a network
 * unencrypted.
 */
export function issuerAllowed(config: Config, issuer: string): boolean {
  if (!URL.canParse(issuer)) return false;
  const url = new URL(issuer);
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && !config.production && loopbackHosts.has(url.hostname);
}

export class MissingSecretError extends Error {}

export function providerConfiguration(config: Config, setting: SsoSettingRow): Promise<client.Configuration> {
  const key = `${setting.version}`;
  const hit = cache.get(setting.tenant_id);
  if (hit && hit.key === key && Date.now() - hit.at < cacheMinutes * 60_000) return hit.configuration;
  const configuration = discover(config, setting);
  cache.set(setting.tenant_id, { key, at: Date.now(), configuration });
  // A failed discovery is not kept: the next sign-in asks again.
  configuration.catch(() => {
    if (cache.get(setting.tenant_id)?.configuration === configuration) cache.delete(setting.tenant_id);
  });
  return configuration;
}

async function discover(config: Config, setting: SsoSettingRow): Promise<client.Configuration> {
  let auth = client.None();
  if (setting.client_secret_env) {
    const secret = process.env[setting.client_secret_env];
    if (!secret) throw new MissingSecretError(setting.client_secret_env);
    auth = client.ClientSecretBasic(secret);
  }
  const insecure = new URL(setting.issuer).protocol === 'http:' && issuerAllowed(config, setting.issuer);
  return client.discovery(new URL(setting.issuer), setting.client_id, undefined, auth, {
    timeout: 10,
    ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
  });
}

/** The address people reach Leuchtturm at: the configured public URL, else the request's own. */
export function publicOrigin(config: Config, request: { protocol: string; host: string }): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export const callbackPath = '/api/v1/auth/oidc/callback';
export const postLogoutPath = '/anmelden';
