import { idSchema, z } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/permissions.ts';
import { verifyAuditChain } from './chain.ts';

const entrySchema = z.object({
  seq: z.int(),
  at: z.iso.datetime({ offset: true }),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
});

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
      response: { 200: z.array(entrySchema) },
    },
    handler: async (request) => {
      const { entityType, entityId, before, limit } = request.query;
      let q = app.db
        .selectFrom('audit_log as a')
        .leftJoin('app_user as u', (j) =>
          j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.actor_id'),
        )
        .select(['a.seq', 'a.at', 'a.actor_id', 'u.display_name', 'a.action', 'a.entity_type', 'a.entity_id'])
        .where('a.tenant_id', '=', actorOf(request).tenantId);
      if (entityType) q = q.where('a.entity_type', '=', entityType);
      if (entityId) q = q.where('a.entity_id', '=', entityId);
      if (before) q = q.where('a.seq', '<', before);
      const rows = await q.orderBy('a.seq', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        seq: Number(r.seq),
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorName: r.display_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
      }));
    },
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
