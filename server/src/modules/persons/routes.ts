import {
  duplicateCandidateSchema,
  duplicateQuerySchema,
  householdInputSchema,
  idSchema,
  personInputSchema,
  versionSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { createHousehold, findDuplicates, updatePerson } from './service.ts';

/** Persons and households: the duplicate search at intake, registering a family, correcting a person. */
const tags = ['persons'];
const work = { permission: 'case:work' } as const;
const caseParams = z.object({ id: idSchema });
const created = { 201: z.object({ id: idSchema }) };
const noContent = { 204: z.null() };

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/persons/duplicates', {
    config: work,
    schema: {
      tags,
      summary: 'Mögliche Dubletten einer Person',
      body: duplicateQuerySchema,
      response: { 200: z.array(duplicateCandidateSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => findDuplicates(ctx, request.body)),
  });
  app.post('/households', {
    config: work,
    schema: { tags, summary: 'Familie / Haushalt erfassen', body: householdInputSchema, response: created },
    handler: async (request, reply) =>
      reply.status(201).send({ id: await withCtx(request, (ctx) => createHousehold(ctx, request.body)) }),
  });

  app.put('/persons/:id', {
    config: work,
    schema: {
      tags,
      summary: 'Angaben einer Person berichtigen',
      params: caseParams,
      body: personInputSchema.extend({ version: versionSchema }),
      response: noContent,
    },
    handler: async (request, reply) => {
      const { version, ...body } = request.body;
      await withCtx(request, (ctx) => updatePerson(ctx, request.params.id, version, body));
      return reply.status(204).send(null);
    },
  });
};
