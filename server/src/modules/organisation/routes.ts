import {
  absenceInputSchema,
  absenceSchema,
  addressCheckQuerySchema,
  addressCheckResultSchema,
  addressLookupQuerySchema,
  addressLookupResultSchema,
  districtInputSchema,
  districtSchema,
  idSchema,
  responsibilityInputSchema,
  responsibilitySchema,
  socialCentreInputSchema,
  socialCentreSchema,
  staffCreateSchema,
  staffInputSchema,
  staffSchema,
  streetInputSchema,
  streetSchema,
  streetSuggestionQuerySchema,
  streetSuggestionSchema,
  teamInputSchema,
  teamSchema,
  versionSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { actorOf } from '../../http/permissions.ts';
import * as absences from './absences.ts';
import * as address from './address.ts';
import * as presenter from './presenter.ts';
import * as queries from './queries/lists.ts';
import * as staff from './staff.ts';
import * as structure from './structure.ts';

const params = z.object({ id: idSchema });
const created = z.object({ id: idSchema });
const noContent = { 204: z.null() };
const tags = ['organisation'];
const read = { permission: 'organisation:read' } as const;
const manage = { permission: 'organisation:manage' } as const;

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tenantOf = (request: Parameters<typeof actorOf>[0]) => actorOf(request).tenantId;

  // Sozialzentren and Stadtteile: name and code.
  for (const [path, table, input, output] of [
    ['social-centres', 'social_centre', socialCentreInputSchema, socialCentreSchema],
    ['districts', 'district', districtInputSchema, districtSchema],
  ] as const) {
    app.get(`/organisation/${path}`, {
      config: read,
      schema: { tags, response: { 200: z.array(output) } },
      handler: async (request) =>
        table === 'district'
          ? (await queries.listDistricts(app.db, tenantOf(request))).map(presenter.presentDistrict)
          : (await queries.listSocialCentres(app.db, tenantOf(request))).map(presenter.presentSocialCentre),
    });
    app.post(`/organisation/${path}`, {
      config: manage,
      schema: { tags, body: input, response: { 201: created } },
      handler: async (request, reply) => {
        const id = await withCtx(request, (ctx) => structure.createCoded(ctx, table, request.body));
        return reply.status(201).send({ id });
      },
    });
    app.put(`/organisation/${path}/:id`, {
      config: manage,
      schema: { tags, params, body: input.extend({ version: versionSchema }), response: noContent },
      handler: async (request, reply) => {
        const { version, ...body } = request.body;
        await withCtx(request, (ctx) => structure.updateCoded(ctx, table, request.params.id, version, body));
        return reply.status(204).send(null);
      },
    });
    app.delete(`/organisation/${path}/:id`, {
      config: manage,
      schema: { tags, params, response: noContent },
      handler: async (request, reply) => {
        await withCtx(request, (ctx) => structure.deleteStructure(ctx, table, request.params.id));
        return reply.status(204).send(null);
      },
    });
  }

  // Stadtteilteams
  app.get('/organisation/teams', {
    config: read,
    schema: {
      tags,
      querystring: z.object({ socialCentreId: idSchema.optional() }),
      response: { 200: z.array(teamSchema) },
    },
    handler: async (request) =>
      (await queries.listTeams(app.db, tenantOf(request), request.query)).map(presenter.presentTeam),
  });
  app.post('/organisation/teams', {
    config: manage,
    schema: { tags, body: teamInputSchema, response: { 201: created } },
    handler: async (request, reply) => {
      const id = await withCtx(request, (ctx) => structure.createTeam(ctx, request.body));
      return reply.status(201).send({ id });
    },
  });
  app.put('/organisation/teams/:id', {
    config: manage,
    schema: { tags, params, body: teamInputSchema.extend({ version: versionSchema }), response: noContent },
    handler: async (request, reply) => {
      const { version, ...body } = request.body;
      await withCtx(request, (ctx) => structure.updateTeam(ctx, request.params.id, version, body));
      return reply.status(204).send(null);
    },
  });
  app.delete('/organisation/teams/:id', {
    config: manage,
    schema: { tags, params, response: noContent },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => structure.deleteStructure(ctx, 'team', request.params.id));
      return reply.status(204).send(null);
    },
  });

  // Straßen
  app.get('/organisation/streets', {
    config: read,
    schema: {
      tags,
      querystring: z.object({
        districtId: idSchema.optional(),
        q: z.string().trim().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      response: { 200: z.array(streetSchema) },
    },
    handler: async (request) => {
      const { districtId, q, limit } = request.query;
      const rows = await queries.listStreets(app.db, tenantOf(request), { districtId, search: q, limit });
      return rows.map(presenter.presentStreet);
    },
  });
  app.post('/organisation/streets', {
    config: manage,
    schema: { tags, body: streetInputSchema, response: { 201: created } },
    handler: async (request, reply) => {
      const id = await withCtx(request, (ctx) => address.createStreet(ctx, request.body));
      return reply.status(201).send({ id });
    },
  });
  app.put('/organisation/streets/:id', {
    config: manage,
    schema: { tags, params, body: streetInputSchema.extend({ version: versionSchema }), response: noContent },
    handler: async (request, reply) => {
      const { version, ...body } = request.body;
      await withCtx(request, (ctx) => address.updateStreet(ctx, request.params.id, version, body));
      return reply.status(204).send(null);
    },
  });
  app.delete('/organisation/streets/:id', {
    config: manage,
    schema: { tags, params, response: noContent },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => address.deleteStreet(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  });

  // Zuständigkeiten
  app.get('/organisation/responsibilities', {
    config: read,
    schema: {
      tags,
      querystring: z.object({ streetId: idSchema.optional(), teamId: idSchema.optional() }),
      response: { 200: z.array(responsibilitySchema) },
    },
    handler: async (request) =>
      (await queries.listResponsibilities(app.db, tenantOf(request), request.query)).map(
        presenter.presentResponsibility,
      ),
  });
  app.post('/organisation/responsibilities', {
    config: manage,
    schema: { tags, body: responsibilityInputSchema, response: { 201: created } },
    handler: async (request, reply) => {
      const id = await withCtx(request, (ctx) => address.createResponsibility(ctx, request.body));
      return reply.status(201).send({ id });
    },
  });
  app.delete('/organisation/responsibilities/:id', {
    config: manage,
    schema: { tags, params, response: noContent },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => address.deleteResponsibility(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  });
  app.get('/organisation/responsible-team', {
    config: read,
    schema: {
      tags,
      summary: 'Welches Team ist für diese Adresse zuständig?',
      querystring: addressLookupQuerySchema,
      response: { 200: addressLookupResultSchema },
    },
    handler: async (request) => address.findResponsibleTeam(app.db, tenantOf(request), request.query),
  });

  // Mitarbeitende
  app.get('/organisation/staff', {
    config: { permission: 'staff:read' },
    schema: {
      tags,
      querystring: z.object({
        teamId: idSchema.optional(),
        q: z.string().trim().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(500),
      }),
      response: { 200: z.array(staffSchema) },
    },
    handler: async (request) => {
      const { teamId, q, limit } = request.query;
      const rows = await queries.listStaff(app.db, tenantOf(request), { teamId, search: q, limit });
      return rows.map(presenter.presentStaff);
    },
  });
  app.post('/organisation/staff', {
    config: manage,
    schema: { tags, body: staffCreateSchema, response: { 201: created } },
    handler: async (request, reply) => {
      const id = await withCtx(request, (ctx) => staff.createStaff(ctx, request.body));
      return reply.status(201).send({ id });
    },
  });
  app.put('/organisation/staff/:id', {
    config: manage,
    schema: { tags, params, body: staffInputSchema.extend({ version: versionSchema }), response: noContent },
    handler: async (request, reply) => {
      const { version, ...body } = request.body;
      await withCtx(request, (ctx) => staff.updateStaff(ctx, request.params.id, version, body));
      return reply.status(204).send(null);
    },
  });
  app.get('/organisation/street-suggestions', {
    config: read,
    schema: {
      tags,
      summary: 'Straßen des Verzeichnisses zum Eingetippten (mit Hausnummernbereichen)',
      querystring: streetSuggestionQuerySchema,
      response: { 200: z.array(streetSuggestionSchema) },
    },
    handler: async (request) => address.suggestStreets(app.db, tenantOf(request), request.query),
  });
  app.get('/organisation/address-check', {
    config: read,
    schema: {
      tags,
      summary: 'Adresse prüfen: Stadtteil und zuständiges Team (oder keines)',
      querystring: addressCheckQuerySchema,
      response: { 200: addressCheckResultSchema },
    },
    handler: async (request) => address.checkAddress(app.db, tenantOf(request), request.query),
  });
  // Abwesenheiten with their Vertretung: any signed-in user reaches the routes; the one policy (mayManageAbsenceOf)
  // decides whose absence she may enter, and the list shows only what absenceListScope admits.
  const signedIn = { permission: 'authenticated' } as const;
  app.get('/organisation/absences', {
    config: signedIn,
    schema: { tags, response: { 200: z.array(absenceSchema) } },
    handler: (request) => withCtx(request, (ctx) => absences.listVisibleAbsences(ctx, app.now())),
  });
  app.post('/organisation/absences', {
    config: signedIn,
    schema: { tags, body: absenceInputSchema, response: { 201: created } },
    handler: async (request, reply) => {
      const id = await withCtx(request, (ctx) => absences.createAbsence(ctx, request.body, app.now()));
      return reply.status(201).send({ id });
    },
  });
  app.put('/organisation/absences/:id', {
    config: signedIn,
    schema: {
      tags,
      params,
      body: absenceInputSchema.extend({ version: versionSchema }),
      response: noContent,
    },
    handler: async (request, reply) => {
      const { version, ...body } = request.body;
      await withCtx(request, (ctx) =>
        absences.updateAbsence(ctx, request.params.id, version, body, app.now()),
      );
      return reply.status(204).send(null);
    },
  });
  app.delete('/organisation/absences/:id', {
    config: signedIn,
    schema: { tags, params, response: noContent },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => absences.deleteAbsence(ctx, request.params.id));
      return reply.status(204).send(null);
    },
  });
};
