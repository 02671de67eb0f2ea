import { controlCharacterMessage, forbiddenTextCharacter } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors.ts';

const parts = [
  ['params', 'Adresse'],
  ['query', 'Abfrage'],
  ['body', 'Eingabe'],
] as const;

/**
 * No string with a control character (other than tab, line feed, carriage return) reaches a handler, whatever the
 * route's schema says. The shared text schemas refuse them first, field by field and with their own rules (one line
 * or several); after validation this catches a route-local `z.string()` too, before PostgreSQL does (it refuses NUL
 * with an error that would otherwise surface late and without the field's name).
 */
export function registerTextGuard(app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    for (const [part, label] of parts) {
      const field = firstUnstorable(request[part]);
      if (field === undefined) continue;
      const name = field || part;
      throw new AppError('validation', `Bitte prüfen Sie die ${label}: ${name}.`, {
        fieldErrors: [{ field: name, message: controlCharacterMessage }],
      });
    }
  });
}

/** The dotted path of the first string with a forbidden character ('' for the value itself), else undefined. */
export function firstUnstorable(value: unknown): string | undefined {
  // Iterative: a deeply nested body must not overflow the stack.
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (forbiddenTextCharacter.test(current)) return path;
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      const entries = Object.entries(current).reverse();
      for (const [key, inner] of entries) pending.push([inner, path ? `${path}.${key}` : key]);
    }
  }
  return undefined;
}
