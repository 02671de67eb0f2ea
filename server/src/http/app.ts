import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { z } from '@leuchtturm/shared';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { ping } from '../db/queries.ts';
import { atlasRoutes } from '../modules/atlas/routes.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { caseNoteRoutes } from '../modules/caseNotes/routes.ts';
import { caseRoutes } from '../modules/cases/routes.ts';
import { childProtectionRoutes } from '../modules/childProtection/routes.ts';
import { conferenceRoutes } from '../modules/conferences/routes.ts';
import { confidedRoutes } from '../modules/confided/routes.ts';
import { controllingRoutes } from '../modules/controlling/routes.ts';
import { steeringRoutes } from '../modules/controlling/steeringRoutes.ts';
import { disclosureRoutes } from '../modules/disclosure/routes.ts';
import { networkRoutes } from '../modules/districtWork/networkRoutes.ts';
import { districtWorkRoutes } from '../modules/districtWork/routes.ts';
import { documentRoutes } from '../modules/documents/routes.ts';
import { measureRoutes } from '../modules/measures/routes.ts';
import { hzeStatisticsRoutes } from '../modules/measures/statisticsRoutes.ts';
import { microProjectRoutes } from '../modules/microProjects/routes.ts';
import { needRoutes } from '../modules/needs/routes.ts';
import { notificationRoutes } from '../modules/notifications/routes.ts';
import { organisationRoutes } from '../modules/organisation/routes.ts';
import { personRoutes } from '../modules/persons/routes.ts';
import { processRoutes } from '../modules/processes/routes.ts';
import { retentionRoutes } from '../modules/retention/routes.ts';
import { teamRoutes } from '../modules/team/routes.ts';
import { worklistRoutes } from '../modules/worklist/routes.ts';
import { AppError } from '../shared/errors.ts';
import { registerAccessControl } from './permissions.ts';
import { clientErrorHandler, frameworkErrorHandler, sendProblem } from './problem.ts';
import { registerSecurityHeaders } from './securityHeaders.ts';
import { registerTextGuard } from './textGuard.ts';
import './types.ts';

export const API_PREFIX = '/api/v1';

export async function buildApp(options: {
  db: Database;
  config: Config;
  logger?: boolean;
  /**
   * The clock of the work list (tests only: a browser test moves it past a deadline). No setting or environment
   * variable reaches it; `leuchtturm serve` never passes one, so production always runs on real time.
   */
  now?: () => Date;
}): Promise<FastifyInstance> {
  const app = Fastify({
    // Router errors (bad %-encoding, over-long parameters) and refused HTTP are problems like all others.
    frameworkErrors: frameworkErrorHandler(options.config.production),
    clientErrorHandler: clientErrorHandler(options.config.production),
    // Request logging is off: URLs and bodies can carry social data. We log method, route and status only.
    logger: options.logger ? { level: 'info' } : false,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.config.trustedProxies.length > 0 ? options.config.trustedProxies : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('db', options.db);
  app.decorate('config', options.config);
  app.decorate('now', options.now ?? (() => new Date()));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, _request, reply) => sendProblem(reply, error));
  registerSecurityHeaders(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Leuchtturm API',
        version: '1',
        description:
          'Fallmanagement und Steuerung für Jugendämter. Fehler als application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lt_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  registerAccessControl(app);
  registerTextGuard(app);

  app.addHook('onResponse', async (request, reply) => {
    if (options.logger && request.routeOptions.url?.startsWith('/api/')) {
      request.log.info(
        {
          method: request.method,
          route: request.routeOptions.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
  });

  await app.register(
    async (api) => {
      api.get('/health', {
        config: { permission: 'public' },
        schema: {
          tags: ['system'],
          response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
        },
        handler: async () => {
          await ping(api.db);
          return { status: 'ok' as const, database: api.db === app.db ? 'ok' : 'other' };
        },
      });
      api.get('/openapi.json', {
        config: { permission: 'public' },
        schema: { hide: true },
        handler: async () => app.swagger(),
      });
      await api.register(authRoutes);
      await api.register(organisationRoutes);
      await api.register(auditRoutes);
      await api.register(personRoutes);
      await api.register(caseRoutes);
      await api.register(childProtectionRoutes);
      await api.register(documentRoutes);
      await api.register(needRoutes);
      await api.register(microProjectRoutes);
      await api.register(atlasRoutes);
      await api.register(conferenceRoutes);
      await api.register(teamRoutes);
      await api.register(districtWorkRoutes);
      await api.register(networkRoutes);
      await api.register(measureRoutes);
      await api.register(hzeStatisticsRoutes);
      await api.register(controllingRoutes);
      await api.register(steeringRoutes);
      await api.register(notificationRoutes);
      await api.register(caseNoteRoutes);
      await api.register(confidedRoutes);
      await api.register(disclosureRoutes);
      await api.register(processRoutes);
      await api.register(worklistRoutes);
      await api.register(retentionRoutes);
    },
    { prefix: API_PREFIX },
  );

  const webDist = options.config.webDistDir;
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return sendProblem(reply, new AppError('not_found', 'Diese Adresse gibt es nicht.'));
    }
    // The web app routes in the browser: every other GET gets its shell.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
