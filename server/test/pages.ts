import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Client } from './http.ts';

/**
 * Walks every page of a paginated list (`{ items, nextCursor }`) with the given page size, following `nextCursor`
 * until it is null. Each page must be a 200 with at most `limit` items; a list that never ends fails the test.
 */
export async function walkPages<T>(
  client: Client,
  path: string,
  limit: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 1; pages <= 1000; pages++) {
    const separator = path.includes('?') ? '&' : '?';
    const url = `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: T[]; nextCursor: string | null };
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) return { items, pages };
  }
  throw new Error(`${path}: more than 1000 pages`);
}

/** A 400 problem that names the field. */
export function expectFieldProblem(res: LightMyRequestResponse, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
}

/** The cursor of the first page, for tests that tamper with it. */
export async function firstCursor(client: Client, path: string, limit: number): Promise<string> {
  const separator = path.includes('?') ? '&' : '?';
  const res = await client.get(`${path}${separator}limit=${limit}`);
  const cursor = res.json().nextCursor;
  if (typeof cursor !== 'string') throw new Error(`${path}: no second page (${res.body})`);
  return cursor;
}
