import type { JobHandler } from '../jobs/registry.ts';
import { chainPendingEntries } from './chain.ts';
import { tenantsWithPendingEntries } from './queries.ts';

/**
 * The sweep `protokoll.verketten` (jobs/handlers.ts): every 10 seconds, the waiting read entries of each tenant
 * that has any are placed into its chain, so that an entry waits seconds, not until the tenant's next change. It
 * runs in the job's transaction and takes the tenants' head locks in tenant order (the order bump_data_version
 * takes them in), each held until the job commits: a short wait for a change of that tenant, never a deadlock.
 */
export const CHAIN_JOB = 'protokoll.verketten';
export const CHAIN_EVERY_MS = 10_000;

export const chainWaitingEntries: JobHandler = async ({ db }) => {
  for (const tenantId of await tenantsWithPendingEntries(db)) await chainPendingEntries(db, tenantId);
};
