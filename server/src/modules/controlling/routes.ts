import { z } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { contentDisposition } from '../../http/download.ts';
import { actorOf } from '../../http/permissions.ts';
import { importAggregates } from './aggregates.ts';
import { dashboard, districtFigures } from './dashboard.ts';
import { yearKpis } from './kpis.ts';
import { publicationCsv } from './publication.ts';
import { comparison, listRegions } from './regionList.ts';
import { rentabilitaet } from './rentabilitaet.ts';
import { controllingReport } from './report.ts';
import { staffReference } from './staffing.ts';

const tags = ['controlling'];
const read = { permission: 'controlling:read' } as const;
const year = z.coerce.number({ error: 'Bitte ein Jahr angeben.' }).int().min(1990).max(2100);
const regionKey = z.string().trim().min(1, { error: 'Bitte eine Region angeben.' }).max(100);

/** Controlling: aggregates only. Every answer is counts, sums and ratios; no route returns a person or a case. */
export const controllingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tenant = (request: Parameters<typeof actorOf>[0]) => actorOf(request).tenantId;

  app.get('/controlling/regions', {
    config: read,
    schema: { tags, summary: 'Regionen (Stadt, Sozialzentren, Teams, Stadtteile, externe)' },
    handler: (request) => listRegions(app.db, tenant(request)),
  });
  app.get('/controlling/kpis', {
    config: read,
    schema: {
      tags,
      summary: 'Kennzahlen einer Region und eines Jahres',
      querystring: z.object({ region: regionKey, year, baseline: year.optional() }),
    },
    handler: (request) =>
      yearKpis(app.db, tenant(request), request.query.region, request.query.year, request.query.baseline),
  });
  app.get('/controlling/rentabilitaet', {
    config: read,
    schema: {
      tags,
      summary: 'Rentabilitätsbetrachtung (ESPQ)',
      querystring: z.object({ site: regionKey, reference: regionKey, year }),
      response: {
        200: z.object({
          site: z.string(),
          reference: z.string(),
          year: z.int(),
          costSitePrev: z.string(),
          costSite: z.string(),
          costRefPrev: z.string(),
          costRef: z.string(),
          expected: z.string(),
          savings: z.string(),
          extraCosts: z.string(),
          net: z.string(),
        }),
      },
    },
    handler: (request) =>
      rentabilitaet(app.db, tenant(request), request.query.site, request.query.reference, request.query.year),
  });
  app.get('/controlling/dashboard', {
    config: read,
    schema: {
      tags,
      summary: 'Zeitreihen einer Region: Dichte je Quartal, Maßnahmen, Fallarten, Kosten je Jahr',
      querystring: z
        .object({ region: regionKey, from: year, to: year })
        .refine((q) => q.from <= q.to && q.to - q.from <= 20, {
          error: 'Bitte höchstens 20 Jahre, von ≤ bis.',
          path: ['to'],
        }),
    },
    handler: (request) =>
      dashboard(app.db, tenant(request), request.query.region, request.query.from, request.query.to),
  });
  app.get('/controlling/export', {
    config: read,
    schema: {
      tags,
      summary: 'Quartalszahlen einer Region als CSV zur Veröffentlichung (Fallzahlen unter 5 als „<5“)',
      querystring: z.object({ region: regionKey, from: year, to: year }),
    },
    handler: async (request, reply) => {
      const data = await dashboard(
        app.db,
        tenant(request),
        request.query.region,
        request.query.from,
        request.query.to,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          contentDisposition(`kennzahlen-${data.region.key}-${request.query.from}-${request.query.to}.csv`),
        )
        .send(publicationCsv(data));
    },
  });
  app.get('/controlling/report', {
    config: read,
    schema: {
      tags,
      summary: 'Kennzahlenbericht einer Region als PDF (für Ausschüsse; Fallzahlen unter 5 als „<5“)',
      querystring: z.object({ region: regionKey, from: year, to: year }),
    },
    handler: async (request, reply) => {
      const { region, from, to } = request.query;
      const pdf = await controllingReport(app.db, tenant(request), region, from, to);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`kennzahlenbericht-${from}-${to}.pdf`))
        .send(Buffer.from(pdf));
    },
  });
  app.get('/controlling/staffing', {
    config: read,
    schema: {
      tags,
      summary: 'Personal Soll/Ist je Sozialzentrum und Personalbemessung nach gewichteten Jugendeinwohnern',
      querystring: z.object({ year, totalSoll: z.coerce.number().min(0).max(100_000).optional() }),
    },
    handler: (request) =>
      staffReference(app.db, tenant(request), request.query.year, request.query.totalSoll),
  });
  app.get('/controlling/districts', {
    config: read,
    schema: { tags, summary: 'Kennzahlen aller Stadtteile (Karte)', querystring: z.object({ year }) },
    handler: (request) => districtFigures(app.db, tenant(request), request.query.year),
  });
  app.get('/controlling/district-outlines', {
    config: { permission: 'organisation:read' },
    schema: { tags, summary: 'Umrisse der Stadtteile als GeoJSON (für die Karte)' },
    handler: async (request) => {
      const rows = await app.db
        .selectFrom('district')
        .select(['code', 'name', 'outline'])
        .where('tenant_id', '=', tenant(request))
        .where('outline', 'is not', null)
        .orderBy('name')
        .execute();
      return {
        type: 'FeatureCollection',
        features: rows.map((r) => ({
          type: 'Feature',
          properties: { code: r.code, name: r.name },
          geometry: r.outline,
        })),
      };
    },
  });
  app.get('/controlling/comparison', {
    config: read,
    schema: {
      tags,
      summary: 'Städtevergleich (IKO): Kosten je JEW mit Median',
      querystring: z.object({ year }),
    },
    handler: (request) => comparison(app.db, tenant(request), request.query.year),
  });
  app.post('/controlling/aggregates', {
    config: { permission: 'controlling:import' },
    schema: {
      tags,
      summary: 'Aggregierte Werte importieren (CSV region,period,metric,value); alles oder nichts',
      querystring: z.object({ dryRun: z.stringbool().default(false) }),
      body: z.object({
        csv: z.string().max(5_000_000, { error: 'Die Datei ist zu groß (höchstens 5 MB).' }),
      }),
    },
    handler: (request) =>
      withCtx(request, (ctx) => importAggregates(ctx, request.body.csv, request.query.dryRun)),
  });
};
