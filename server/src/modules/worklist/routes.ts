import { teamWorklistQuerySchema, teamWorklistSchema, worklistSchema } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { myWorklist, teamWorklist } from './service.ts';

const tags = ['worklist'];

/** The work list (docs/worklist.md). The clock is the app's (`app.now`, real time except in tests). */
export const worklistRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/worklist', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Mein Arbeitsvorrat: überfällig, heute und diese Woche fällig, Kinderschutz zuerst',
      response: { 200: worklistSchema },
    },
    handler: (request) => withCtx(request, (ctx) => myWorklist(ctx, request.server.now())),
  });
  app.get('/worklist/team', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Arbeitsvorrat und Fallbelastung des Teams (Referatsleitung)',
      querystring: teamWorklistQuerySchema,
      response: { 200: teamWorklistSchema },
    },
    handler: (request) => withCtx(request, (ctx) => teamWorklist(ctx, request.query, request.server.now())),
  });
};
