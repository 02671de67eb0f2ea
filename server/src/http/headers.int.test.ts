import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../test/cases.ts';
import { testDatabase } from '../../test/db.ts';
import { createTestTenant } from '../../test/factories.ts';
import { Client, testApp } from '../../test/http.ts';

/** Every answer carries the security headers; API answers are never cached; HSTS only in production. */
let app: FastifyInstance;
let production: FastifyInstance;
let webDist: string;
beforeAll(async () => {
  // A stand-in for the built web app: the shell and one hashed asset.
  webDist = mkdtempSync(path.join(tmpdir(), 'leuchtturm-web-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Leuchtturm</title>');
  writeFileSync(path.join(webDist, 'assets', 'index-abc123.js'), 'console.log(1);');
  app = await testApp({ webDistDir: webDist });
  production = await testApp({ webDistDir: webDist, production: true });
});
afterAll(async () => {
  await app.close();
  await production.close();
  rmSync(webDist, { recursive: true, force: true });
});

function directives(res: LightMyRequestResponse): Map<string, string> {
  const csp = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(' ')[0] as string, d.split(' ').slice(1).join(' ')]),
  );
}

function expectCommonHeaders(res: LightMyRequestResponse) {
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(directives(res).get('frame-ancestors')).toBe("'none'");
  expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
}

function expectApiHeaders(res: LightMyRequestResponse) {
  expectCommonHeaders(res);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(directives(res).get('default-src')).toBe("'none'");
}

describe('security headers', () => {
  it('sends them, no-store and the API policy on a JSON answer with personal data', async () => {
    const { db } = await testDatabase();
    const cm = await Client.as(app, await createTestTenant(db), 'caseManagerA');
    const { caseId } = await openTestCase(cm);
    const res = await cm.get(`/cases/${caseId}`);
    expect(res.statusCode).toBe(200);
    expectApiHeaders(res);
  });

  it('sends them on problems: refused, not found, and refused by the router', async () => {
    for (const url of ['/api/v1/cases', '/api/v1/gibt-es-nicht', '/api/v1/cases/%E0%A4%A']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-security-policy'], url).toBeDefined();
      expectApiHeaders(res);
    }
  });

  it('sends them with a download', async () => {
    const { db } = await testDatabase();
    const cm = await Client.as(app, await createTestTenant(db), 'caseManagerA');
    const { caseId } = await openTestCase(cm);
    const res = await cm.get(`/cases/${caseId}/forms/falleingang`);
    expect(res.statusCode).toBe(200);
    expectApiHeaders(res);
  });

  it('gives the web app a policy that allows only its own scripts, styles inline, and its own worker', async () => {
    for (const url of ['/', '/faelle/123', '/assets/index-abc123.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expectCommonHeaders(res);
      const csp = directives(res);
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
      expect(csp.get('worker-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'none'");
      expect(res.headers['cache-control']).not.toBe('no-store');
    }
  });

  it('sends HSTS only in production', async () => {
    const dev = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(dev.headers['strict-transport-security']).toBeUndefined();
    for (const url of ['/api/v1/health', '/']) {
      const res = await production.inject({ method: 'GET', url });
      expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
    }
  });
});
