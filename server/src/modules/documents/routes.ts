import { caseReportInputSchema, idSchema, transmissionBasisSchema, z } from '@leuchtturm/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withCtx } from '../../http/context.ts';
import { contentDisposition } from '../../http/download.ts';
import { AppError } from '../../shared/errors.ts';
import { caseForm, downloadDocument, uploadDocument, uploadPolicy } from './service.ts';
import { caseReport, handoverPackage } from './transmissionDocuments.ts';

const formKinds = [
  'falleingang',
  'schweigepflichtentbindung',
  'beratungsvorlage',
  'beratungsprotokoll',
  'antrag',
  'hilfeplan',
  'risikoeinschaetzung',
  'kurzberatung',
  'hausbesuchsmappe',
] as const;

/**
 * A response that is a file, not JSON: the handler sends a Buffer, which Fastify passes on as it is (no serializer
 * runs on it), and OpenAPI shows a binary string under each media type the file can have.
 */
const fileBody = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: 'string', format: 'binary' });
export const fileResponse = (description: string, mediaTypes: string[]) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: fileBody }])),
});

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
      const pdf = await withCtx(request, (ctx) => caseForm(ctx, id, kind, request.query.item));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(pdf.name))
        .send(Buffer.from(pdf.bytes));
    },
  });

  app.post('/cases/:id/reports', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary:
        'Bericht für eine Stelle (Familiengericht, Träger, anderes Jugendamt): nur mit gültiger Schweigepflichtentbindung oder Rechtsgrundlage; als Übermittlung vermerkt',
      params: z.object({ id: idSchema }),
      body: caseReportInputSchema,
      response: { 200: fileResponse('Der Bericht als PDF', ['application/pdf']) },
    },
    handler: async (request, reply) => {
      const pdf = await withCtx(request, (ctx) => caseReport(ctx, request.params.id, request.body));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(pdf.name))
        .send(Buffer.from(pdf.bytes));
    },
  });

  app.get('/cases/:id/handover-package', {
    config: { permission: 'case:work' },
    schema: {
      tags,
      summary:
        'Übergabepaket für das übernehmende Jugendamt (§ 86c SGB VIII) als PDF: nur mit Schweigepflichtentbindung oder Rechtsgrundlage; als Übermittlung vermerkt',
      params: z.object({ id: idSchema }),
      querystring: transmissionBasisSchema,
      response: { 200: fileResponse('Die Fallakte als PDF', ['application/pdf']) },
    },
    handler: async (request, reply) => {
      const pdf = await withCtx(request, (ctx) => handoverPackage(ctx, request.params.id, request.query));
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
      // The service checks access before it opens the upload; reading it is this route's part.
      const id = await uploadDocument(
        (fn) => withCtx(request, fn),
        request.params.id,
        async () => {
          const file = await request
            .file({ limits: { fileSize: uploadPolicy.maxBytes, files: 1 } })
            .catch(unreadableUpload);
          return (
            file && {
              fileName: file.filename,
              type: file.mimetype,
              read: () => file.toBuffer().catch(unreadableUpload),
            }
          );
        },
      );
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
      const doc = await withCtx(request, (ctx) =>
        downloadDocument(ctx, request.params.id, request.params.itemId),
      );
      return reply
        .type(doc.contentType)
        .header('content-disposition', contentDisposition(doc.fileName))
        .send(doc.content);
    },
  });
};
