import {
  idSchema,
  networkDetailSchema,
  networkInputSchema,
  networkMeetingInputSchema,
  networkMeetingUpdateSchema,
  networkSummarySchema,
  networkUpdateSchema,
  recordNeedInputSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import {
  changeMeeting,
  changeNetwork,
  createMeeting,
  createNetwork,
  needFromMeeting,
  networkDetail,
  teamNetworks,
} from './networks.ts';

const tags = ['district-work'];
const record = { permission: 'districtwork:record' } as const;
const params = z.object({ id: idSchema });
const meetingParams = z.object({ id: idSchema, meetingId: idSchema });
const created = { 201: z.object({ id: idSchema }) };

/** Networks by age cohort (docs/district-visits-and-networks.md). */
export const networkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/district-work/networks', {
    config: record,
    schema: {
      tags,
      summary: 'Netzwerke des eigenen Teams',
      response: { 200: z.array(networkSummarySchema) },
    },
    handler: (request) => withCtx(request, (ctx) => teamNetworks(ctx)),
  });
  app.post('/district-work/networks', {
    config: record,
    schema: { tags, summary: 'Netzwerk anlegen', body: networkInputSchema, response: created },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => createNetwork(ctx, request.body))),
  });
  app.get('/district-work/networks/:id', {
    config: record,
    schema: { tags, summary: 'Ein Netzwerk mit Treffen', params, response: { 200: networkDetailSchema } },
    handler: (request) => withCtx(request, (ctx) => networkDetail(ctx, request.params.id)),
  });
  app.put('/district-work/networks/:id', {
    config: record,
    schema: {
      tags,
      summary: 'Netzwerk ändern (Mitglieder, Geschäftsordnung)',
      params,
      body: networkUpdateSchema,
      response: { 200: networkDetailSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await changeNetwork(ctx, request.params.id, request.body);
        return networkDetail(ctx, request.params.id);
      }),
  });
  app.post('/district-work/networks/:id/meetings', {
    config: record,
    schema: {
      tags,
      summary: 'Netzwerktreffen erfassen',
      params,
      body: networkMeetingInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => createMeeting(ctx, request.params.id, request.body))),
  });
  app.put('/district-work/networks/:id/meetings/:meetingId', {
    config: record,
    schema: {
      tags,
      summary: 'Netzwerktreffen ändern',
      params: meetingParams,
      body: networkMeetingUpdateSchema,
      response: { 200: networkDetailSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await changeMeeting(ctx, request.params.id, request.params.meetingId, request.body);
        return networkDetail(ctx, request.params.id);
      }),
  });
  app.post('/district-work/networks/:id/meetings/:meetingId/needs', {
    config: record,
    schema: {
      tags,
      summary: 'Bedarf aus einem Netzwerktreffen erfassen',
      params: meetingParams,
      body: recordNeedInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await withCtx(request, (ctx) =>
            needFromMeeting(ctx, request.params.id, request.params.meetingId, request.body),
          ),
        ),
  });
};
