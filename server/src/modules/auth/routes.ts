import {
  changePasswordRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  logoutResponseSchema,
  meResponseSchema,
  nameSchema,
  ssoSettingsInputSchema,
  ssoSettingsResponseSchema,
  ssoStatusSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { actorOf } from '../../http/permissions.ts';
import { inTransaction } from '../../shared/context.ts';
import { endSessionUrl, finishSsoSignIn, SSO_STATE_COOKIE, SsoRefused, startSsoSignIn } from './oidc.ts';
import { publicOrigin } from './oidcClient.ts';
import { changePassword, login, sessionUser, ssoStatus } from './service.ts';
import { endSession, SESSION_COOKIE } from './sessions.ts';
import { readSsoSettings, saveSsoSettings } from './ssoSettings.ts';

const tenantQuery = z.object({ tenant: nameSchema(100).optional() });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.production,
  };

  app.post('/auth/login', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Anmelden',
      body: loginRequestSchema,
      response: { 200: loginResponseSchema },
    },
    handler: async (request, reply) => {
      const { cookieValue, ...result } = await login(app.db, app.config, request.body, request.ip, app.now());
      reply.setCookie(SESSION_COOKIE, cookieValue, cookieOptions);
      return result;
    },
  });

  app.get('/auth/me', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Angemeldete Person', response: { 200: meResponseSchema } },
    handler: async (request) => {
      const session = request.session;
      if (!session) throw new Error('unreachable: authenticated route without session');
      return {
        user: await sessionUser(app.db, session.actor),
        csrfToken: session.csrfToken,
        idleTimeoutMinutes: app.config.idleTimeoutMinutes,
      };
    },
  });

  app.post('/auth/logout', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Abmelden', response: { 200: logoutResponseSchema } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const session = request.session;
      // Asked before the session ends: a session that came through single sign-on ends at the provider too.
      const providerUrl = session
        ? await endSessionUrl(
            app.db,
            app.config,
            actor.tenantId,
            session.tokenHash,
            publicOrigin(app.config, request),
          )
        : null;
      await inTransaction(app.db, actor, async (ctx) => {
        if (session) await endSession(ctx.db, actor.tenantId, session.tokenHash);
        await ctx.audit({
          action: 'logout',
          entityType: 'user',
          entityId: actor.userId,
          ...(providerUrl ? { details: { method: 'oidc' } } : {}),
        });
      });
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { endSessionUrl: providerUrl };
    },
  });

  // Single sign-on by OpenID Connect (oidc.ts). The state cookie must come back on the provider's redirect, a
  // cross-site navigation: SameSite=Lax, and only on the callback's path.
  const stateCookieOptions = {
    path: '/api/v1/auth/oidc',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.config.production,
  };
  const redirected = { 303: z.null().describe('Weiterleitung (Location)') };

  app.get('/auth/oidc/status', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Ist die Anmeldung mit Dienstkonto eingerichtet?',
      querystring: tenantQuery,
      response: { 200: ssoStatusSchema },
    },
    handler: async (request) => ssoStatus(app.db, app.config, request.query.tenant),
  });

  app.get('/auth/oidc/start', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Anmeldung mit Dienstkonto beginnen (weiter zum Identitätsanbieter)',
      querystring: tenantQuery,
      response: redirected,
    },
    handler: async (request, reply) => {
      const origin = publicOrigin(app.config, request);
      try {
        const { url, stateCookie } = await startSsoSignIn(app.db, app.config, request.query.tenant, origin);
        reply.setCookie(SSO_STATE_COOKIE, stateCookie, { ...stateCookieOptions, maxAge: 600 });
        return reply.redirect(url, 303);
      } catch (error) {
        if (error instanceof SsoRefused) return reply.redirect(`/anmelden?sso=${error.reason}`, 303);
        throw error;
      }
    },
  });

  app.get('/auth/oidc/callback', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Rückkehr vom Identitätsanbieter (Code gegen Token, Anmeldung)',
      response: redirected,
    },
    handler: async (request, reply) => {
      const origin = publicOrigin(app.config, request);
      const currentUrl = new URL(request.url, origin);
      reply.clearCookie(SSO_STATE_COOKIE, stateCookieOptions);
      try {
        const { cookieValue } = await finishSsoSignIn(
          app.db,
          app.config,
          request.cookies[SSO_STATE_COOKIE],
          currentUrl,
          origin,
          app.now(),
        );
        reply.setCookie(SESSION_COOKIE, cookieValue, cookieOptions);
        return reply.redirect('/', 303);
      } catch (error) {
        if (error instanceof SsoRefused) return reply.redirect(`/anmelden?sso=${error.reason}`, 303);
        throw error;
      }
    },
  });

  app.get('/sso', {
    config: { permission: 'sso:manage' },
    schema: {
      tags: ['sso'],
      summary: 'Single Sign-On: Einstellung',
      response: { 200: ssoSettingsResponseSchema },
    },
    handler: async (request) =>
      withCtx(request, (ctx) => readSsoSettings(ctx, publicOrigin(app.config, request))),
  });

  app.put('/sso', {
    config: { permission: 'sso:manage' },
    schema: {
      tags: ['sso'],
      summary: 'Single Sign-On einrichten oder ändern',
      body: ssoSettingsInputSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => saveSsoSettings(ctx, app.config, request.body));
      return reply.status(204).send(null);
    },
  });

  app.post('/auth/password', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['auth'],
      summary: 'Eigenes Passwort ändern',
      body: changePasswordRequestSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const tokenHash = request.session?.tokenHash ?? '';
      await withCtx(request, (ctx) => changePassword(ctx, request.body, tokenHash));
      return reply.status(204).send(null);
    },
  });
};
