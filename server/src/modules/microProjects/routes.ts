import {
  accessShareSchema,
  budgetAllocationInputSchema,
  budgetFrameInputSchema,
  budgetOverviewSchema,
  budgetYearSchema,
  commitmentInputSchema,
  idSchema,
  microProjectCategories,
  microProjectDetailSchema,
  microProjectInputSchema,
  microProjectStatuses,
  microProjectSummarySchema,
  microProjectUpdateSchema,
  participantsInputSchema,
  referralInputSchema,
  reviewInputSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { recordParticipants, recordReferral, recordReview } from './activity.ts';
import { accessShare, allocate, budgetOverview, commit, setFrame } from './budget.ts';
import { changeProject, createProject, microProject, microProjects } from './service.ts';

const tags = ['micro-projects'];
const read = { permission: 'microproject:read' } as const;
const manage = { permission: 'microproject:manage' } as const;
const budgetRead = { permission: 'microbudget:read' } as const;
const budgetManage = { permission: 'microbudget:manage' } as const;
const params = z.object({ id: idSchema });
const yearParams = z.object({ year: z.coerce.number().pipe(budgetYearSchema) });
const created = { 201: z.object({ id: idSchema }) };

/** Preventive micro-projects and their budget (docs/district-work.md). */
export const microProjectRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/micro-projects', {
    config: read,
    schema: {
      tags,
      summary: 'Präventive Mikroprojekte (mit der Zusage des Jahres)',
      querystring: z.object({
        districtId: idSchema.optional(),
        status: z.enum(microProjectStatuses.values).optional(),
        category: z.enum(microProjectCategories.values).optional(),
        year: z.coerce.number().pipe(budgetYearSchema).optional(),
      }),
      response: { 200: z.array(microProjectSummarySchema) },
    },
    handler: (request) => withCtx(request, (ctx) => microProjects(ctx, request.query)),
  });
  app.post('/micro-projects', {
    config: manage,
    schema: { tags, summary: 'Mikroprojekt anlegen', body: microProjectInputSchema, response: created },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => createProject(ctx, request.body))),
  });
  app.get('/micro-projects/budget/:year', {
    config: budgetRead,
    schema: {
      tags,
      summary: 'Budget der Mikroprojekte: Rahmen, Zuteilung, Zusagen und Ausgaben je Stadtteil und Projekt',
      params: yearParams,
      response: { 200: budgetOverviewSchema },
    },
    handler: (request) => withCtx(request, (ctx) => budgetOverview(ctx, request.params.year)),
  });
  app.put('/micro-projects/budget/:year', {
    config: budgetManage,
    schema: {
      tags,
      summary: 'Jahresrahmen der Mikroprojekte festlegen',
      params: yearParams,
      body: budgetFrameInputSchema,
      response: { 200: budgetOverviewSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await setFrame(ctx, request.params.year, request.body.amount);
        return budgetOverview(ctx, request.params.year);
      }),
  });
  app.put('/micro-projects/budget/:year/allocations', {
    config: budgetManage,
    schema: {
      tags,
      summary: 'Einem Stadtteil Budget zuteilen (innerhalb des Jahresrahmens)',
      params: yearParams,
      body: budgetAllocationInputSchema,
      response: { 200: budgetOverviewSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await allocate(ctx, request.params.year, request.body);
        return budgetOverview(ctx, request.params.year);
      }),
  });
  app.get('/micro-projects/access-share', {
    config: budgetRead,
    schema: {
      tags,
      summary: 'Anteil der Zugänge über das Case Management je Stadtteil und Jahr',
      response: { 200: accessShareSchema },
    },
    handler: (request) => withCtx(request, (ctx) => accessShare(ctx)),
  });
  app.get('/micro-projects/:id', {
    config: read,
    schema: { tags, summary: 'Ein Mikroprojekt', params, response: { 200: microProjectDetailSchema } },
    handler: (request) => withCtx(request, (ctx) => microProject(ctx, request.params.id)),
  });
  app.put('/micro-projects/:id', {
    config: manage,
    schema: {
      tags,
      summary: 'Mikroprojekt ändern',
      params,
      body: microProjectUpdateSchema,
      response: { 200: microProjectDetailSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await changeProject(ctx, request.params.id, request.body);
        return microProject(ctx, request.params.id);
      }),
  });
  app.put('/micro-projects/:id/budget', {
    config: manage,
    schema: {
      tags,
      summary: 'Budget eines Projekts für ein Jahr und einen Stadtteil zusagen (und Ausgaben)',
      params,
      body: commitmentInputSchema,
      response: { 200: microProjectDetailSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await commit(ctx, request.params.id, request.body);
        return microProject(ctx, request.params.id);
      }),
  });
  app.post('/micro-projects/:id/referrals', {
    config: manage,
    schema: {
      tags,
      summary: 'Zugang in ein Mikroprojekt erfassen',
      params,
      body: referralInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => recordReferral(ctx, request.params.id, request.body))),
  });
  app.put('/micro-projects/:id/participants', {
    config: manage,
    schema: {
      tags,
      summary: 'Teilnehmende eines Quartals erfassen',
      params,
      body: participantsInputSchema,
      response: { 200: microProjectDetailSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await recordParticipants(ctx, request.params.id, request.body);
        return microProject(ctx, request.params.id);
      }),
  });
  app.post('/micro-projects/:id/reviews', {
    config: manage,
    schema: {
      tags,
      summary: 'Qualitätsauswertung erfassen',
      params,
      body: reviewInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => recordReview(ctx, request.params.id, request.body))),
  });
};
