import { connect } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/db.ts';
import { createTestTenant } from '../../test/factories.ts';
import { Client, testApp } from '../../test/http.ts';

/** Errors raised by the router and the body parsers, before any route runs, are problems like all others. */
let app: FastifyInstance;
let cm: Client;
beforeAll(async () => {
  app = await testApp();
  const { db } = await testDatabase();
  cm = await Client.as(app, await createTestTenant(db), 'caseManagerA');
});
afterAll(() => app.close());

function expectProblem(res: LightMyRequestResponse, status: number, detail: RegExp) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const problem = res.json();
  expect(problem.status).toBe(status);
  expect(problem.detail).toMatch(detail);
}

describe('router-level errors', () => {
  it('answers bad %-encoding in a path parameter with a German 400 problem', async () => {
    const res = await cm.get('/cases/%E0%A4%A');
    expectProblem(res, 400, /Adresse/);
    expect(res.body).not.toContain('%E0');
  });

  it('answers an over-long path parameter with a German 414 problem that does not echo the address', async () => {
    const res = await cm.get(`/cases/${'a'.repeat(5000)}`);
    expectProblem(res, 414, /Adresse/);
    expect(res.body).not.toContain('aaaa');
  });

  it('answers an unsupported content type with a German 415 problem', async () => {
    const res = await cm.request('POST', '/households', '<haushalt/>', { 'content-type': 'application/xml' });
    expectProblem(res, 415, /Datenformat/);
  });

  it('answers a body over the limit with a German 413 problem', async () => {
    const res = await cm.request(
      'POST',
      '/households',
      JSON.stringify({ name: 'x'.repeat(6 * 1024 * 1024) }),
      {
        'content-type': 'application/json',
      },
    );
    expectProblem(res, 413, /zu groß/);
  });

  it('answers malformed JSON with a German 400 problem', async () => {
    const res = await cm.request('POST', '/households', '{"name": "Familie', {
      'content-type': 'application/json',
    });
    expectProblem(res, 400, /JSON/);
  });

  it('answers a request the HTTP parser refuses with a problem too', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n');
      });
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk.toString('latin1');
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
    expect(raw).toMatch(/x-frame-options: DENY/i);
    expect(raw).toMatch(/cache-control: no-store/i);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ status: 400, code: 'validation' });
    expect(body.detail).toMatch(/Anfrage/);
  });
});
