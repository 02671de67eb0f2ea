import {
  caseRetentionSchema,
  idSchema,
  retentionErasureInputSchema,
  retentionProposalInputSchema,
  retentionRestrictionInputSchema,
  retentionRulesInputSchema,
  retentionRulesSchema,
  retentionVersionInputSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import {
  caseRetention,
  changeRetentionRules,
  confirmErasure,
  liftRestriction,
  proposeErasure,
  restrictFile,
  retentionList,
  retentionRules,
  withdrawProposal,
} from './service.ts';

const tags = ['retention'];
const work = { permission: 'case:work' } as const;
const params = z.object({ id: idSchema });
const one = { 200: caseRetentionSchema };

/** Retention and deletion of case files (docs/retention.md). */
export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/retention/rules', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Aufbewahrungsfristen je Klasse', response: { 200: retentionRulesSchema } },
    handler: (request) => withCtx(request, (ctx) => retentionRules(ctx)),
  });
  app.put('/retention/rules', {
    config: { permission: 'retention:manage' },
    schema: {
      tags,
      summary: 'Aufbewahrungsfristen festlegen',
      body: retentionRulesInputSchema,
      response: { 200: retentionRulesSchema },
    },
    handler: (request) => withCtx(request, (ctx) => changeRetentionRules(ctx, request.body)),
  });
  app.get('/retention/files', {
    config: work,
    schema: {
      tags,
      summary:
        'Abgeschlossene Akten mit ihrer Aufbewahrung (eigene Fälle; für die Referatsleitung die des Teams)',
      response: { 200: z.array(caseRetentionSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => retentionList(ctx)),
  });
  app.get('/cases/:id/retention', {
    config: work,
    schema: { tags, summary: 'Aufbewahrung einer Akte', params, response: one },
    handler: (request) => withCtx(request, (ctx) => caseRetention(ctx, request.params.id)),
  });
  app.post('/cases/:id/retention/proposal', {
    config: work,
    schema: {
      tags,
      summary: 'Löschung vorschlagen (Schritt 1)',
      params,
      body: retentionProposalInputSchema,
      response: one,
    },
    handler: (request) => withCtx(request, (ctx) => proposeErasure(ctx, request.params.id, request.body)),
  });
  app.delete('/cases/:id/retention/proposal', {
    config: work,
    schema: {
      tags,
      summary: 'Löschvorschlag zurückziehen',
      params,
      querystring: retentionVersionInputSchema,
      response: one,
    },
    handler: (request) =>
      withCtx(request, (ctx) => withdrawProposal(ctx, request.params.id, request.query.version)),
  });
  app.post('/cases/:id/retention/erasure', {
    config: work,
    schema: {
      tags,
      summary: 'Löschung bestätigen (Schritt 2, endgültig)',
      params,
      body: retentionErasureInputSchema,
      response: one,
    },
    handler: (request) => withCtx(request, (ctx) => confirmErasure(ctx, request.params.id, request.body)),
  });
  app.post('/cases/:id/retention/restriction', {
    config: work,
    schema: { tags, summary: 'Akte sperren', params, body: retentionRestrictionInputSchema, response: one },
    handler: (request) => withCtx(request, (ctx) => restrictFile(ctx, request.params.id, request.body)),
  });
  app.delete('/cases/:id/retention/restriction', {
    config: work,
    schema: {
      tags,
      summary: 'Sperrung aufheben',
      params,
      querystring: retentionVersionInputSchema,
      response: one,
    },
    handler: (request) =>
      withCtx(request, (ctx) => liftRestriction(ctx, request.params.id, request.query.version)),
  });
};
