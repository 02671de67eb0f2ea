import { type Kysely, sql } from 'kysely';
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

/**
 * Takes one sign-in attempt's slot before the password is checked, or refuses when the account or the address has
 * used its attempts in the window. Count and insert happen under transaction-scoped advisory locks on the account
 * and the address (always in that order), so parallel attempts queue here and at most `perAccount` passwords are
 * ever checked per window: the slot counts as a failure until a success clears it.
 */
export async function reserveLoginAttempt(
  db: Kysely<DB>,
  tenantId: string,
  attempt: { username: string; ip: string },
  limits: { since: Date; perAccount: number; perAddress: number },
): Promise<{ id: string; at: Date } | null> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`login:${tenantId}:user:${attempt.username}`}, 0))`.execute(
      trx,
    );
    await sql`select pg_advisory_xact_lock(hashtextextended(${`login:${tenantId}:ip:${attempt.ip}`}, 0))`.execute(
      trx,
    );
    const byAccount = await countRecentFailures(trx, tenantId, { username: attempt.username }, limits.since);
    if (byAccount >= limits.perAccount) return null;
    const byAddress = await countRecentFailures(trx, tenantId, { ip: attempt.ip }, limits.since);
    if (byAddress >= limits.perAddress) return null;
    return trx
      .insertInto('login_failure')
      .values({ tenant_id: tenantId, username: attempt.username, ip: attempt.ip })
      .returning(['id', 'at'])
      .executeTakeFirstOrThrow();
  });
}
