import type { Problem } from '@leuchtturm/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorStatus, errorTitles, fromDatabaseError } from '../shared/errors.ts';

const contextLabels: Record<string, string> = {
  body: 'Eingabe',
  querystring: 'Abfrage',
  params: 'Adresse',
  headers: 'Kopfzeilen',
};

/** Turns any thrown error into an RFC 9457 problem. Unexpected errors are logged without request data. */
export function toProblem(
  error: unknown,
  request: FastifyRequest,
): { problem: Problem; retryAfter?: number } {
  if (error instanceof AppError) {
    return {
      problem: {
        type: `about:blank#${error.code}`,
        title: errorTitles[error.code],
        status: error.status,
        detail: error.message,
        code: error.code,
        ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
      },
      ...(error.retryAfterSeconds ? { retryAfter: error.retryAfterSeconds } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as unknown as FastifyError).validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || context,
      message: v.message ?? 'Ungültiger Wert.',
    }));
    const fields = errors.map((e) => e.field).join(', ');
    return {
      problem: {
        type: 'about:blank#validation',
        title: errorTitles.validation,
        status: 400,
        detail: `Bitte prüfen Sie die ${contextLabels[context] ?? 'Eingabe'}: ${fields}.`,
        code: 'validation',
        errors,
      },
    };
  }
  const dbError = fromDatabaseError(error);
  if (dbError) return toProblem(dbError, request);
  const fe = error as Partial<FastifyError>;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const detail =
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'Die Anfrage enthält kein gültiges JSON.'
        : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'Dieses Datenformat wird nicht unterstützt.'
          : fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'Die Anfrage ist zu groß.'
            : 'Die Anfrage ist ungültig.';
    return {
      problem: {
        type: 'about:blank#validation',
        title: errorTitles.validation,
        status: fe.statusCode,
        detail,
        code: 'validation',
      },
    };
  }
  // Message and code only: a stack or driver detail could carry values from the request.
  request.log.error({ err: { message: fe.message, code: fe.code } }, 'unexpected error');
  return {
    problem: {
      type: 'about:blank#internal',
      title: errorTitles.internal,
      status: errorStatus.internal,
      detail:
        'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut oder wenden Sie sich an die Administration.',
      code: 'internal',
    },
  };
}

export function sendProblem(reply: FastifyReply, error: unknown) {
  const { problem, retryAfter } = toProblem(error, reply.request);
  if (retryAfter) reply.header('retry-after', String(retryAfter));
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
