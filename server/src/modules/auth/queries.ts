import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The signed-in user with team, centre and tenant: what `me` shows and what an Actor is built from. */
export function findSessionUser(db: Kysely<DB>, tenantId: string, userId: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('tenant as t', 't.id', 'u.tenant_id')
    .leftJoin('team', (j) => j.onRef('team.tenant_id', '=', 'u.tenant_id').onRef('team.id', '=', 'u.team_id'))
    .leftJoin('social_centre as sc', (j) =>
      j.onRef('sc.tenant_id', '=', 'team.tenant_id').onRef('sc.id', '=', 'team.social_centre_id'),
    )
    .select([
      'u.tenant_id',
      'u.id',
      'u.username',
      'u.display_name',
      'u.roles',
      'u.active',
      'u.team_id',
      'team.name as team_name',
      'sc.id as centre_id',
      'sc.name as centre_name',
      't.slug as tenant_slug',
      't.name as tenant_name',
    ])
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
}
export type SessionUserRow = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

export async function findDeputyFor(db: Kysely<DB>, tenantId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('deputy')
    .select('user_id')
    .where('tenant_id', '=', tenantId)
    .where('deputy_user_id', '=', userId)
    .execute();
  return rows.map((r) => r.user_id);
}

export function findTenantBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('tenant').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export function listTenants(db: Kysely<DB>) {
  return db.selectFrom('tenant').select(['id', 'slug', 'name']).orderBy('created_at').limit(2).execute();
}

export async function countRecentFailures(
  db: Kysely<DB>,
  tenantId: string,
  by: { username: string } | { ip: string },
  since: Date,
): Promise<number> {
  let q = db
    .selectFrom('login_failure')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('at', '>', since);
  q = 'username' in by ? q.where('username', '=', by.username) : q.where('ip', '=', by.ip);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
