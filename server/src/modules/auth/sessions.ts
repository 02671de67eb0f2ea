import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { berlinDateOf, type Role } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import {
  deleteOtherSessions,
  deleteSession,
  findSessionWithUser,
  insertSession,
  touchSession,
} from './queries.ts';

export const SESSION_COOKIE = 'lt_session';

/**
 * Sessions live in the database: the cookie carries `tenantId.token`; only the token's SHA-256 is stored, so a
 * leaked table opens no session. Any sign-in method (password, OpenID Connect in oidc.ts) ends in `startSession`.
 */
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function startSession(
  db: Kysely<DB>,
  config: Config,
  tenantId: string,
  userId: string,
  now: Date,
  /** A session signed in through the identity provider keeps its issuer and ID token for the provider's sign-out. */
  sso?: { issuer: string; idToken: string | null },
): Promise<{ cookieValue: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await insertSession(db, {
    tenant_id: tenantId,
    token_hash: sha256(token),
    user_id: userId,
    csrf_token: csrfToken,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + config.absoluteTimeoutHours * 3600_000),
    sso_issuer: sso?.issuer ?? null,
    sso_id_token: sso?.idToken ?? null,
  });
  return { cookieValue: `${tenantId}.${token}`, csrfToken };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  tokenHash: string;
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'ok'; session: ResolvedSession };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The session of a cookie at the instant `at` (the app's clock, which the browser tests move). A request the
 * client marks as background (`touch: false`: a poll of the unread count, a work list refreshing itself) does not
 * count as activity: an open tab alone must not keep a session alive past its idle timeout.
 */
export async function resolveSession(
  db: Kysely<DB>,
  config: Config,
  cookieValue: string | undefined,
  at: Date,
  { touch = true }: { touch?: boolean } = {},
): Promise<SessionLookup> {
  if (!cookieValue) return { status: 'none' };
  const dot = cookieValue.indexOf('.');
  const tenantId = cookieValue.slice(0, dot);
  const token = cookieValue.slice(dot + 1);
  if (dot < 0 || !UUID.test(tenantId) || !token) return { status: 'none' };
  const tokenHash = sha256(token);
  const today = berlinDateOf(at);
  const row = await findSessionWithUser(db, tenantId, tokenHash, today);
  if (!row) return { status: 'none' };
  const { csrf_token, last_seen_at, expires_at } = row;
  const now = at.getTime();
  const idleLimit = config.idleTimeoutMinutes * 60_000;
  if (expires_at.getTime() <= now || last_seen_at.getTime() + idleLimit <= now || !row.active) {
    // Expired, idle too long, or its user deactivated: the session ends here.
    await endSession(db, tenantId, tokenHash);
    return { status: 'expired' };
  }
  // Touch at most once a minute: the idle timeout needs no finer grain, and reads stay reads.
  if (touch && now - last_seen_at.getTime() > 60_000) {
    await touchSession(db, tenantId, tokenHash, new Date(now));
  }
  const actor: Actor = {
    tenantId,
    userId: row.id,
    roles: row.roles as Role[],
    teamId: row.team_id,
    // A standing deputy who is also entered for an absence stands in once.
    deputyFor: [...new Set([...row.deputy_of, ...row.absent_for])],
    today,
  };
  return { status: 'ok', session: { actor, csrfToken: csrf_token, tokenHash } };
}

export async function endSession(db: Kysely<DB>, tenantId: string, tokenHash: string): Promise<void> {
  await deleteSession(db, tenantId, tokenHash);
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ends every session of a user but the one given (after a password change: whoever else held one is out). */
export function endOtherSessions(db: Kysely<DB>, tenantId: string, userId: string, keepTokenHash: string) {
  return deleteOtherSessions(db, tenantId, userId, keepTokenHash);
}
