import { sql } from 'kysely';
import { caseScope, type Region } from '../regions.ts';

/** Restricting case rows to a region, in the two query styles the figures use. */

/** Matches no case: `in ()` is not SQL, and an empty region has no cases. */
const NONE = '00000000-0000-0000-0000-000000000000';

/** A Kysely query restricted to the region's cases (by district or team of the case aliased `alias`). */
export function scoped<T extends { where: (...args: never[]) => T }>(q: T, region: Region, alias: string): T {
  const scope = caseScope(region);
  if (!scope) return q;
  const ids = scope.ids.length > 0 ? scope.ids : [NONE];
  // biome-ignore lint/suspicious/noExplicitAny: the column is one of two known ones; Kysely cannot type it here.
  return (q as any).where(`${alias}.${scope.column}`, 'in', ids);
}

/** The same restriction as a raw SQL condition (`true` for the city). */
export function scopeSql(region: Region, alias: string) {
  const scope = caseScope(region);
  if (!scope) return sql`true`;
  const ids = scope.ids.length > 0 ? scope.ids : [NONE];
  return sql`${sql.ref(`${alias}.${scope.column}`)} in (${sql.join(ids)})`;
}

/** Measures need their case only to filter by region: the city needs no join. */
export const caseJoin = (region: Region) =>
  caseScope(region) ? sql`join case_file c on c.tenant_id = m.tenant_id and c.id = m.case_id` : sql``;
