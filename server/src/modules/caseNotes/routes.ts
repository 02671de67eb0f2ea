import {
  caseNoteInputSchema,
  caseNotePageSchema,
  caseNoteQuerySchema,
  caseNoteSchema,
  caseNoteUpdateSchema,
  idSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { addCaseNote, caseNote, caseNotes, editCaseNote } from './service.ts';

const tags = ['case notes'];
const work = { permission: 'case:work' } as const;
const caseParams = z.object({ caseId: idSchema });

export const caseNoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/cases/:caseId/notes', {
    config: work,
    schema: {
      tags,
      summary: 'Aktenvermerke des Falls (neueste zuerst, filterbar)',
      params: caseParams,
      querystring: caseNoteQuerySchema,
      response: { 200: caseNotePageSchema },
    },
    handler: (request) => withCtx(request, (ctx) => caseNotes(ctx, request.params.caseId, request.query)),
  });
  app.post('/cases/:caseId/notes', {
    config: work,
    schema: {
      tags,
      summary: 'Aktenvermerk schreiben (auch als Korrektur eines früheren)',
      params: caseParams,
      body: caseNoteInputSchema,
      response: { 201: z.object({ id: idSchema }) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => addCaseNote(ctx, request.params.caseId, request.body))),
  });
  app.get('/cases/:caseId/notes/:noteId', {
    config: work,
    schema: {
      tags,
      summary: 'Ein Aktenvermerk, wie er jetzt gespeichert ist',
      params: z.object({ caseId: idSchema, noteId: idSchema }),
      response: { 200: caseNoteSchema },
    },
    handler: (request) =>
      withCtx(request, (ctx) => caseNote(ctx, request.params.caseId, request.params.noteId)),
  });
  app.put('/cases/:caseId/notes/:noteId', {
    config: work,
    schema: {
      tags,
      summary: 'Aktenvermerk ändern (nur wer ihn schrieb, binnen 24 Stunden)',
      params: z.object({ caseId: idSchema, noteId: idSchema }),
      body: caseNoteUpdateSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) =>
        editCaseNote(ctx, request.params.caseId, request.params.noteId, request.body),
      );
      return reply.status(204).send(null);
    },
  });
};
