import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { insertChunked } from './queries/insert.ts';

/**
 * Rows the generator collects before one bulk insert per table: `flush` writes them in the order given (parents
 * before the rows that point at them) and counts them by table.
 */
export class RowBuffer {
  private rows: { [T in keyof DB]?: Insertable<DB[T]>[] } = {};

  push<T extends keyof DB>(table: T, row: Insertable<DB[T]>): void {
    const list = this.rows[table] as Insertable<DB[T]>[] | undefined;
    if (list) list.push(row);
    else this.rows[table] = [row] as never;
  }

  async flush(db: Kysely<DB>, order: readonly (keyof DB)[], counts: Record<string, number>): Promise<void> {
    const unknown = Object.keys(this.rows).filter((t) => !order.includes(t as keyof DB));
    if (unknown.length > 0) throw new Error(`no insert order for ${unknown.join(', ')}`);
    for (const table of order) {
      const list = this.rows[table];
      if (!list || list.length === 0) continue;
      counts[table] = (counts[table] ?? 0) + list.length;
      await insertChunked(db, table, list as never, []);
    }
    this.rows = {};
  }
}
