import {
  ageCohorts,
  idSchema,
  needDetailSchema,
  needInputSchema,
  needMergeSchema,
  needSchema,
  needSplitSchema,
  needStatusInputSchema,
  needTrendQuerySchema,
  needTrendSchema,
  pagedQuerySchema,
  pageSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { districtNeeds } from './service.ts';
import { changeNeedStatus, mergeNeed, needDetail, needTrend, recordNeed, splitNeed } from './workflow.ts';

const tags = ['needs'];
const read = { permission: 'need:read' } as const;
const manage = { permission: 'need:manage' } as const;
const params = z.object({ id: idSchema });

/** The district's needs (Bedarfe): collected from every source, merged and split, their status. */
export const needRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/needs', {
    config: read,
    schema: {
      tags,
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
  app.get('/needs/trend', {
    config: read,
    schema: {
      tags,
      summary: 'Die meistgenannten Bedarfe je Quartal (Stadtteil, Altersgruppe, Zeitraum)',
      querystring: needTrendQuerySchema,
      response: { 200: needTrendSchema },
    },
    handler: (request) => withCtx(request, (ctx) => needTrend(ctx, request.query)),
  });
  app.post('/needs', {
    config: manage,
    schema: {
      tags,
      summary: 'Bedarf erfassen (eine Nennung; derselbe offene Bedarf zählt hoch)',
      body: needInputSchema,
      response: { 201: z.object({ id: idSchema }) },
    },
    handler: async (request, reply) => {
      const created = await withCtx(request, (ctx) => recordNeed(ctx, request.body));
      return reply.status(201).send(created);
    },
  });
  app.get('/needs/:id', {
    config: read,
    schema: {
      tags,
      summary: 'Ein Bedarf mit seinen Quellen und zusammengeführten Bedarfen',
      params,
      response: { 200: needDetailSchema },
    },
    handler: (request) => withCtx(request, (ctx) => needDetail(ctx, request.params.id)),
  });
  app.post('/needs/:id/merge', {
    config: manage,
    schema: {
      tags,
      summary: 'Einen ähnlichen Bedarf in diesen zusammenführen (Nennungen und Quellen zählen zusammen)',
      params,
      body: needMergeSchema,
      response: { 200: needDetailSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await mergeNeed(ctx, request.params.id, request.body);
        return needDetail(ctx, request.params.id);
      }),
  });
  app.post('/needs/:id/split', {
    config: manage,
    schema: {
      tags,
      summary: 'Einen zusammengeführten Bedarf wieder abtrennen',
      params,
      body: needSplitSchema,
      response: { 200: needDetailSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await splitNeed(ctx, request.params.id, request.body);
        return needDetail(ctx, request.params.id);
      }),
  });
  app.put('/needs/:id/status', {
    config: manage,
    schema: {
      tags,
      summary: 'Status eines Bedarfs setzen (offen oder erledigt)',
      params,
      body: needStatusInputSchema,
      response: { 200: needDetailSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await changeNeedStatus(ctx, request.params.id, request.body);
        return needDetail(ctx, request.params.id);
      }),
  });
};
