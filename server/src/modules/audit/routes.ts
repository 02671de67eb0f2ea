import { pagedQuerySchema, pageSchema, z } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { actorOf } from '../../http/permissions.ts';
import { verifyAuditChain } from './chain.ts';
import { logEntrySchema } from './presenter.ts';
import { protocolPage } from './service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    config: { permission: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'Protokolleinträge, neueste zuerst',
      querystring: pagedQuerySchema(
        z.object({
          entityType: z.string().max(60).optional(),
          entityId: z.string().max(100).optional(),
        }),
      ),
      response: { 200: pageSchema(logEntrySchema) },
    },
    handler: (request) => withCtx(request, (ctx) => protocolPage(ctx, request.query)),
  });

  app.get('/audit/verify', {
    config: { permission: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'Prüft die Hash-Kette des Protokolls',
      response: {
        200: z.object({
          ok: z.boolean(),
          entries: z.int(),
          broken: z.array(z.object({ seq: z.int(), reason: z.string() })),
        }),
      },
    },
    handler: async (request) => {
      const report = await verifyAuditChain(app.db, actorOf(request).tenantId);
      return {
        ok: report.broken.length === 0,
        entries: report.entries,
        broken: report.broken.map(({ seq, reason }) => ({ seq, reason })),
      };
    },
  });
};
