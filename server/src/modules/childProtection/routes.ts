import {
  cpAssessmentInputSchema,
  cpCheckSchema,
  cpCheckSummarySchema,
  cpCountsSchema,
  cpEscalationInputSchema,
  cpMeasureInputSchema,
  cpMeasureUpdateSchema,
  cpReportInputSchema,
  cpResultInputSchema,
  cpStatisticsCheckSchema,
  cpStatisticsQuerySchema,
  cpUrgencyInputSchema,
  cpVisitChecklistInputSchema,
  cpVisitInputSchema,
  idSchema,
  yearQuerySchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { contentDisposition } from '../../http/download.ts';
import type { Ctx } from '../../shared/context.ts';
import { saveVisitChecklist } from './checklist.ts';
import { escalateMandate } from './escalation.ts';
import { addMeasure, changeMeasure } from './measures.ts';
import { addReport, caseChecks, checkCounts, readCheck } from './service.ts';
import { statisticsCheck, statisticsCsv } from './statistics.ts';
import { saveAssessment, saveResult, saveUrgency, saveVisit } from './steps.ts';

/**
 * Child protection under § 8a SGB VIII (docs/child-protection.md). Everything lies under the case it belongs to,
 * so the case's access rule decides who sees it; only controlling's counts stand apart and hold no person.
 */
const tags = ['child-protection'];
const work = { permission: 'case:work' } as const;
const base = '/cases/:caseId/child-protection';
const caseParams = z.object({ caseId: idSchema });
const checkParams = z.object({ caseId: idSchema, checkId: idSchema });
const measureParams = z.object({ caseId: idSchema, checkId: idSchema, measureId: idSchema });
const created = { 201: z.object({ id: idSchema }) };
const noContent = { 204: z.null() };

export const childProtectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(base, {
    config: work,
    schema: {
      tags,
      summary: 'Gefährdungseinschätzungen (§ 8a) des Falls',
      params: caseParams,
      response: { 200: z.array(cpCheckSummarySchema) },
    },
    handler: (request) => withCtx(request, (ctx) => caseChecks(ctx, request.params.caseId)),
  });
  app.post(base, {
    config: work,
    schema: {
      tags,
      summary: 'Meldung (§ 8a) erfassen',
      params: caseParams,
      body: cpReportInputSchema,
      response: created,
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send({ id: await withCtx(request, (ctx) => addReport(ctx, request.params.caseId, request.body)) }),
  });
  app.get(`${base}/:checkId`, {
    config: work,
    schema: {
      tags,
      summary: 'Eine Gefährdungseinschätzung mit allen Schritten und Konsequenzen',
      params: checkParams,
      response: { 200: cpCheckSchema },
    },
    handler: (request) =>
      withCtx(request, (ctx) => readCheck(ctx, request.params.caseId, request.params.checkId, 'view')),
  });

  // The steps after the report: each a PUT of its part, with the version of the check the client saw.
  const step = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    save: (ctx: Ctx, caseId: string, checkId: string, input: z.output<S>) => Promise<void>,
  ) =>
    app.put(`${base}/:checkId/${path}`, {
      config: work,
      schema: { tags, summary, params: checkParams, body, response: noContent },
      handler: async (request, reply) => {
        await withCtx(request, (ctx) =>
          save(ctx, request.params.caseId, request.params.checkId, request.body as z.output<S>),
        );
        return reply.status(204).send(null);
      },
    });
  step('urgency', 'Ersteinschätzung (Dringlichkeit)', cpUrgencyInputSchema, saveUrgency);
  step(
    'assessment',
    'Gefährdungseinschätzung (mindestens zwei Fachkräfte)',
    cpAssessmentInputSchema,
    saveAssessment,
  );
  step('visit', 'Inaugenscheinnahme oder Begründung, warum nicht', cpVisitInputSchema, saveVisit);
  step(
    'visit/checklist',
    'Einschätzungshilfe des Hausbesuchs (Antworten der Hausbesuchsmappe)',
    cpVisitChecklistInputSchema,
    saveVisitChecklist,
  );
  step(
    'result',
    'Ergebnis mit den Angaben der Statistik; setzt die Falleinordnung',
    cpResultInputSchema,
    saveResult,
  );

  app.post(`${base}/:checkId/measures`, {
    config: work,
    schema: {
      tags,
      summary: 'Konsequenz (Schutzplan, Hilfeangebot, Familiengericht, Inobhutnahme, Abschluss)',
      params: checkParams,
      body: cpMeasureInputSchema,
      response: created,
    },
    handler: async (request, reply) => {
      const { caseId, checkId } = request.params;
      const id = await withCtx(request, (ctx) => addMeasure(ctx, caseId, checkId, request.body));
      return reply.status(201).send({ id });
    },
  });
  app.put(`${base}/:checkId/measures/:measureId`, {
    config: work,
    schema: {
      tags,
      summary: 'Konsequenz ändern (z. B. Ende der Inobhutnahme, Überprüfungstermine)',
      params: measureParams,
      body: cpMeasureUpdateSchema,
      response: noContent,
    },
    handler: async (request, reply) => {
      const { caseId, checkId, measureId } = request.params;
      await withCtx(request, (ctx) => changeMeasure(ctx, caseId, checkId, measureId, request.body));
      return reply.status(204).send(null);
    },
  });

  app.post(`${base}/escalations`, {
    config: work,
    schema: {
      tags,
      summary: 'Gescheiterten Auftrag in eine Auflage überführen (Fall in den Gefährdungsbereich)',
      params: caseParams,
      body: cpEscalationInputSchema,
      response: { 201: z.object({ id: idSchema, consultationId: idSchema }) },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await withCtx(request, (ctx) => escalateMandate(ctx, request.params.caseId, request.body))),
  });

  app.get('/child-protection/counts', {
    config: { permission: 'controlling:read' },
    schema: {
      tags,
      summary: 'Gefährdungseinschätzungen eines Jahres nach Ergebnis (nur Anzahlen)',
      querystring: yearQuerySchema,
      response: { 200: cpCountsSchema },
    },
    handler: (request) => withCtx(request, (ctx) => checkCounts(ctx, request.query.year)),
  });

  // The statistic of § 8a assessments (§ 99 Abs. 6 SGB VIII): permitted like the HzE statistic it is sent with.
  app.get('/child-protection/statistics/check', {
    config: { permission: 'finance:manage' },
    schema: {
      tags,
      summary: 'Statistik § 8a: Datensätze eines Jahres mit fehlenden Pflichtangaben (ohne Namen)',
      querystring: cpStatisticsQuerySchema,
      response: { 200: cpStatisticsCheckSchema },
    },
    handler: (request) => withCtx(request, (ctx) => statisticsCheck(ctx, request.query.year)),
  });
  app.get('/child-protection/statistics', {
    config: { permission: 'finance:manage' },
    schema: {
      tags,
      summary: 'Statistik der Gefährdungseinschätzungen (§ 99 Abs. 6 SGB VIII) als CSV',
      querystring: cpStatisticsQuerySchema,
      response: {
        200: {
          description: 'CSV (Semikolon, UTF-8 mit BOM), ein Datensatz je abgeschlossener Einschätzung',
          content: { 'text/csv': { schema: z.string() } },
        },
      },
    },
    handler: async (request, reply) => {
      const { csv } = await withCtx(request, (ctx) => statisticsCsv(ctx, request.query.year));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`statistik-8a-${request.query.year}.csv`))
        .send(csv);
    },
  });
};
