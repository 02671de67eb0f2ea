import {
  changePasswordRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { actorOf } from '../../http/permissions.ts';
import { inTransaction } from '../../shared/context.ts';
import { presentSessionUser } from './presenter.ts';
import { changePassword, login } from './service.ts';
import { endSession, SESSION_COOKIE } from './sessions.ts';

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
        user: presentSessionUser(session.user),
        csrfToken: session.csrfToken,
        idleTimeoutMinutes: app.config.idleTimeoutMinutes,
      };
    },
  });

  app.post('/auth/logout', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Abmelden', response: { 204: z.null() } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const session = request.session;
      await inTransaction(app.db, actor, async (ctx) => {
        if (session) await endSession(ctx.db, actor.tenantId, session.tokenHash);
        await ctx.audit({ action: 'logout', entityType: 'user', entityId: actor.userId });
      });
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
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
