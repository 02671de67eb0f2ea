import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Problem } from '@leuchtturm/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorStatus, errorTitles, fromDatabaseError } from '../shared/errors.ts';
import { isApiUrl, securityHeaders } from './securityHeaders.ts';

const contextLabels: Record<string, string> = {
  body: 'Eingabe',
  querystring: 'Abfrage',
  params: 'Adresse',
  headers: 'Kopfzeilen',
};

/** What Fastify's router and body parsers refuse, in German (their own messages are English and echo the URL). */
const frameworkDetails: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Die Anfrage enthält kein gültiges JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Die Anfrage enthält kein gültiges JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Dieses Datenformat wird nicht unterstützt.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Die Anfrage ist zu groß.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH:
    'Die angegebene Länge der Anfrage stimmt nicht mit ihrem Inhalt überein.',
  FST_ERR_BAD_URL: 'Die Adresse enthält eine ungültige %-Kodierung.',
  FST_ERR_MAX_PARAM_LENGTH: 'Ein Teil der Adresse ist zu lang.',
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
  if (dbError) {
    // A value the schemas should have refused: worth fixing there. Code, table and constraint name it; never the
    // value (the driver's detail, and PGlite's query parameters, carry it).
    if (dbError.code === 'validation') {
      const { code, table, constraint } = error as { code?: string; table?: string; constraint?: string };
      request.log.warn({ code, table, constraint }, 'value refused by the database');
    }
    return toProblem(dbError, request);
  }
  const fe = error as Partial<FastifyError>;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const detail = (fe.code && frameworkDetails[fe.code]) ?? 'Die Anfrage ist ungültig.';
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

/**
 * Router errors (bad %-encoding, over-long parameters). Fastify answers them before routing, without the onSend
 * hooks, so the security headers are set here.
 */
export function frameworkErrorHandler(production: boolean) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.headers(securityHeaders(isApiUrl(request.url), production));
    return sendProblem(reply, error);
  };
}

/**
 * Requests Node's HTTP parser refuses (broken request line or header, headers too large, too slow) never reach
 * Fastify; they are answered on the socket, as a problem like every other error.
 */
export function clientErrorHandler(production: boolean) {
  return (error: NodeJS.ErrnoException, socket: Socket) => {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, detail] =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Die Anfrage kam nicht rechtzeitig vollständig an.']
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'Die Kopfzeilen der Anfrage sind zu groß.']
          : [400, 'Die Anfrage ist fehlerhaft aufgebaut.'];
    const body = JSON.stringify({
      type: 'about:blank#validation',
      title: errorTitles.validation,
      status,
      detail,
      code: 'validation',
    } satisfies Problem);
    const headers = Object.entries({
      ...securityHeaders(true, production),
      'content-type': 'application/problem+json',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    if (socket.writable) socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n${body}`);
    else socket.destroy(error);
  };
}
