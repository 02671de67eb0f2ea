import { idSchema, z } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { contentDisposition } from '../../http/download.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from '../cases/access.ts';
import { readCase } from '../cases/service.ts';
import { findTenantName } from '../organisation/queries/tenants.ts';
import { buildForm, type FormKind } from './forms.ts';
import { renderForm } from './pdf.ts';
import { findDocument, insertDocument } from './queries.ts';

const formKinds = [
  'falleingang',
  'schweigepflichtentbindung',
  'beratungsvorlage',
  'beratungsprotokoll',
  'antrag',
  'hilfeplan',
] as const;
const fileNames: Record<FormKind, string> = {
  falleingang: 'Falleingang',
  schweigepflichtentbindung: 'Schweigepflichtentbindung',
  beratungsvorlage: 'Beratungsvorlage',
  beratungsprotokoll: 'Protokoll-Kollegiale-Beratung',
  antrag: 'Antrag-HzE',
  hilfeplan: 'Hilfeplan',
};

/**
 * A response that is a file, not JSON: the handler sends a Buffer, which Fastify passes on as it is (no serializer
 * runs on it), and OpenAPI shows a binary string under each media type the file can have.
 */
const fileBody = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: 'string', format: 'binary' });
const fileResponse = (description: string, mediaTypes: string[]) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: fileBody }])),
});

/** Uploads: office documents and scans only, at most 10 MB (the content lives in the database, inside backups). */
export const uploadPolicy = {
  maxBytes: 10 * 1024 * 1024,
  types: {
    'application/pdf': 'PDF',
    'image/jpeg': 'JPEG',
    'image/png': 'PNG',
    'text/plain': 'Text',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
    'application/vnd.oasis.opendocument.text': 'ODT',
  } as Record<string, string>,
};

/**
 * Whatever goes wrong while reading the upload is the request's fault (not multipart, no boundary, cut off, too
 * large): a 400 naming the field, never a 500.
 */
function unreadableUpload(error: { code?: string }): never {
  if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
    throw AppError.validation('file', 'Die Datei ist größer als 10 MB.');
  }
  throw AppError.validation(
    'file',
    'Die Datei konnte nicht gelesen werden: Die Übertragung war unvollständig oder kein gültiges Formular (multipart/form-data). Bitte erneut hochladen.',
  );
}

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['documents'];

  app.get('/cases/:id/forms/:kind', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Formular als PDF aus der Fallakte',
      params: z.object({ id: idSchema, kind: z.enum(formKinds) }),
      querystring: z.object({ item: idSchema.optional() }),
      response: { 200: fileResponse('Das Formular als PDF', ['application/pdf']) },
    },
    handler: async (request, reply) => {
      const { id, kind } = request.params;
      const pdf = await withCtx(request, async (ctx) => {
        const detail = await readCase(ctx, id);
        const tenant = await findTenantName(ctx.db, ctx.actor.tenantId);
        const spec = buildForm(kind, { office: tenant.name, detail }, request.query.item);
        if (!spec) throw AppError.notFound('Der Eintrag für dieses Formular');
        await ctx.audit({ action: 'export', entityType: 'case', entityId: id, details: { form: kind } });
        return { bytes: await renderForm(spec), name: `${fileNames[kind]}-${detail.caseNumber}.pdf` };
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(pdf.name))
        .send(Buffer.from(pdf.bytes));
    },
  });

  app.post('/cases/:id/documents', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Datei hochladen (multipart/form-data, Feld "file")',
      params: z.object({ id: idSchema }),
      response: { 201: z.object({ id: idSchema }) },
    },
    handler: async (request, reply) => {
      const file = await request
        .file({ limits: { fileSize: uploadPolicy.maxBytes, files: 1 } })
        .catch(unreadableUpload);
      if (!file) throw AppError.validation('file', 'Bitte eine Datei auswählen.');
      const type = file.mimetype;
      if (!uploadPolicy.types[type]) {
        throw AppError.validation(
          'file',
          `Dieser Dateityp ist nicht erlaubt. Erlaubt sind: ${Object.values(uploadPolicy.types).join(', ')}.`,
        );
      }
      const content = await file.toBuffer().catch(unreadableUpload);
      const fileName = file.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'datei';
      const id = await withCtx(request, async (ctx) => {
        await requireCase(ctx, request.params.id, 'write');
        const row = await insertDocument(ctx.db, {
          tenant_id: ctx.actor.tenantId,
          case_id: request.params.id,
          file_name: fileName,
          content_type: type,
          size: content.length,
          content,
          uploaded_by: ctx.actor.userId,
        });
        await ctx.audit({
          action: 'create',
          entityType: 'case_document',
          entityId: row.id,
          details: { caseId: request.params.id, size: content.length },
        });
        return row.id;
      });
      return reply.status(201).send({ id });
    },
  });

  app.get('/cases/:id/documents/:itemId', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary: 'Datei herunterladen',
      params: z.object({ id: idSchema, itemId: idSchema }),
      response: {
        200: fileResponse('Die Datei, wie sie hochgeladen wurde', Object.keys(uploadPolicy.types)),
      },
    },
    handler: async (request, reply) => {
      const doc = await withCtx(request, async (ctx) => {
        await requireCase(ctx, request.params.id, 'read');
        const row = await findDocument(ctx.db, ctx.actor.tenantId, request.params.id, request.params.itemId);
        if (!row) throw AppError.notFound('Die Datei');
        await ctx.audit({
          action: 'export',
          entityType: 'case_document',
          entityId: request.params.itemId,
          details: { caseId: request.params.id },
        });
        return row;
      });
      return reply
        .type(doc.content_type)
        .header('content-disposition', contentDisposition(doc.file_name))
        .send(doc.content);
    },
  });
};
