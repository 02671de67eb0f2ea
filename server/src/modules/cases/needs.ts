import { ageCohorts, idSchema, needSchema, z } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/permissions.ts';

/** The district's needs (Bedarfe) collected from cases. No personal data: district, age cohort, text, count. */
export const needRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/needs', {
    config: { permission: 'need:read' },
    schema: {
      tags: ['needs'],
      summary: 'Bedarfe im Sozialraum',
      querystring: z.object({
        districtId: idSchema.optional(),
        ageCohort: z.enum(ageCohorts.values).optional(),
      }),
      response: { 200: z.array(needSchema) },
    },
    handler: async (request) => {
      let q = app.db
        .selectFrom('need as n')
        .innerJoin('district as d', (j) =>
          j.onRef('d.tenant_id', '=', 'n.tenant_id').onRef('d.id', '=', 'n.district_id'),
        )
        .select([
          'n.id',
          'n.age_cohort',
          'n.text',
          'n.mentions',
          'n.status',
          'n.created_on',
          'd.id as district_id',
          'd.name as district_name',
        ])
        .where('n.tenant_id', '=', actorOf(request).tenantId);
      if (request.query.districtId) q = q.where('n.district_id', '=', request.query.districtId);
      if (request.query.ageCohort) q = q.where('n.age_cohort', '=', request.query.ageCohort);
      const rows = await q.orderBy('n.mentions', 'desc').orderBy('n.created_on', 'desc').limit(500).execute();
      return rows.map((r) => ({
        id: r.id,
        district: { id: r.district_id, name: r.district_name },
        ageCohort: r.age_cohort as never,
        text: r.text,
        mentions: r.mentions,
        status: r.status as never,
        createdOn: r.created_on,
      }));
    },
  });
};
