import type { Permission } from '@leuchtturm/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePermission } from '../modules/access/policy.ts';
import { probeOfRoute, refusalOfRoute } from '../modules/access/refusals.ts';
import { recordAudit } from '../modules/audit/chain.ts';
import { csrfMatches, resolveSession, SESSION_COOKIE } from '../modules/auth/sessions.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';

export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission | undefined;
}

/** Marks a request the web app sends on its own (a poll), not for something the user did: no idle reset. */
export const BACKGROUND_HEADER = 'x-leuchtturm-background';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default. Every /api route must declare `config.permission`; registering one without it fails at start.
 * Before any handler runs: resolve the session, check the role permission, and for state-changing requests check
 * the CSRF token. Every refusal of a signed-in user is audited (see `auditRefusal`).
 */
export function registerAccessControl(app: FastifyInstance) {
  app.decorateRequest('session', null);

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.permission) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    }
    for (const method of [route.method].flat()) {
      routeTable.push({ method, url: route.url, permission: route.config?.permission });
    }
  });

  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    // Static assets and the not-found handler declare none; they touch no data.
    if (!permission) return;
    if (permission === 'public') return;
    const lookup = await resolveSession(app.db, app.config, request.cookies[SESSION_COOKIE], app.now(), {
      touch: request.headers[BACKGROUND_HEADER] !== '1',
    });
    request.session = lookup.status === 'ok' ? lookup.session : null;
    if (lookup.status === 'expired') {
      throw new AppError('unauthenticated', 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.');
    }
    if (!request.session) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
    requirePermission(request.session.actor, permission, () => refusalOfRoute(routeOf(request, permission)));
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers['x-csrf-token'];
      if (!csrfMatches(request.session.csrfToken, typeof given === 'string' ? given : undefined)) {
        throw new AppError(
          'csrf',
          'Die Sicherheitsprüfung der Anfrage ist fehlgeschlagen. Bitte laden Sie die Seite neu.',
        );
      }
    }
  });

  app.addHook('onError', async (request, _reply, error) => auditRefusal(request, error));
}

function routeOf(request: FastifyRequest, permission?: Permission) {
  return {
    method: request.method,
    route: request.routeOptions.url ?? '',
    params: (request.params ?? {}) as Record<string, unknown>,
    ...(permission ? { permission } : {}),
  };
}

/**
 * The safety net that makes every refusal of a signed-in user an audit entry, in a transaction of its own (the
 * request's own has rolled back or never began): the role check's refusal, a service's refusal whose entry is not
 * recorded yet, any other 403 with the entry derived from the route, and a 404 (a probe for an id the tenant does
 * not have). Runs before the answer is sent.
 */
async function auditRefusal(request: FastifyRequest, error: unknown): Promise<void> {
  if (!(error instanceof AppError) || error.auditRecorded || !request.session) return;
  const entry =
    error.auditEntry ??
    (error.code === 'forbidden' ? refusalOfRoute(routeOf(request)) : undefined) ??
    (error.code === 'not_found' ? probeOfRoute(routeOf(request)) : undefined);
  if (!entry) return;
  const actor = request.session.actor;
  try {
    await request.server.db.transaction().execute((trx) => recordAudit(trx, actor, entry));
    error.auditRecorded = true;
  } catch (failure) {
    // The refusal stands either way; the log says that its entry is missing (no request data in it).
    const f = failure as { message?: string; code?: string };
    request.log.error(
      { err: { message: f.message, code: f.code }, route: request.routeOptions.url },
      'refusal not audited',
    );
  }
}

/** The acting user of a request whose route requires a session (never null there). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  return request.session.actor;
}
