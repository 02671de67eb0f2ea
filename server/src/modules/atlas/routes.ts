import {
  atlasCsvInputSchema,
  atlasCsvPreviewSchema,
  atlasEntryDetailSchema,
  atlasEntryInputSchema,
  atlasEntryUpdateSchema,
  atlasListQuerySchema,
  atlasMapSchema,
  atlasPageSchema,
  idSchema,
  outlineImportSchema,
  z,
} from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { importCsv, importOutlines, previewCsv } from './imports.ts';
import { atlasEntries, atlasEntry, atlasMap, changeEntry, createEntry } from './service.ts';

const tags = ['atlas'];
const read = { permission: 'atlas:read' } as const;
const manage = { permission: 'atlas:manage' } as const;
const params = z.object({ id: idSchema });

/** The Stadtteilatlas: entries, the map and the imports (docs/atlas.md). */
export const atlasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/atlas/entries', {
    config: read,
    schema: {
      tags,
      summary: 'Einrichtungen und Angebote des Stadtteilatlas (Suche und Filter, seitenweise)',
      querystring: atlasListQuerySchema,
      response: { 200: atlasPageSchema },
    },
    handler: (request) => withCtx(request, (ctx) => atlasEntries(ctx, request.query)),
  });
  app.post('/atlas/entries', {
    config: manage,
    schema: {
      tags,
      summary: 'Eintrag anlegen',
      body: atlasEntryInputSchema,
      response: { 201: z.object({ id: idSchema }) },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await withCtx(request, (ctx) => createEntry(ctx, request.body))),
  });
  app.get('/atlas/entries/:id', {
    config: read,
    schema: {
      tags,
      summary: 'Ein Eintrag, mit der Zahl seiner Nutzungen in Fällen (nie welche Fälle)',
      params,
      response: { 200: atlasEntryDetailSchema },
    },
    handler: (request) => withCtx(request, (ctx) => atlasEntry(ctx, request.params.id)),
  });
  app.put('/atlas/entries/:id', {
    config: manage,
    schema: {
      tags,
      summary: 'Eintrag ändern (auch: als geprüft markieren)',
      params,
      body: atlasEntryUpdateSchema,
      response: { 200: atlasEntryDetailSchema },
    },
    handler: (request) =>
      withCtx(request, async (ctx) => {
        await changeEntry(ctx, request.params.id, request.body);
        return atlasEntry(ctx, request.params.id);
      }),
  });
  app.get('/atlas/map', {
    config: read,
    schema: {
      tags,
      summary: 'Karte: Umrisse der Stadtteile und Einträge mit Ort',
      response: { 200: atlasMapSchema },
    },
    handler: (request) => withCtx(request, (ctx) => atlasMap(ctx, app.config.mapTiles)),
  });
  app.put('/atlas/outlines', {
    config: manage,
    schema: {
      tags,
      summary: 'Umrisse der Stadtteile aus GeoJSON übernehmen (alles oder nichts)',
      body: outlineImportSchema,
      response: { 200: z.object({ districts: z.int() }) },
    },
    handler: (request) => withCtx(request, (ctx) => importOutlines(ctx, request.body)),
  });
  app.post('/atlas/import/preview', {
    config: manage,
    schema: {
      tags,
      summary: 'CSV-Import prüfen: jede abgelehnte Zeile mit Grund, nichts wird gespeichert',
      body: atlasCsvInputSchema,
      response: { 200: atlasCsvPreviewSchema },
    },
    handler: (request) => withCtx(request, (ctx) => previewCsv(ctx, request.body.csv)),
  });
  app.post('/atlas/import', {
    config: manage,
    schema: {
      tags,
      summary: 'Einrichtungen aus CSV übernehmen (alles oder nichts)',
      body: atlasCsvInputSchema,
      response: { 200: z.object({ imported: z.int() }) },
    },
    handler: (request) => withCtx(request, (ctx) => importCsv(ctx, request.body.csv)),
  });
};
