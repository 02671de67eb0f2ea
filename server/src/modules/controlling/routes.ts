import {
  aggregateImportQuerySchema,
  aggregateImportReportSchema,
  aggregateImportSchema,
  comparisonSchema,
  controllingDefaultsSchema,
  dashboardSchema,
  districtFigureSchema,
  districtOutlinesSchema,
  kpisQuerySchema,
  kpisSchema,
  populationImportQuerySchema,
  populationImportReportSchema,
  populationImportSchema,
  regionEntrySchema,
  regionPeriodQuerySchema,
  rentabilitaetQuerySchema,
  rentabilitaetSchema,
  reportQuerySchema,
  staffingQuerySchema,
  staffingSchema,
  tableExportSchema,
  yearQuerySchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { contentDisposition } from '../../http/download.ts';
import { actorOf } from '../../http/permissions.ts';
import { importAggregates } from './aggregates.ts';
import { importPopulation } from './population.ts';
import { rentabilitaet } from './rentabilitaet.ts';
import {
  cityComparison,
  defaultPeriod,
  districtOutlines,
  districts,
  kpis,
  listRegions,
  publicationExport,
  recordTableExport,
  regionDashboard,
  reportExport,
  staffing,
} from './service.ts';

const tags = ['controlling'];
const read = { permission: 'controlling:read' } as const;
const csvFile = {
  200: {
    description: 'CSV (Semikolon, Dezimalkomma, UTF-8 mit BOM)',
    content: { 'text/csv': { schema: z.string() } },
  },
};
const pdfFile = {
  200: {
    description: 'PDF',
    content: {
      'application/pdf': {
        schema: z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' }),
      },
    },
  },
};

/** Controlling: aggregates only. Every answer is counts, sums and ratios; no route returns a person or a case. */
export const controllingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tenant = (request: Parameters<typeof actorOf>[0]) => actorOf(request).tenantId;

  app.get('/controlling/regions', {
    config: read,
    schema: {
      tags,
      summary: 'Regionen (Stadt, Sozialzentren, Teams, Stadtteile, externe)',
      response: { 200: z.array(regionEntrySchema) },
    },
    handler: (request) => listRegions(app.db, tenant(request)),
  });
  app.get('/controlling/kpis', {
    config: read,
    schema: {
      tags,
      summary: 'Kennzahlen einer Region und eines Jahres',
      querystring: kpisQuerySchema,
      response: { 200: kpisSchema },
    },
    handler: (request) => kpis(app.db, tenant(request), request.query),
  });
  app.get('/controlling/rentabilitaet', {
    config: read,
    schema: {
      tags,
      summary: 'Rentabilitätsbetrachtung (ESPQ)',
      querystring: rentabilitaetQuerySchema,
      response: { 200: rentabilitaetSchema },
    },
    handler: (request) =>
      rentabilitaet(app.db, tenant(request), request.query.site, request.query.reference, request.query.year),
  });
  app.get('/controlling/dashboard', {
    config: read,
    schema: {
      tags,
      summary: 'Zeitreihen einer Region: Dichte je Quartal, Maßnahmen, Fallarten, Kosten je Jahr',
      querystring: regionPeriodQuerySchema,
      response: { 200: dashboardSchema },
    },
    handler: (request) => regionDashboard(app.db, tenant(request), request.query),
  });
  app.get('/controlling/defaults', {
    config: read,
    schema: {
      tags,
      summary:
        'Voreinstellung der Steuerungsseite: letztes volles Jahr, höchstens zehn Jahre ab dem ersten Jahr mit Daten',
      response: { 200: controllingDefaultsSchema },
    },
    handler: (request) => defaultPeriod(app.db, tenant(request)),
  });
  app.get('/controlling/export', {
    config: read,
    schema: {
      tags,
      summary:
        'Quartalszahlen zur Veröffentlichung als CSV (Fallzahlen unter 5 als „<5“); region=alle: Stadt und alle Stadtteile gemeinsam gesperrt, Stadt und Stadtteil einzeln nach demselben Muster',
      querystring: regionPeriodQuerySchema,
      response: csvFile,
    },
    handler: async (request, reply) => {
      const { from, to } = request.query;
      const { csv, regionKey } = await withCtx(request, (ctx) => publicationExport(ctx, request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`kennzahlen-${regionKey}-${from}-${to}.csv`))
        .send(csv);
    },
  });
  app.get('/controlling/report', {
    config: read,
    schema: {
      tags,
      summary:
        'Kennzahlenbericht einer Region als PDF (für Ausschüsse; Fallzahlen unter 5 als „<5“; Veränderung gegenüber dem Basisjahr)',
      querystring: reportQuerySchema,
      response: pdfFile,
    },
    handler: async (request, reply) => {
      const { from, to } = request.query;
      const pdf = await withCtx(request, (ctx) => reportExport(ctx, request.query));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`kennzahlenbericht-${from}-${to}.pdf`))
        .send(Buffer.from(pdf));
    },
  });
  app.post('/controlling/exports', {
    config: read,
    schema: {
      tags,
      summary: 'Download einer Kennzahlentabelle (CSV/XLSX, im Browser erzeugt) im Protokoll vermerken',
      body: tableExportSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await withCtx(request, (ctx) => recordTableExport(ctx, request.body));
      return reply.status(204).send(null);
    },
  });
  app.get('/controlling/staffing', {
    config: read,
    schema: {
      tags,
      summary: 'Personal Soll/Ist je Sozialzentrum und Personalbemessung nach gewichteten Jugendeinwohnern',
      querystring: staffingQuerySchema,
      response: { 200: staffingSchema },
    },
    handler: (request) => staffing(app.db, tenant(request), request.query.year, request.query.totalSoll),
  });
  app.get('/controlling/districts', {
    config: read,
    schema: {
      tags,
      summary: 'Kennzahlen aller Stadtteile (Karte)',
      querystring: yearQuerySchema,
      response: { 200: z.array(districtFigureSchema) },
    },
    handler: (request) => districts(app.db, tenant(request), request.query.year),
  });
  app.get('/controlling/district-outlines', {
    config: { permission: 'organisation:read' },
    schema: {
      tags,
      summary: 'Umrisse der Stadtteile als GeoJSON (für die Karte)',
      response: { 200: districtOutlinesSchema },
    },
    handler: (request) => districtOutlines(app.db, tenant(request)),
  });
  app.get('/controlling/comparison', {
    config: read,
    schema: {
      tags,
      summary: 'Städtevergleich (IKO): Kosten je JEW mit Median',
      querystring: yearQuerySchema,
      response: { 200: comparisonSchema },
    },
    handler: (request) => cityComparison(app.db, tenant(request), request.query.year),
  });
  app.post('/controlling/aggregates', {
    config: { permission: 'controlling:import' },
    schema: {
      tags,
      summary: 'Aggregierte Werte importieren (CSV region,period,metric,value); alles oder nichts',
      querystring: aggregateImportQuerySchema,
      body: aggregateImportSchema,
      response: { 200: aggregateImportReportSchema },
    },
    handler: (request) =>
      withCtx(request, (ctx) => importAggregates(ctx, request.body.csv, request.query.dryRun)),
  });
  app.post('/controlling/population', {
    config: { permission: 'controlling:import' },
    schema: {
      tags,
      summary:
        'Jugendeinwohner je Stadtteil, Jahr und Altersgruppe importieren (CSV district,year,age_band,residents); alles oder nichts',
      querystring: populationImportQuerySchema,
      body: populationImportSchema,
      response: { 200: populationImportReportSchema },
    },
    handler: (request) =>
      withCtx(request, (ctx) => importPopulation(ctx, request.body.csv, request.query.dryRun)),
  });
};
