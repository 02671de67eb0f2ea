import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadPolicy } from '../../src/modules/documents/service.ts';
import { testDatabase } from '../db.ts';
import { uploadDocument } from '../documents.ts';
import { testApp } from '../http.ts';
import { changedTables, fingerprint, fuzzWorld } from './fuzz-tenant.ts';

/**
 * Upload limits and what comes back: too large, types that a browser would run (HTML, SVG, XHTML, scripts), and a
 * file that only claims to be harmless. The refusal of other types, of uploads to another team's case and of broken
 * multipart bodies is proven in documents.int.test.ts and malformed-input.int.test.ts (docs/security.md).
 */
const { db } = await testDatabase();
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

function caseOf(world: Awaited<ReturnType<typeof fuzzWorld>>) {
  return world.ids[0] as string;
}

describe('upload limits', () => {
  it('refuses a file one byte over 10 MB, naming the file field, and stores nothing', async () => {
    const world = await fuzzWorld(app, db);
    const before = await fingerprint(db, world.tenant.id);
    const res = await uploadDocument(
      world.client,
      caseOf(world),
      'Scan.pdf',
      'application/pdf',
      Buffer.alloc(uploadPolicy.maxBytes + 1, 0x25),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([{ field: 'file', message: 'Die Datei ist größer als 10 MB.' }]);
    expect(changedTables(before, await fingerprint(db, world.tenant.id))).toEqual([]);
  });

  it.each([
    ['Seite.html', 'text/html', '<!doctype html><script>fetch("/api/v1/cases")</script>'],
    ['Bild.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    [
      'Seite.xhtml',
      'application/xhtml+xml',
      '<html xmlns="http://www.w3.org/1999/xhtml"><script>1</script></html>',
    ],
    ['Daten.xml', 'text/xml', '<?xml version="1.0"?><x/>'],
    ['skript.js', 'text/javascript', 'alert(1)'],
    ['Bild.svg', 'image/svg', '<svg/>'],
    ['Seite.html', 'TEXT/HTML', '<script>1</script>'],
  ])('refuses %s sent as %s, naming the file field, and stores nothing', async (name, type, content) => {
    const world = await fuzzWorld(app, db);
    const before = await fingerprint(db, world.tenant.id);
    const res = await uploadDocument(world.client, caseOf(world), name, type, Buffer.from(content));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe('file');
    expect(changedTables(before, await fingerprint(db, world.tenant.id))).toEqual([]);
  });

  it('gives back a file that only claims to be text or an image as an attachment that no browser renders or runs', async () => {
    const world = await fuzzWorld(app, db);
    for (const [name, type] of [
      ['Bericht.txt', 'text/plain'],
      ['Foto.png', 'image/png'],
    ] as const) {
      const html = Buffer.from(
        '<!doctype html><svg onload="alert(document.cookie)"></svg><script>alert(1)</script>',
      );
      const stored = await uploadDocument(world.client, caseOf(world), name, type, html);
      expect(stored.statusCode, stored.body).toBe(201);
      const back = await world.client.get(`/cases/${caseOf(world)}/documents/${stored.json().id}`);
      expect(back.statusCode).toBe(200);
      expect(String(back.headers['content-type'])).toMatch(new RegExp(`^${type.replace('/', '\\/')}`));
      expect(back.headers['content-disposition']).toMatch(/^attachment;/);
      expect(back.headers['x-content-type-options']).toBe('nosniff');
      expect(back.headers['content-security-policy']).toContain("default-src 'none'");
      expect(back.headers['content-security-policy']).toContain('sandbox');
      expect(back.headers['cache-control']).toBe('no-store');
    }
  });

  it('stores a hostile file name harmlessly and gives it back in a header that cannot be split', async () => {
    const world = await fuzzWorld(app, db);
    const name = '..\\..\\x"; filename="boese.html\r\nSet-Cookie: a=b;Жалоба.txt';
    const stored = await uploadDocument(world.client, caseOf(world), name, 'text/plain', Buffer.from('x'));
    expect(stored.statusCode, stored.body).toBe(201);
    const back = await world.client.get(`/cases/${caseOf(world)}/documents/${stored.json().id}`);
    const disposition = String(back.headers['content-disposition']);
    expect(disposition.match(/filename=/g)?.length).toBe(1);
    expect(disposition).not.toMatch(/[\r\n]/);
    expect(back.headers['set-cookie']).toBeUndefined();
    expect(disposition).not.toContain('..\\');
  });
});
