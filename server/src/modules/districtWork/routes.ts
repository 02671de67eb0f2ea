import {
  districtTalkInputSchema,
  districtTalkSchema,
  districtTalkUpdateSchema,
  districtWalkInputSchema,
  districtWalkSchema,
  districtWalkUpdateSchema,
  districtWorkCountsSchema,
  districtWorkYearSchema,
  idSchema,
  institutionVisitDetailSchema,
  institutionVisitInputSchema,
  institutionVisitSummarySchema,
  institutionVisitUpdateSchema,
  lineSchema,
  recordNeedInputSchema,
  visitedInstitutionSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { districtWorkCounts } from './counts.ts';
import {
  changeTalk,
  changeWalk,
  createTalk,
  createWalk,
  needFromTalk,
  needFromWalk,
  talkDetail,
  teamTalks,
  teamWalks,
  walkDetail,
} from './records.ts';
import {
  changeVisit,
  createVisit,
  needFromVisit,
  teamInstitutions,
  teamVisits,
  visitDetail,
} from './visits.ts';

const tags = ['district-work'];
const record = { permission: 'districtwork:record' } as const;
const params = z.object({ id: idSchema });
const created = { 201: z.object({ id: idSchema }) };

/** Case-independent work in the district (docs/district-visits-and-networks.md). */
export const districtWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/district-work/visits', {
    config: record,
    schema: {
      tags,
      summary: 'Institutionenbesuche des eigenen Teams (optional einer Institution oder eines Stadtteils)',
      querystring: z.object({ institution: lineSchema(200).optional(), districtId: idSchema.optional() }),
      response: { 200: z.array(institutionVisitSummarySchema) },
    },
    handler: (request) => withCtx(request, (ctx) => teamVisits(ctx, request.query)),
  });
  app.get('/district-work/institutions', {
    config: record,
    schema: {
      tags,
      summary: 'Vom Team besuchte Institutionen mit Zahl und Datum der Besuche',
      response: { 200: z.array(visitedInstitutionSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => teamInstitutions(ctx)),
  });
  app.post('/district-work/visits', {
    config: record,
    schema: {
      tags,
      summary: 'Institutionenbesuch erfassen',
      body: institutionVisitInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => createVisit(ctx, request.body))),
  });
  app.get('/district-work/visits/:id', {
    config: record,
    schema: {
      tags,
      summary: 'Ein Institutionenbesuch',
      params,
      response: { 200: institutionVisitDetailSchema },
    },
    handler: (request) => withCtx(request, (ctx) => visitDetail(ctx, request.params.id)),
  });
  app.put('/district-work/visits/:id', {
    config: record,
    schema: {
      tags,
      summary: 'Institutionenbesuch ändern (mit Wiedervorlagen)',
      params,
      body: institutionVisitUpdateSchema,
      response: { 200: institutionVisitDetailSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await changeVisit(ctx, request.params.id, request.body);
        return visitDetail(ctx, request.params.id);
      }),
  });
  app.post('/district-work/visits/:id/needs', {
    config: record,
    schema: {
      tags,
      summary: 'Bedarf aus einem Besuch erfassen',
      params,
      body: recordNeedInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => needFromVisit(ctx, request.params.id, request.body))),
  });

  app.get('/district-work/walks', {
    config: record,
    schema: {
      tags,
      summary: 'Stadtteilbegehungen des eigenen Teams',
      response: { 200: z.array(districtWalkSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => teamWalks(ctx)),
  });
  app.post('/district-work/walks', {
    config: record,
    schema: { tags, summary: 'Stadtteilbegehung erfassen', body: districtWalkInputSchema, response: created },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => createWalk(ctx, request.body))),
  });
  app.get('/district-work/walks/:id', {
    config: record,
    schema: { tags, summary: 'Eine Stadtteilbegehung', params, response: { 200: districtWalkSchema } },
    handler: (request) => withCtx(request, (ctx) => walkDetail(ctx, request.params.id)),
  });
  app.put('/district-work/walks/:id', {
    config: record,
    schema: {
      tags,
      summary: 'Stadtteilbegehung ändern',
      params,
      body: districtWalkUpdateSchema,
      response: { 200: districtWalkSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await changeWalk(ctx, request.params.id, request.body);
        return walkDetail(ctx, request.params.id);
      }),
  });
  app.post('/district-work/walks/:id/needs', {
    config: record,
    schema: {
      tags,
      summary: 'Bedarf aus einer Begehung erfassen',
      params,
      body: recordNeedInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => needFromWalk(ctx, request.params.id, request.body))),
  });

  app.get('/district-work/talks', {
    config: record,
    schema: {
      tags,
      summary: 'Erkundungen und fallunabhängige Gespräche des eigenen Teams',
      response: { 200: z.array(districtTalkSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => teamTalks(ctx)),
  });
  app.post('/district-work/talks', {
    config: record,
    schema: {
      tags,
      summary: 'Erkundung oder Gespräch erfassen',
      body: districtTalkInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => createTalk(ctx, request.body))),
  });
  app.get('/district-work/talks/:id', {
    config: record,
    schema: {
      tags,
      summary: 'Eine Erkundung oder ein Gespräch',
      params,
      response: { 200: districtTalkSchema },
    },
    handler: (request) => withCtx(request, (ctx) => talkDetail(ctx, request.params.id)),
  });
  app.put('/district-work/talks/:id', {
    config: record,
    schema: {
      tags,
      summary: 'Erkundung oder Gespräch ändern',
      params,
      body: districtTalkUpdateSchema,
      response: { 200: districtTalkSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await changeTalk(ctx, request.params.id, request.body);
        return talkDetail(ctx, request.params.id);
      }),
  });
  app.post('/district-work/talks/:id/needs', {
    config: record,
    schema: {
      tags,
      summary: 'Bedarf aus einer Erkundung oder einem Gespräch erfassen',
      params,
      body: recordNeedInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => needFromTalk(ctx, request.params.id, request.body))),
  });

  app.get('/district-work/counts', {
    config: { permission: 'districtwork:counts' },
    schema: {
      tags,
      summary: 'Fallunabhängige Arbeit je Stadtteil und Jahr (nur Anzahlen)',
      querystring: z.object({ year: z.coerce.number().pipe(districtWorkYearSchema) }),
      response: { 200: districtWorkCountsSchema },
    },
    handler: (request) => withCtx(request, (ctx) => districtWorkCounts(ctx, request.query.year)),
  });
};
