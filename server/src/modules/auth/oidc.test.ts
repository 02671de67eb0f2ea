import type * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { checkClaims, reasonOf } from './oidc.ts';
import type { SsoSettingRow } from './queries/sso.ts';

const setting = { issuer: 'https://login.stadt.example/realms/ja', client_id: 'leuchtturm' } as SsoSettingRow;
const now = Math.floor(Date.now() / 1000);
const good = {
  iss: setting.issuer,
  aud: ['leuchtturm'],
  sub: 'abc-123',
  nonce: 'n-1',
  iat: now,
  exp: now + 300,
} as client.IDToken;

describe('the explicit ID-token checks after the library', () => {
  it('accepts a token that matches the setting and the sign-in', () => {
    expect(checkClaims(good, setting, 'n-1')).toBeNull();
  });

  it('names what is wrong: issuer, audience, nonce, expiry, subject', () => {
    expect(checkClaims({ ...good, iss: 'https://evil.example' }, setting, 'n-1')).toBe('wrong_issuer');
    expect(checkClaims({ ...good, aud: 'other-app' }, setting, 'n-1')).toBe('wrong_audience');
    expect(checkClaims(good, setting, 'another-sign-in')).toBe('wrong_nonce');
    expect(checkClaims({ ...good, exp: now - 1 }, setting, 'n-1')).toBe('expired');
    expect(checkClaims({ ...good, sub: 'a\nb' }, setting, 'n-1')).toBe('invalid_token');
  });
});

describe('the reason of a failed code exchange', () => {
  const claimError = (code: string, claim: string) =>
    Object.assign(new Error('x'), { code, cause: Object.assign(new Error('y'), { claim }) });

  it('reads the claim openid-client names', () => {
    expect(reasonOf(claimError('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'iss'))).toBe('wrong_issuer');
    expect(reasonOf(claimError('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'aud'))).toBe('wrong_audience');
    expect(reasonOf(claimError('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'nonce'))).toBe('wrong_nonce');
    expect(reasonOf(claimError('OAUTH_JWT_TIMESTAMP_CHECK_FAILED', 'exp'))).toBe('expired');
    expect(reasonOf(claimError('OAUTH_JWT_TIMESTAMP_CHECK_FAILED', 'iat'))).toBe('invalid_token');
    expect(reasonOf(new TypeError('fetch failed'))).toBe('provider_unreachable');
  });
});
