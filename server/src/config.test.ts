import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';
import { securityHeaders } from './http/securityHeaders.ts';

describe('configuration from the environment', () => {
  it('listens on loopback only unless HOST says otherwise', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('trusts no proxy by default and reads a comma-separated list of addresses and networks', () => {
    expect(readConfig({}).trustedProxies).toEqual([]);
    expect(
      readConfig({ LEUCHTTURM_TRUSTED_PROXIES: ' 10.0.0.5, 10.1.0.0/16,fd00::/8 ,loopback' }).trustedProxies,
    ).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });

  it('refuses a proxy entry that is no address, naming the variable', () => {
    expect(() => readConfig({ LEUCHTTURM_TRUSTED_PROXIES: '10.0.0.5,proxy.intern' })).toThrow(
      /LEUCHTTURM_TRUSTED_PROXIES: „proxy.intern“ ist keine IP-Adresse/,
    );
    expect(() => readConfig({ LEUCHTTURM_TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/keine IP-Adresse/);
  });

  it('turns fsync on in production and lets LEUCHTTURM_FSYNC decide either way', () => {
    expect(readConfig({}).fsync).toBe(false);
    expect(readConfig({ NODE_ENV: 'production' }).fsync).toBe(true);
    expect(readConfig({ LEUCHTTURM_FSYNC: '1' }).fsync).toBe(true);
    expect(readConfig({ NODE_ENV: 'production', LEUCHTTURM_FSYNC: '0' }).fsync).toBe(false);
    expect(() => readConfig({ LEUCHTTURM_FSYNC: 'vielleicht' })).toThrow(/LEUCHTTURM_FSYNC/);
  });

  it('reads the public address single sign-on redirects to, as an origin, and refuses one that is none', () => {
    expect(readConfig({}).publicUrl).toBeUndefined();
    expect(readConfig({ LEUCHTTURM_PUBLIC_URL: 'https://leuchtturm.stadt.de/' }).publicUrl).toBe(
      'https://leuchtturm.stadt.de',
    );
    expect(() => readConfig({ LEUCHTTURM_PUBLIC_URL: 'leuchtturm.stadt.de' })).toThrow(
      /LEUCHTTURM_PUBLIC_URL/,
    );
  });

  it('reads the atlas tile server as a URL template and refuses one without {z}, {x} and {y}', () => {
    expect(readConfig({}).mapTiles).toBeUndefined();
    expect(readConfig({ LEUCHTTURM_MAP_TILES: 'https://kacheln.stadt.de/{z}/{x}/{y}.png' }).mapTiles).toBe(
      'https://kacheln.stadt.de/{z}/{x}/{y}.png',
    );
    expect(() => readConfig({ LEUCHTTURM_MAP_TILES: 'https://kacheln.stadt.de/tiles.png' })).toThrow(
      /LEUCHTTURM_MAP_TILES/,
    );
  });

  it('lets the page load tiles from the configured tile server only', () => {
    const csp = securityHeaders(false, false, 'https://kacheln.stadt.de/{z}/{x}/{y}.png')[
      'content-security-policy'
    ];
    expect(csp).toContain("img-src 'self' data: blob: https://kacheln.stadt.de;");
    expect(csp).toContain("connect-src 'self' https://kacheln.stadt.de;");
    expect(securityHeaders(false, false)['content-security-policy']).toContain("connect-src 'self';");
  });
});
