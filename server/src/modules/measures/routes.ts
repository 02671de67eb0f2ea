import {
  helpTypeInputSchema,
  helpTypeSchema,
  idSchema,
  measureEndSchema,
  measureInputSchema,
  measureSchema,
  measureWithdrawSchema,
  moneySchema,
  monthlyCostSchema,
  monthSchema,
  offerInputSchema,
  pageQuerySchema,
  pageSchema,
  paymentImportReportSchema,
  providerInputSchema,
  providerSchema,
  rateInputSchema,
  versionSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import * as catalogue from './catalogue.ts';
import * as finance from './finance.ts';
import { importPayments } from './payments.ts';
import {
  approveMeasure,
  createMeasure,
  endMeasure,
  listCaseMeasures,
  pendingApprovals,
  withdrawMeasure,
} from './service.ts';

const tags = ['measures'];
const params = z.object({ id: idSchema });
const created = { 201: z.object({ id: idSchema }) };
const noContent = { 204: z.null() };

/** Routes are thin: schema, permission, one service call (catalogue.ts, service.ts, finance.ts, payments.ts). */
export const measureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/help-types', {
    config: { permission: 'catalogue:read' },
    schema: { tags, summary: 'Hilfearten', response: { 200: z.array(helpTypeSchema) } },
    handler: (request) => withCtx(request, (ctx) => catalogue.listHelpTypes(ctx)),
  });
  app.post('/help-types', {
    config: { permission: 'catalogue:manage' },
    schema: { tags, summary: 'Hilfeart anlegen', body: helpTypeInputSchema, response: created },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send({ id: await withCtx(request, (ctx) => catalogue.createHelpType(ctx, request.body)) }),
  });

  app.get('/providers', {
    config: { permission: 'catalogue:read' },
    schema: {
      tags,
      summary: 'Träger mit Leistungsangeboten und Sätzen',
      response: { 200: z.array(providerSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => catalogue.listProviders(ctx)),
  });
  app.post('/providers', {
    config: { permission: 'finance:manage' },
    schema: { tags, summary: 'Träger anlegen', body: providerInputSchema, response: created },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send({ id: await withCtx(request, (ctx) => catalogue.createProvider(ctx, request.body)) }),
  });
  app.post('/offers', {
    config: { permission: 'finance:manage' },
    schema: { tags, summary: 'Leistungsangebot mit erstem Satz', body: offerInputSchema, response: created },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send({ id: await withCtx(request, (ctx) => catalogue.createOffer(ctx, request.body)) }),
  });
  app.post('/offers/:id/rates', {
    config: { permission: 'finance:manage' },
    schema: {
      tags,
      summary: 'Neuer Satz ab einem Datum',
      params,
      body: rateInputSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => catalogue.changeRate(ctx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  });

  app.get('/cases/:id/measures', {
    config: { permission: 'case:work' },
    schema: { tags, summary: 'Maßnahmen eines Falls', params, response: { 200: z.array(measureSchema) } },
    handler: (request) => withCtx(request, (ctx) => listCaseMeasures(ctx, request.params.id, 'view')),
  });
  app.post('/cases/:id/measures', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Maßnahme anlegen',
      params,
      body: measureInputSchema,
      response: { 201: z.object({ id: idSchema, status: z.enum(['geplant', 'bewilligt']) }) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => createMeasure(ctx, request.params.id, request.body))),
  });
  app.get('/measures/approvals', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Zu bewilligende Maßnahmen des eigenen Teams',
      querystring: pageQuerySchema,
      response: { 200: pageSchema(measureSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => pendingApprovals(ctx, request.query)),
  });
  app.post('/measures/:id/approve', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Maßnahme bewilligen (Referatsleitung)',
      params,
      body: z.object({ version: versionSchema }),
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => approveMeasure(ctx, request.params.id, request.body.version));
      return reply.status(204).send(null);
    },
  });
  app.post('/measures/:id/end', {
    config: { permission: 'case:work' },
    schema: { tags, summary: 'Maßnahme beenden', params, body: measureEndSchema, response: noContent },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => endMeasure(ctx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  });

  app.post('/measures/:id/withdraw', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Geplante Maßnahme zurückziehen',
      params,
      body: measureWithdrawSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => withdrawMeasure(ctx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  });

  app.get('/finance/costs', {
    config: { permission: 'finance:manage' },
    schema: {
      tags,
      summary: 'Kosten je Maßnahme und Fall in einem Monat',
      querystring: z.object({
        month: monthSchema,
      }),
      response: { 200: monthlyCostSchema },
    },
    handler: (request) => withCtx(request, (ctx) => finance.monthlyCosts(ctx, request.query.month)),
  });
  app.post('/finance/payments', {
    config: { permission: 'finance:manage' },
    schema: {
      tags,
      summary: 'Zahlungen importieren (CSV: Maßnahme, Monat, Betrag); alles oder nichts',
      querystring: z.object({ dryRun: z.stringbool().default(true) }),
      body: z.object({
        csv: z.string().max(5_000_000, { error: 'Die Datei ist zu groß (höchstens 5 MB).' }),
      }),
      response: { 200: paymentImportReportSchema },
    },
    handler: (request) =>
      withCtx(request, (ctx) => importPayments(ctx, request.body.csv, request.query.dryRun)),
  });
  app.get('/finance/settings', {
    config: { permission: 'finance:manage' },
    schema: {
      tags,
      summary: 'Betragsgrenze für die Bewilligung durch die Referatsleitung',
      response: { 200: z.object({ approvalThreshold: z.string() }) },
    },
    handler: (request) => withCtx(request, (ctx) => finance.financeSettings(ctx)),
  });
  app.put('/finance/settings', {
    config: { permission: 'finance:manage' },
    schema: {
      tags,
      summary: 'Betragsgrenze für die Bewilligung durch die Referatsleitung',
      body: z.object({ approvalThreshold: moneySchema }),
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => finance.setApprovalThreshold(ctx, request.body.approvalThreshold));
      return reply.status(204).send(null);
    },
  });
};
