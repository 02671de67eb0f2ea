import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/** District outlines (GeoJSON polygon, WGS 84) for the map of the districts: data, no tile server needed. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(db, 'alter table district add column outline jsonb;');
}
