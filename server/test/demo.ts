import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { type DemoSummary, generateDemoData } from '../src/modules/demo/generator.ts';

export const DEMO_TEST_PASSWORD = 'demo-passwort-1';

/** The small demo city in a tenant of its own, dated from `today` (the demo data's tests share this setup). */
export function generateSmallDemo(db: Kysely<DB>, today: string): Promise<DemoSummary> {
  return generateDemoData(db, {
    scale: 'small',
    password: DEMO_TEST_PASSWORD,
    slug: `demo-${randomUUID().slice(0, 8)}`,
    today,
  });
}
