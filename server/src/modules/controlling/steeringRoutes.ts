import {
  controllingSettingsSchema,
  costPlanInputSchema,
  costPlanSchema,
  extraCostInputSchema,
  extraCostSchema,
  ikoQuerySchema,
  ikoSchema,
  regionQuerySchema,
  rentabSeriesQuerySchema,
  rentabSeriesSchema,
  steeringQuerySchema,
  steeringSchema,
  targetInputSchema,
  targetKeySchema,
  targetSchema,
  targetsQuerySchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { contentDisposition } from '../../http/download.ts';
import { actorOf } from '../../http/permissions.ts';
import { ikoComparison } from './iko.ts';
import { rentabSeries } from './rentabSeries.ts';
import { listTargets, removeTarget, setTarget, steering } from './steering.ts';
import {
  listCostPlan,
  listExtraCosts,
  rentabReportExport,
  rentabSettings,
  saveCostPlan,
  saveExtraCost,
  saveSettings,
} from './steeringService.ts';

const tags = ['controlling'];
const read = { permission: 'controlling:read' } as const;
const steer = { permission: 'controlling:steer' } as const;

/**
 * Steering (docs/controlling-rentabilitaet.md): the Rentabilitätsbetrachtung as a series with its inputs, targets
 * with traffic lights, growth against a baseline and the IKO comparison. Aggregates only, no personal data.
 */
export const steeringRoutes: FastifyPluginAsyncZod = async (app) => {
  const tenant = (request: Parameters<typeof actorOf>[0]) => actorOf(request).tenantId;

  app.get('/controlling/settings', {
    config: read,
    schema: {
      tags,
      summary: 'Einstellungen der Steuerung (Kostenarten der Rentabilitätsbetrachtung)',
      response: { 200: controllingSettingsSchema },
    },
    handler: (request) => rentabSettings(app.db, tenant(request)),
  });
  app.put('/controlling/settings', {
    config: steer,
    schema: {
      tags,
      summary: 'Einstellungen der Steuerung ändern',
      body: controllingSettingsSchema,
      response: { 200: controllingSettingsSchema },
    },
    handler: (request) => withCtx(request, (ctx) => saveSettings(ctx, request.body)),
  });
  app.get('/controlling/rentabilitaet/series', {
    config: read,
    schema: {
      tags,
      summary: 'Rentabilitätsbetrachtung über mehrere Jahre mit kumuliertem Netto-Effekt und Prognose',
      querystring: rentabSeriesQuerySchema,
      response: { 200: rentabSeriesSchema },
    },
    handler: (request) => rentabSeries(app.db, tenant(request), request.query),
  });
  app.get('/controlling/rentabilitaet/report', {
    config: read,
    schema: {
      tags,
      summary: 'Rentabilitätsbetrachtung als PDF',
      querystring: rentabSeriesQuerySchema,
      response: {
        200: {
          description: 'PDF',
          content: {
            'application/pdf': {
              schema: z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' }),
            },
          },
        },
      },
    },
    handler: async (request, reply) => {
      const q = request.query;
      const pdf = await withCtx(request, (ctx) => rentabReportExport(ctx, q));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`rentabilitaet-${q.from}-${q.to}.pdf`))
        .send(Buffer.from(pdf));
    },
  });
  app.get('/controlling/extra-costs', {
    config: read,
    schema: {
      tags,
      summary: 'Mehrkosten eines Projektstandorts je Jahr',
      querystring: regionQuerySchema,
      response: { 200: z.array(extraCostSchema) },
    },
    handler: (request) => listExtraCosts(app.db, tenant(request), request.query.region),
  });
  app.put('/controlling/extra-costs', {
    config: steer,
    schema: {
      tags,
      summary: 'Mehrkosten eines Jahres setzen (Personal, Qualifizierung, Sonstige)',
      body: extraCostInputSchema,
      response: { 200: extraCostSchema },
    },
    handler: async (request) =>
      withCtx(
        request,
        async (ctx) => (await saveExtraCost(ctx, request.body)) as z.infer<typeof extraCostSchema>,
      ),
  });
  app.get('/controlling/cost-plan', {
    config: read,
    schema: {
      tags,
      summary: 'Geplanter Kostenpfad einer Region',
      querystring: regionQuerySchema,
      response: { 200: z.array(costPlanSchema) },
    },
    handler: (request) => listCostPlan(app.db, tenant(request), request.query.region),
  });
  app.put('/controlling/cost-plan', {
    config: steer,
    schema: {
      tags,
      summary: 'Geplante Kosten eines Jahres setzen',
      body: costPlanInputSchema,
      response: { 200: costPlanSchema },
    },
    handler: async (request) =>
      withCtx(
        request,
        async (ctx) => (await saveCostPlan(ctx, request.body)) as z.infer<typeof costPlanSchema>,
      ),
  });
  app.get('/controlling/targets', {
    config: read,
    schema: {
      tags,
      summary: 'Zielwerte je Kennzahl, Region und Jahr',
      querystring: targetsQuerySchema,
      response: { 200: z.array(targetSchema) },
    },
    handler: (request) => listTargets(app.db, tenant(request), { year: request.query.year }),
  });
  app.put('/controlling/targets', {
    config: steer,
    schema: { tags, summary: 'Zielwert setzen', body: targetInputSchema, response: { 200: targetSchema } },
    handler: (request) => withCtx(request, (ctx) => setTarget(ctx, request.body)),
  });
  app.delete('/controlling/targets', {
    config: steer,
    schema: { tags, summary: 'Zielwert löschen', querystring: targetKeySchema, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => removeTarget(ctx, request.query));
      return reply.status(204).send(null);
    },
  });
  app.get('/controlling/steering', {
    config: read,
    schema: {
      tags,
      summary: 'Alle Kennzahlen einer Region mit Veränderung gegenüber dem Basisjahr, Zielwert und Ampel',
      querystring: steeringQuerySchema,
      response: { 200: steeringSchema },
    },
    handler: (request) => steering(app.db, tenant(request), request.query),
  });
  app.get('/controlling/iko', {
    config: read,
    schema: {
      tags,
      summary: 'Interkommunaler Vergleich (IKO) je Kostenart und Jahr mit Mittelwert und Median',
      querystring: ikoQuerySchema,
      response: { 200: ikoSchema },
    },
    handler: (request) => ikoComparison(app.db, tenant(request), request.query),
  });
};
