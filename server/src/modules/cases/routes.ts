import {
  accessGrantInputSchema,
  allocationInputSchema,
  allocationItemSchema,
  caseAccessListSchema,
  caseDetailSchema,
  caseSummarySchema,
  closeCaseInputSchema,
  consentInputSchema,
  familyConferenceInputSchema,
  helpPlanInputSchema,
  idSchema,
  intakeInputSchema,
  leadInputSchema,
  mandateInputSchema,
  mandateResultInputSchema,
  myCasesQuerySchema,
  networkTieInputSchema,
  networkTieUpdateSchema,
  pagedQuerySchema,
  pageSchema,
  peerConsultationInputSchema,
  reopenCaseInputSchema,
  resourceInputSchema,
  riskConsultationInputSchema,
  willAndGoalsInputSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import type { Ctx } from '../../shared/context.ts';
import { caseAccessList } from './accessList.ts';
import { allocateCase, allocationList } from './allocation.ts';
import * as classification from './classification.ts';
import * as closing from './closing.ts';
import { addPeerConsultation } from './consultation.ts';
import * as goals from './goals.ts';
import { handoverRoutes } from './handoverRoutes.ts';
import { addHelpPlan } from './helpPlans.ts';
import { allocateLead, openCase, setAccessGrant } from './intake.ts';
import { myCases, readCase } from './service.ts';

const tags = ['cases'];
const work = { permission: 'case:work' } as const;
const caseParams = z.object({ id: idSchema });
const itemParams = z.object({ id: idSchema, itemId: idSchema });
const created = { 201: z.object({ id: idSchema }) };
const noContent = { 204: z.null() };

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(handoverRoutes);
  app.get('/cases', {
    config: work,
    schema: {
      tags,
      summary: 'Meine Fälle',
      querystring: pagedQuerySchema(myCasesQuerySchema),
      response: { 200: pageSchema(caseSummarySchema) },
    },
    handler: (request) => withCtx(request, (ctx) => myCases(ctx, request.query)),
  });
  app.post('/cases', {
    config: work,
    schema: {
      tags,
      summary: 'Falleingang',
      body: intakeInputSchema,
      response: { 201: z.object({ id: idSchema, caseNumber: z.string() }) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => openCase(ctx, request.body))),
  });
  app.get('/cases/allocation', {
    config: work,
    schema: {
      tags,
      summary: 'Zuteilung: neue Fälle ohne zuständiges Team (für Referatsleitungen)',
      response: { 200: z.array(allocationItemSchema) },
    },
    handler: (request) => withCtx(request, (ctx) => allocationList(ctx)),
  });
  app.put('/cases/:id/allocation', {
    config: work,
    schema: {
      tags,
      summary: 'Einen neuen Fall ins eigene Team übernehmen und die Fallführung zuteilen',
      params: caseParams,
      body: allocationInputSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => allocateCase(ctx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  });
  app.get('/cases/:id', {
    config: work,
    schema: { tags, summary: 'Fallakte', params: caseParams, response: { 200: caseDetailSchema } },
    handler: (request) => withCtx(request, (ctx) => readCase(ctx, request.params.id, 'view')),
  });
  app.put('/cases/:id/lead', {
    config: work,
    schema: {
      tags,
      summary: 'Fallführung zuteilen',
      params: caseParams,
      body: leadInputSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => allocateLead(ctx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  });

  app.put('/cases/:id/access-grants/:itemId', {
    config: work,
    schema: {
      tags,
      summary: 'Zugriff auf den Fall gewähren (Referatsleitung), auf Wunsch bis zu einem Tag',
      params: itemParams,
      // The web sends no body for a grant without an end: Fastify hands the schema null then.
      body: accessGrantInputSchema.nullish(),
      response: noContent,
    },
    handler: async (request, reply) => {
      const validUntil = request.body?.validUntil ?? null;
      await withCtx(request, (ctx) =>
        setAccessGrant(ctx, request.params.id, request.params.itemId, true, validUntil),
      );
      return reply.status(204).send(null);
    },
  });
  app.delete('/cases/:id/access-grants/:itemId', {
    config: work,
    schema: { tags, summary: 'Gewährten Zugriff entziehen', params: itemParams, response: noContent },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => setAccessGrant(ctx, request.params.id, request.params.itemId, false));
      return reply.status(204).send(null);
    },
  });

  app.get('/cases/:id/access', {
    config: work,
    schema: {
      tags,
      summary: 'Wer Zugriff auf den Fall hat und warum (Referatsleitung, Fallführung)',
      params: caseParams,
      response: { 200: caseAccessListSchema },
    },
    handler: (request) => withCtx(request, (ctx) => caseAccessList(ctx, request.params.id)),
  });

  // Records of the case: each a POST to a sub-collection, answered with the new id.
  const addTo = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    add: (ctx: Ctx, caseId: string, input: z.output<S>) => Promise<string | { id: string }>,
  ) =>
    app.post(`/cases/:id/${path}`, {
      config: work,
      schema: { tags, summary, params: caseParams, body, response: created },
      handler: async (request, reply) => {
        const result = await withCtx(request, (ctx) =>
          add(ctx, request.params.id, request.body as z.output<S>),
        );
        return reply.status(201).send({ id: typeof result === 'string' ? result : result.id });
      },
    });
  addTo(
    'risk-consultations',
    'Kurzberatung zur Risikoeinschätzung (Falleinordnung)',
    riskConsultationInputSchema,
    classification.addRiskConsultation,
  );
  addTo('mandates', 'Auftrag oder Auflage', mandateInputSchema, classification.addMandate);
  addTo('resources', 'Ressource', resourceInputSchema, goals.addResource);
  addTo('network', 'Eintrag der Netzwerkkarte', networkTieInputSchema, goals.addNetworkTie);
  addTo('peer-consultations', 'Kollegiale Beratung', peerConsultationInputSchema, addPeerConsultation);
  addTo('consents', 'Schweigepflichtentbindung', consentInputSchema, closing.addConsent);
  addTo(
    'reopen',
    'Abgeschlossenen Fall wieder aufnehmen (Wiederaufnahme)',
    reopenCaseInputSchema,
    closing.reopenCase,
  );

  app.post('/cases/:id/help-plans', {
    config: work,
    schema: {
      tags,
      summary: 'Hilfeplan oder Fortschreibung',
      params: caseParams,
      body: helpPlanInputSchema,
      response: { 201: z.object({ id: idSchema, versionNo: z.int(), warnings: z.array(z.string()) }) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => addHelpPlan(ctx, request.params.id, request.body))),
  });

  app.put('/cases/:id/mandates/:itemId', {
    config: work,
    schema: {
      tags,
      summary: 'Ergebnis eines Auftrags',
      params: itemParams,
      body: mandateResultInputSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) =>
        classification.setMandateResult(ctx, request.params.id, request.params.itemId, request.body),
      );
      return reply.status(204).send(null);
    },
  });
  app.put('/cases/:id/network/:itemId', {
    config: work,
    schema: { tags, params: itemParams, body: networkTieUpdateSchema, response: noContent },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) =>
        goals.updateNetworkTie(ctx, request.params.id, request.params.itemId, request.body),
      );
      return reply.status(204).send(null);
    },
  });
  for (const [path, table] of [
    ['resources', 'resource'],
    ['network', 'network_tie'],
  ] as const) {
    app.delete(`/cases/:id/${path}/:itemId`, {
      config: work,
      schema: { tags, params: itemParams, response: noContent },
      handler: async (request, reply) => {
        await withCtx(request, (ctx) =>
          goals.deleteCaseItem(ctx, request.params.id, table, request.params.itemId),
        );
        return reply.status(204).send(null);
      },
    });
  }
  app.post('/cases/:id/consents/:itemId/revoke', {
    config: work,
    schema: {
      tags,
      summary: 'Schweigepflichtentbindung widerrufen',
      params: itemParams,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => closing.revokeConsent(ctx, request.params.id, request.params.itemId));
      return reply.status(204).send(null);
    },
  });

  const putTo = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    save: (ctx: Ctx, caseId: string, input: z.output<S>) => Promise<void>,
  ) =>
    app.put(`/cases/:id/${path}`, {
      config: work,
      schema: { tags, summary, params: caseParams, body, response: noContent },
      handler: async (request, reply) => {
        await withCtx(request, (ctx) => save(ctx, request.params.id, request.body as z.output<S>));
        return reply.status(204).send(null);
      },
    });
  putTo('will-and-goals', 'Wille und Ziele', willAndGoalsInputSchema, goals.saveWillAndGoals);
  putTo('family-conference', 'Familienrat', familyConferenceInputSchema, closing.saveFamilyConference);
  app.post('/cases/:id/close', {
    config: work,
    schema: {
      tags,
      summary: 'Fall abschließen',
      params: caseParams,
      body: closeCaseInputSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => closing.closeCase(ctx, request.params.id, request.body));
      return reply.status(204).send(null);
    },
  });
};
