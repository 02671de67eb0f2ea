import {
  hzeCheckSchema,
  hzeFamilyStatisticsSchema,
  hzeMeasureStatisticsSchema,
  hzeOfficeSchema,
  hzeYearQuerySchema,
  idSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { contentDisposition } from '../../http/download.ts';
import {
  familyStatistics,
  hzeCheck,
  hzeOffice,
  hzeStatisticsCsv,
  measureStatistics,
  setFamilyStatistics,
  setHzeOffice,
  setMeasureStatistics,
} from './statistics.ts';

const tags = ['statistics'];
const params = z.object({ id: idSchema });
const noContent = { 204: z.null() };

/** The official HzE statistics (statistics.ts; docs/hze-statistics.md): fields, office, check and export. */
export const hzeStatisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/measures/:id/statistics', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Statistikangaben einer Hilfe',
      params,
      response: {
        200: z.object({
          helpTypeCode: z.string().nullable(),
          youngAdult: z.boolean(),
          ended: z.boolean(),
          statistics: hzeMeasureStatisticsSchema.nullable(),
        }),
      },
    },
    handler: (request) => withCtx(request, (ctx) => measureStatistics(ctx, request.params.id)),
  });
  app.put('/measures/:id/statistics', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Statistikangaben einer Hilfe erfassen',
      params,
      body: hzeMeasureStatisticsSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => setMeasureStatistics(ctx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  });
  app.get('/cases/:id/family-statistics', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Statistikangaben der Familie',
      params,
      response: { 200: z.object({ statistics: hzeFamilyStatisticsSchema.nullable() }) },
    },
    handler: async (request) => ({
      statistics: await withCtx(request, (ctx) => familyStatistics(ctx, request.params.id)),
    }),
  });
  app.put('/cases/:id/family-statistics', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Statistikangaben der Familie erfassen',
      params,
      body: hzeFamilyStatisticsSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => setFamilyStatistics(ctx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  });

  app.get('/finance/statistics/hze/office', {
    config: { permission: 'finance:manage' },
    schema: {
      tags,
      summary: 'Kennung des Jugendamts für die Statistik',
      response: { 200: z.object({ office: hzeOfficeSchema.nullable() }) },
    },
    handler: async (request) => ({ office: await withCtx(request, (ctx) => hzeOffice(ctx)) }),
  });
  app.put('/finance/statistics/hze/office', {
    config: { permission: 'finance:manage' },
    schema: { tags, summary: 'Kennung des Jugendamts setzen', body: hzeOfficeSchema, response: noContent },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => setHzeOffice(ctx, request.body));
      return reply.status(204).send(null);
    },
  });
  app.get('/finance/statistics/hze/check', {
    config: { permission: 'finance:manage' },
    schema: {
      tags,
      summary: 'Plausibilitätsprüfung vor der Meldung: abgelehnte Datensätze mit Feld und Grund',
      querystring: hzeYearQuerySchema,
      response: { 200: hzeCheckSchema },
    },
    handler: (request) => withCtx(request, (ctx) => hzeCheck(ctx, request.query.year)),
  });
  app.get('/finance/statistics/hze', {
    config: { permission: 'finance:manage' },
    schema: {
      tags,
      summary: 'Statistik erzieherische Hilfen (§ 99 SGB VIII) im Satzaufbau der Statistik als CSV',
      querystring: hzeYearQuerySchema,
      response: {
        200: {
          description: 'CSV (Semikolon, UTF-8 mit BOM)',
          content: { 'text/csv': { schema: z.string() } },
        },
      },
    },
    handler: async (request, reply) => {
      const { csv } = await withCtx(request, (ctx) => hzeStatisticsCsv(ctx, request.query.year));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`hze-statistik-${request.query.year}.csv`))
        .send(csv);
    },
  });
};
