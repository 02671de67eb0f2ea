import {
  conferenceDetailSchema,
  conferenceInputSchema,
  conferenceItemInputSchema,
  conferenceNeedInputSchema,
  conferenceRegistrationSchema,
  conferenceSummarySchema,
  conferenceUpdateSchema,
  idSchema,
  topicHitSchema,
  topicSearchSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { contentDisposition } from '../../http/download.ts';
import { fileResponse } from '../documents/routes.ts';
import { conferenceFolder } from './folder.ts';
import {
  addItem,
  addNeed,
  changeConference,
  conferenceDetail,
  createConference,
  registerCase,
  teamConferences,
  topicSearch,
} from './service.ts';

const tags = ['conferences'];
const read = { permission: 'conference:read' } as const;
const manage = { permission: 'conference:manage' } as const;
const params = z.object({ id: idSchema });
const created = { 201: z.object({ id: idSchema }) };

/** The Wochenkonferenz of a team (docs/conference-and-team.md). */
export const conferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/conferences', {
    config: read,
    schema: {
      tags,
      summary: 'Wochenkonferenzen des eigenen Teams',
      querystring: z.object({ teamId: idSchema.optional() }),
      response: { 200: z.array(conferenceSummarySchema) },
    },
    handler: (request) => withCtx(request, (ctx) => teamConferences(ctx, request.query.teamId)),
  });
  app.post('/conferences', {
    config: manage,
    schema: { tags, summary: 'Wochenkonferenz anlegen', body: conferenceInputSchema, response: created },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => createConference(ctx, request.body))),
  });
  app.get('/conferences/topics', {
    config: read,
    schema: {
      tags,
      summary: 'Tipps und Themen des Teams durchsuchen',
      querystring: topicSearchSchema,
      response: { 200: z.array(topicHitSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => topicSearch(ctx, request.query.q)),
  });
  app.get('/conferences/:id', {
    config: read,
    schema: { tags, summary: 'Wochenkonferenz', params, response: { 200: conferenceDetailSchema } },
    handler: (request) => withCtx(request, (ctx) => conferenceDetail(ctx, request.params.id)),
  });
  app.put('/conferences/:id', {
    config: manage,
    schema: {
      tags,
      summary: 'Protokoll und Anwesenheit',
      params,
      body: conferenceUpdateSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => changeConference(ctx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  });
  app.post('/conferences/:id/items', {
    config: manage,
    schema: {
      tags,
      summary: 'Punkt auf die Tagesordnung',
      params,
      body: conferenceItemInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => addItem(ctx, request.params.id, request.body))),
  });
  app.post('/conferences/:id/needs', {
    config: manage,
    schema: {
      tags,
      summary: 'Bedarf aus der Bedarfsrunde',
      params,
      body: conferenceNeedInputSchema,
      response: { 201: z.object({ id: idSchema, needId: idSchema }) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => addNeed(ctx, request.params.id, request.body))),
  });
  app.get('/conferences/:id/folder', {
    config: read,
    schema: {
      tags,
      summary: 'Wochenkonferenzmappe als PDF',
      params,
      response: { 200: fileResponse('Die Mappe als PDF', ['application/pdf']) },
    },
    handler: async (request, reply) => {
      const pdf = await withCtx(request, (ctx) => conferenceFolder(ctx, request.params.id));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(pdf.name))
        .send(Buffer.from(pdf.bytes));
    },
  });
  app.post('/cases/:id/conference-registration', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Fall zur nächsten Wochenkonferenz anmelden',
      params,
      body: conferenceRegistrationSchema,
      response: { 201: z.object({ conferenceId: idSchema, heldOn: z.string() }) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => registerCase(ctx, request.params.id, request.body))),
  });
};
