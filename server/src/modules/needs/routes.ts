import { ageCohorts, idSchema, needSchema, pagedQuerySchema, pageSchema, z } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { districtNeeds } from './service.ts';

/** The district's needs (Bedarfe) collected from cases. */
export const needRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/needs', {
    config: { permission: 'need:read' },
    schema: {
      tags: ['needs'],
      summary: 'Bedarfe im Sozialraum',
      querystring: pagedQuerySchema(
        z.object({
          districtId: idSchema.optional(),
          ageCohort: z.enum(ageCohorts.values).optional(),
        }),
      ),
      response: { 200: pageSchema(needSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => districtNeeds(ctx, request.query)),
  });
};
