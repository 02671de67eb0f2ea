import { idSchema, notificationPageSchema, pageQuerySchema, unreadCountSchema, z } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { myNotifications, myUnreadCount, readAllNotifications, readNotification } from './service.ts';

const tags = ['notifications'];
/** Every signed-in user has an inbox of their own. */
const own = { permission: 'authenticated' } as const;

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/notifications', {
    config: own,
    schema: {
      tags,
      summary: 'Meine Benachrichtigungen (neueste zuerst)',
      querystring: pageQuerySchema,
      response: { 200: notificationPageSchema },
    },
    handler: (request) => withCtx(request, (ctx) => myNotifications(ctx, request.query)),
  });
  app.get('/notifications/unread-count', {
    config: own,
    schema: {
      tags,
      summary: 'Zahl meiner ungelesenen Benachrichtigungen',
      response: { 200: unreadCountSchema },
    },
    handler: (request) => withCtx(request, (ctx) => myUnreadCount(ctx)),
  });
  app.post('/notifications/read-all', {
    config: own,
    schema: {
      tags,
      summary: 'Alle Benachrichtigungen als gelesen markieren',
      response: { 200: z.object({ marked: z.int() }) },
    },
    handler: (request) => withCtx(request, (ctx) => readAllNotifications(ctx)),
  });
  app.post('/notifications/:id/read', {
    config: own,
    schema: {
      tags,
      summary: 'Benachrichtigung als gelesen markieren',
      params: z.object({ id: idSchema }),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => readNotification(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  });
};
