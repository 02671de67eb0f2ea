import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB, SessionTable } from '../../db/schema.ts';

/** The signed-in user with team, centre and tenant: what `me` shows and what an Actor is built from. */
function sessionUserQuery(db: Kysely<DB>) {
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
    ]);
}

export function findSessionUser(db: Kysely<DB>, tenantId: string, userId: string) {
  return sessionUserQuery(db)
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
}
export type SessionUserRow = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

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

export function findAccount(db: Kysely<DB>, tenantId: string, by: { username: string } | { id: string }) {
  const q = db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'active'])
    .where('tenant_id', '=', tenantId);
  return (
    'username' in by ? q.where('username', '=', by.username) : q.where('id', '=', by.id)
  ).executeTakeFirst();
}

export async function setPasswordHash(db: Kysely<DB>, tenantId: string, userId: string, hash: string) {
  await db
    .updateTable('app_user')
    .set({ password_hash: hash })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}

/** After a success: the attempt's own slot and the failures before it go; attempts still in flight keep counting. */
export async function clearFailuresUpTo(
  db: Kysely<DB>,
  tenantId: string,
  username: string,
  slot: { id: string; at: Date },
) {
  await db
    .deleteFrom('login_failure')
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .where((eb) => eb.or([eb('id', '=', slot.id), eb('at', '<', slot.at)]))
    .execute();
}

export async function insertSession(db: Kysely<DB>, row: Insertable<SessionTable>) {
  await db.insertInto('session').values(row).execute();
}

/**
 * Everything a request needs of its session in one statement: the session row, its user's roles, team and state,
 * and whom the user stands in for on `today` (a Berlin date): the standing deputies (Vertretung) and the absences
 * whose period contains that day, so an absence's access ends by itself the next day. Every request runs it: one
 * round trip, and no more tables than the access checks need. The names of team, centre and tenant are read by
 * `findSessionUser` where they are shown (GET /auth/me): joining them here doubled the statement's planning time on
 * the embedded database (docs/decisions.md, "The request's fixed cost").
 */
export function findSessionWithUser(db: Kysely<DB>, tenantId: string, tokenHash: string, today: string) {
  return db
    .selectFrom('session as s')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'),
    )
    .select([
      'u.id',
      'u.roles',
      'u.active',
      'u.team_id',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      // Two arrays rather than one `union`: no sort for the duplicates (the caller merges), less to plan.
      sql<string[]>`array(select d.user_id from deputy d
        where d.tenant_id = u.tenant_id and d.deputy_user_id = u.id)`.as('deputy_of'),
      sql<string[]>`array(select a.user_id from absence a
        where a.tenant_id = u.tenant_id and a.deputy_user_id = u.id
          and a.from_on <= ${today} and a.to_on >= ${today})`.as('absent_for'),
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, tenantId: string, tokenHash: string, at: Date) {
  await db
    .updateTable('session')
    .set({ last_seen_at: at })
    .where('tenant_id', '=', tenantId)
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Kysely<DB>, tenantId: string, tokenHash: string) {
  await db
    .deleteFrom('session')
    .where('tenant_id', '=', tenantId)
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Deletes every session of a user but one; answers how many ended. */
export async function deleteOtherSessions(
  db: Kysely<DB>,
  tenantId: string,
  userId: string,
  keepTokenHash: string,
) {
  const result = await db
    .deleteFrom('session')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('token_hash', '!=', keepTokenHash)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
