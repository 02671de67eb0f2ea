import {
  confidedMarkInputSchema,
  confidedReleaseInputSchema,
  confidedShareInputSchema,
  idSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import {
  markConfided,
  recordConfidedRelease,
  revokeConfidedShare,
  shareConfided,
  unmarkConfided,
} from './service.ts';

const tags = ['data protection'];
const work = { permission: 'case:work' } as const;
const markParams = z.object({ caseId: idSchema, markId: idSchema });

export const confidedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/cases/:caseId/confided', {
    config: work,
    schema: {
      tags,
      summary: 'Vermerk oder Datei als anvertraut kennzeichnen (§ 65 SGB VIII)',
      params: z.object({ caseId: idSchema }),
      body: confidedMarkInputSchema,
      response: { 201: z.object({ id: idSchema }) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => markConfided(ctx, request.params.caseId, request.body))),
  });
  app.delete('/cases/:caseId/confided/:markId', {
    config: work,
    schema: {
      tags,
      summary:
        'Kennzeichnung als anvertraut aufheben (nur wer gekennzeichnet hat oder wem es anvertraut wurde)',
      params: markParams,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const { caseId, markId } = request.params;
      await withCtx(request, (ctx) => unmarkConfided(ctx, caseId, markId));
      return reply.status(204).send(null);
    },
  });
  app.post('/cases/:caseId/confided/:markId/shares', {
    config: work,
    schema: {
      tags,
      summary: 'Anvertraute Angabe mit einer Kollegin teilen',
      params: markParams,
      body: confidedShareInputSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const { caseId, markId } = request.params;
      await withCtx(request, (ctx) => shareConfided(ctx, caseId, markId, request.body.userId));
      return reply.status(204).send(null);
    },
  });
  app.delete('/cases/:caseId/confided/:markId/shares/:userId', {
    config: work,
    schema: {
      tags,
      summary: 'Teilen einer anvertrauten Angabe widerrufen',
      params: markParams.extend({ userId: idSchema }),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const { caseId, markId, userId } = request.params;
      await withCtx(request, (ctx) => revokeConfidedShare(ctx, caseId, markId, userId));
      return reply.status(204).send(null);
    },
  });
  app.put('/cases/:caseId/confided/:markId/release', {
    config: work,
    schema: {
      tags,
      summary: 'Einwilligung oder gesetzliche Befugnis zur Weitergabe festhalten',
      params: markParams,
      body: confidedReleaseInputSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const { caseId, markId } = request.params;
      await withCtx(request, (ctx) => recordConfidedRelease(ctx, caseId, markId, request.body));
      return reply.status(204).send(null);
    },
  });
};
