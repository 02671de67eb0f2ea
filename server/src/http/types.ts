import '@fastify/cookie';
import type { Permission } from '@leuchtturm/shared';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ResolvedSession } from '../modules/auth/sessions.ts';
import type { Actor } from '../shared/actor.ts';
import type { RouteEntry } from './permissions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api route; a route without one makes the server refuse to start. */
    permission?: Permission;
  }
  interface FastifyInstance {
    db: Database;
    config: Config;
    /** The time the work list is made for: real time, or a test's clock (buildApp's `now`). */
    now: () => Date;
    /** Every route with the permission it declared (for the deny-by-default test). */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
}

export type { Actor };
