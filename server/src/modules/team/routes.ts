import {
  expertiseEntrySchema,
  expertiseInputSchema,
  idSchema,
  knowledgeInputSchema,
  knowledgePageSchema,
  knowledgeSearchSchema,
  knowledgeSummarySchema,
  knowledgeUpdateSchema,
  trainingInputSchema,
  trainingOverviewSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import {
  changeExpertise,
  changeKnowledge,
  changeTraining,
  createKnowledge,
  expertiseDirectory,
  knowledgeList,
  knowledgePage,
  trainingOverview,
} from './service.ts';

const tags = ['team'];
const read = { permission: 'team:read' } as const;
const manage = { permission: 'team:manage' } as const;
const params = z.object({ id: idSchema });
const noContent = { 204: z.null() };

/** The team: expertise directory, training overview, knowledge base (docs/conference-and-team.md). */
export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/team/expertise', {
    config: read,
    schema: { tags, summary: 'Wer ist Expertin wofür', response: { 200: z.array(expertiseEntrySchema) } },
    handler: (request) => withCtx(request, (ctx) => expertiseDirectory(ctx)),
  });
  app.put('/team/expertise/:id', {
    config: manage,
    schema: {
      tags,
      summary: 'Fachgebiete einer Person',
      params,
      body: expertiseInputSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => changeExpertise(ctx, request.params.id, request.body.topics));
      return reply.status(204).send(null);
    },
  });
  app.get('/team/training', {
    config: read,
    schema: {
      tags,
      summary: 'Qualifizierung (Module 1-9) eines Teams',
      querystring: z.object({ teamId: idSchema.optional() }),
      response: { 200: trainingOverviewSchema },
    },
    handler: (request) => withCtx(request, (ctx) => trainingOverview(ctx, request.query.teamId)),
  });
  app.put('/team/training/:id/:module', {
    config: manage,
    schema: {
      tags,
      summary: 'Stand eines Moduls für eine Person',
      params: z.object({ id: idSchema, module: z.coerce.number().int().min(1).max(9) }),
      body: trainingInputSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      const { id, module } = request.params;
      await withCtx(request, (ctx) => changeTraining(ctx, id, module, request.body));
      return reply.status(204).send(null);
    },
  });
  app.get('/knowledge', {
    config: read,
    schema: {
      tags,
      summary: 'Wissensbasis (Arbeitshilfen, Qualitätshandbuch) durchsuchen',
      querystring: knowledgeSearchSchema,
      response: { 200: z.array(knowledgeSummarySchema) },
    },
    handler: (request) => withCtx(request, (ctx) => knowledgeList(ctx, request.query.q)),
  });
  app.post('/knowledge', {
    config: manage,
    schema: {
      tags,
      summary: 'Seite anlegen',
      body: knowledgeInputSchema,
      response: { 201: z.object({ id: idSchema }) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => createKnowledge(ctx, request.body))),
  });
  app.get('/knowledge/:id', {
    config: read,
    schema: { tags, summary: 'Seite der Wissensbasis', params, response: { 200: knowledgePageSchema } },
    handler: (request) => withCtx(request, (ctx) => knowledgePage(ctx, request.params.id)),
  });
  app.put('/knowledge/:id', {
    config: manage,
    schema: { tags, summary: 'Seite ändern', params, body: knowledgeUpdateSchema, response: noContent },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => changeKnowledge(ctx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  });
};
