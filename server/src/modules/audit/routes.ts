import { z } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/permissions.ts';
import { verifyAuditChain } from './chain.ts';
import { logEntrySchema, presentLogEntry } from './presenter.ts';
import { listLogEntries } from './queries.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    config: { permission: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'Protokolleinträge, neueste zuerst',
      querystring: z.object({
        entityType: z.string().max(60).optional(),
        entityId: z.string().max(100).optional(),
        before: z.coerce.number().int().min(1).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.array(logEntrySchema) },
    },
    handler: async (request) =>
      (await listLogEntries(app.db, actorOf(request).tenantId, request.query)).map(presentLogEntry),
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
