import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/db.ts';
import { columnOfCheck } from './constraintFields.ts';

describe('the field of every check constraint', () => {
  it('derives a column of its own table for every check constraint of the schema', async () => {
    const { db } = await testDatabase();
    const { rows } = await sql<{ table: string; constraint: string; columns: string[] }>`
      select c.relname as "table", k.conname as "constraint",
             array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as "columns"
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      where k.contype = 'c' and k.connamespace = 'public'::regnamespace
      order by 1, 2`.execute(db);
    // The schema's size, so that a query finding nothing cannot pass.
    expect(rows.length).toBeGreaterThan(140);
    const unnamed = rows
      .filter((r) => {
        const column = columnOfCheck(r.table, r.constraint);
        return !column || !r.columns.includes(column);
      })
      .map((r) => `${r.table}.${r.constraint} → ${columnOfCheck(r.table, r.constraint) ?? '?'}`);
    expect(unnamed).toEqual([]);
  });
});
