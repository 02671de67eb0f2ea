import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from '../cases/access.ts';
import { readCase } from '../cases/service.ts';
import { readCheck } from '../childProtection/service.ts';
import { viewerOf } from '../confided/queries/visibility.ts';
import { findTenantName } from '../organisation/queries/tenants.ts';
import { buildForm, type FormKind } from './forms.ts';
import { renderForm } from './pdf.ts';
import { findDocument, insertDocument } from './queries.ts';

/** Documents of a case: forms built from the case file, and uploaded files. */

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

const fileNames: Record<FormKind, string> = {
  falleingang: 'Falleingang',
  schweigepflichtentbindung: 'Schweigepflichtentbindung',
  beratungsvorlage: 'Beratungsvorlage',
  beratungsprotokoll: 'Protokoll-Kollegiale-Beratung',
  antrag: 'Antrag-HzE',
  hilfeplan: 'Hilfeplan',
  risikoeinschaetzung: 'Risikoeinschaetzung',
  kurzberatung: 'Kurzberatung-Risikoeinschaetzung',
  hausbesuchsmappe: 'Hausbesuchsmappe',
};

/** The forms about a § 8a check: the check is read (and its read audited) through its own module. */
const checkForms: readonly FormKind[] = ['risikoeinschaetzung', 'hausbesuchsmappe'];

/** A form of the case as PDF (the case file is read, and audited, as for its page); the export is audited too. */
export async function caseForm(
  ctx: Ctx,
  caseId: string,
  kind: FormKind,
  itemId: string | undefined,
): Promise<{ bytes: Uint8Array; name: string }> {
  const detail = await readCase(ctx, caseId, 'pdf');
  const tenant = await findTenantName(ctx.db, ctx.actor.tenantId);
  const check = checkForms.includes(kind) && itemId ? await readCheck(ctx, caseId, itemId, 'pdf') : undefined;
  const spec = buildForm(kind, { office: tenant.name, detail, check }, itemId);
  if (!spec) throw AppError.notFound('Der Eintrag für dieses Formular');
  await ctx.audit({
    action: 'export',
    entityType: 'case',
    entityId: caseId,
    details: { form: kind, ...(itemId ? { item: itemId } : {}) },
  });
  return { bytes: await renderForm(spec), name: `${fileNames[kind]}-${detail.caseNumber}.pdf` };
}

/** A file of the upload as it arrives: its name and media type first, its content when read. */
export interface IncomingFile {
  fileName: string;
  type: string;
  read(): Promise<Buffer>;
}

/** Runs a step of the request in a transaction of its own (the route's `withCtx`). */
export type RunInTransaction = <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;

/**
 * Stores an uploaded file in the case. Access comes first, before a byte of the file is read: someone without
 * write access to the case is refused (and the refusal audited) without the server buffering the file for them.
 * The file is then read outside any transaction, so that a slow upload holds no database connection, and stored
 * in a second transaction that checks access again (it may have changed meanwhile).
 */
export async function uploadDocument(
  run: RunInTransaction,
  caseId: string,
  open: () => Promise<IncomingFile | undefined>,
): Promise<string> {
  await run((ctx) => requireCase(ctx, caseId, 'write'));
  const file = await open();
  if (!file) throw AppError.validation('file', 'Bitte eine Datei auswählen.');
  if (!uploadPolicy.types[file.type]) {
    throw AppError.validation(
      'file',
      `Dieser Dateityp ist nicht erlaubt. Erlaubt sind: ${Object.values(uploadPolicy.types).join(', ')}.`,
    );
  }
  const content = await file.read();
  const fileName = file.fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'datei';
  return run(async (ctx) => {
    await requireCase(ctx, caseId, 'write');
    const row = await insertDocument(ctx.db, {
      tenant_id: ctx.actor.tenantId,
      case_id: caseId,
      file_name: fileName,
      content_type: file.type,
      size: content.length,
      content,
      uploaded_by: ctx.actor.userId,
    });
    await ctx.audit({
      action: 'create',
      entityType: 'case_document',
      entityId: row.id,
      details: { caseId, size: content.length },
    });
    return row.id;
  });
}

/** An uploaded file of the case, as it was uploaded; the download is audited. */
export async function downloadDocument(ctx: Ctx, caseId: string, documentId: string) {
  await requireCase(ctx, caseId, 'read');
  const row = await findDocument(ctx.db, ctx.actor.tenantId, caseId, documentId, viewerOf(ctx, 'view'));
  if (!row) throw AppError.notFound('Die Datei');
  if (!row.shown || !row.content)
    throw new AppError('forbidden', 'Diese Datei ist als anvertraut gekennzeichnet (§ 65 SGB VIII).', {
      audit: {
        action: 'access_denied',
        entityType: 'case_document',
        entityId: documentId,
        details: { caseId, purpose: 'confided' },
      },
    });
  await ctx.audit({
    action: 'export',
    entityType: 'case_document',
    entityId: documentId,
    details: { caseId },
  });
  return { fileName: row.file_name, contentType: row.content_type, content: row.content };
}
