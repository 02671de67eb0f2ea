import {
  caseTransmissionSchema,
  idSchema,
  moveCaseInputSchema,
  transferCaseInputSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { moveCase, transferCase } from './handovers.ts';
import { listTransmissions } from './transmissions.ts';

/** Handovers beyond the team and the record of transmissions (docs/handovers.md). */
const tags = ['cases'];
const work = { permission: 'case:work' } as const;
const caseParams = z.object({ id: idSchema });
const created = { 201: z.object({ id: idSchema }) };

export const handoverRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/cases/:id/move', {
    config: work,
    schema: {
      tags,
      summary: 'Fall umziehen: an das Team der neuen Anschrift (oder ein gewähltes Team) übergeben',
      params: caseParams,
      body: moveCaseInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send({ id: await withCtx(request, (ctx) => moveCase(ctx, request.params.id, request.body)) }),
  });
  app.post('/cases/:id/transfer', {
    config: work,
    schema: {
      tags,
      summary: 'Abgabe an ein anderes Jugendamt (§ 86c SGB VIII): schließt den Fall hier ab',
      params: caseParams,
      body: transferCaseInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send({ id: await withCtx(request, (ctx) => transferCase(ctx, request.params.id, request.body)) }),
  });
  app.get('/cases/:id/transmissions', {
    config: work,
    schema: {
      tags,
      summary: 'Übermittlungen an Stellen außerhalb des Jugendamts',
      params: caseParams,
      response: { 200: z.array(caseTransmissionSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => listTransmissions(ctx, request.params.id)),
  });
};
