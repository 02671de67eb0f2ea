import type { Kysely } from 'kysely';

/**
 * `db` with a count of the statements sent through it. Counted on results, as the bench's plugin does
 * (bench/measure.ts): Kysely calls `transformQuery` for every query builder, a sub-query's too, but
 * `transformResult` once per statement sent.
 */
export function countingStatements<T>(db: Kysely<T>): { db: Kysely<T>; sent: () => number } {
  let sent = 0;
  const counted = db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      sent++;
      return args.result;
    },
  });
  return { db: counted, sent: () => sent };
}
