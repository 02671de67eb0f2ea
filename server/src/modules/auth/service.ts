import type { ChangePasswordRequest, LoginRequest, LoginResponse, SessionUser } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { type Actor, systemActor } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { inTransaction } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { presentSessionUser } from './presenter.ts';
import { findSsoSetting } from './queries/sso.ts';
import {
  clearFailuresUpTo,
  countRecentFailures,
  findAccount,
  findSessionUser,
  findTenantBySlug,
  listTenants,
  reserveLoginAttempt,
  setPasswordHash,
} from './queries.ts';
import { endOtherSessions, startSession } from './sessions.ts';

/**
 * The signed-in user as the web app shows her (GET /auth/me): the session lookup of every request reads only what
 * the access checks need, the names of team, centre and tenant are read here.
 */
export async function sessionUser(db: Kysely<DB>, actor: Actor): Promise<SessionUser> {
  const user = actor.userId ? await findSessionUser(db, actor.tenantId, actor.userId) : undefined;
  if (!user) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  return presentSessionUser(user);
}

/** Failed sign-ins within this window count towards a lock-out. */
export const lockout = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

const lockedMessage = `Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung ist für ${lockout.windowMinutes} Minuten gesperrt. Wenden Sie sich bei Bedarf an die Administration.`;

export async function resolveTenant(db: Kysely<DB>, config: Config, slug: string | undefined) {
  const wanted = slug ?? config.defaultTenant;
  if (wanted) {
    const tenant = await findTenantBySlug(db, wanted);
    if (!tenant) throw AppError.validation('tenant', 'Dieses Jugendamt ist hier nicht eingerichtet.');
    return tenant;
  }
  const tenants = await listTenants(db);
  if (tenants.length === 1 && tenants[0]) return tenants[0];
  throw AppError.validation('tenant', 'Bitte das Jugendamt angeben.');
}

/** Whether the sign-in page offers "Mit Dienstkonto anmelden"; an unknown tenant simply has none. */
export async function ssoStatus(db: Kysely<DB>, config: Config, slug: string | undefined) {
  try {
    const tenant = await resolveTenant(db, config, slug);
    return { enabled: (await findSsoSetting(db, tenant.id))?.enabled ?? false };
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') return { enabled: false };
    throw error;
  }
}

export async function login(
  db: Database,
  config: Config,
  input: LoginRequest,
  ip: string,
  now: Date,
): Promise<LoginResponse & { cookieValue: string }> {
  const tenant = await resolveTenant(db, config, input.tenant);
  const username = input.username.toLowerCase();
  const since = new Date(Date.now() - lockout.windowMinutes * 60_000);
  const slot = await reserveLoginAttempt(db, tenant.id, { username, ip }, { since, ...lockout });
  if (!slot) {
    throw new AppError('too_many_attempts', lockedMessage, { retryAfterSeconds: lockout.windowMinutes * 60 });
  }

  const account = await findAccount(db, tenant.id, { username });
  const ok =
    (await verifyPassword(account?.active ? account.password_hash : null, input.password)) && account;

  if (!ok) {
    // The reserved slot stays as the failure's record.
    const failures = await inTransaction(db, systemActor(tenant.id), async (ctx) => {
      await ctx.audit({ action: 'login_failed', entityType: 'user', entityId: account?.id ?? null });
      return countRecentFailures(ctx.db, tenant.id, { username }, since);
    });
    if (failures >= lockout.perAccount) {
      throw new AppError('too_many_attempts', lockedMessage, {
        retryAfterSeconds: lockout.windowMinutes * 60,
      });
    }
    throw new AppError('unauthenticated', 'Benutzername oder Passwort ist falsch.');
  }

  return inTransaction(db, { ...systemActor(tenant.id), userId: account.id }, async (ctx) => {
    await clearFailuresUpTo(ctx.db, tenant.id, username, slot);
    const { cookieValue, csrfToken } = await startSession(ctx.db, config, tenant.id, account.id, now);
    await ctx.audit({ action: 'login', entityType: 'user', entityId: account.id });
    const user = await findSessionUser(ctx.db, tenant.id, account.id);
    if (!user) throw AppError.notFound('Das Konto');
    return {
      user: presentSessionUser(user),
      csrfToken,
      idleTimeoutMinutes: config.idleTimeoutMinutes,
      cookieValue,
    };
  });
}

/** Changes the own password and ends the user's other sessions (a stolen session must not outlive the change). */
export async function changePassword(
  ctx: Ctx,
  input: ChangePasswordRequest,
  currentTokenHash: string,
): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  const account = await findAccount(ctx.db, ctx.actor.tenantId, { id: userId });
  if (!account || !(await verifyPassword(account.password_hash, input.currentPassword))) {
    throw AppError.validation('currentPassword', 'Das bisherige Passwort stimmt nicht.');
  }
  await setPasswordHash(ctx.db, ctx.actor.tenantId, userId, await hashPassword(input.newPassword));
  const endedSessions = await endOtherSessions(ctx.db, ctx.actor.tenantId, userId, currentTokenHash);
  await ctx.audit({
    action: 'update',
    entityType: 'user',
    entityId: userId,
    details: { fields: ['password'], endedSessions },
  });
}
