import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Inserts in chunks (PostgreSQL allows 65,535 parameters a statement) and returns the rows in input order. */
export async function insertChunked<T extends keyof DB, K extends keyof DB[T] & string>(
  db: Kysely<DB>,
  table: T,
  rows: Insertable<DB[T]>[],
  returning: K[],
): Promise<Record<K, string>[]> {
  const out: Record<K, string>[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot type an insert into a table chosen at run time.
    const insert = (db.insertInto(table) as any).values(chunk);
    const result = await (returning.length > 0 ? insert.returning(returning) : insert).execute();
    out.push(...(result as Record<K, string>[]));
  }
  return out;
}
