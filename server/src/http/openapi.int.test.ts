import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/http.ts';

describe('API surface', () => {
  it('serves an OpenAPI 3.1 document generated from the shared schemas', async () => {
    const app = await testApp();
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(Object.keys(doc.paths)).toContain('/api/v1/organisation/responsible-team');
    await app.close();
  });

  it('answers unknown API paths with a German problem document', async () => {
    const app = await testApp();
    const res = await app.inject({ method: 'GET', url: '/api/v1/gibt-es-nicht' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: 'Diese Adresse gibt es nicht.',
    });
    await app.close();
  });
});
