import type { FastifyRequest } from 'fastify';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { actorOf } from './permissions.ts';

/** Runs a service call for the request's actor in one transaction (changes and their audit entries together). */
export function withCtx<T>(request: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return inTransaction(request.server.db, actorOf(request), fn);
}
