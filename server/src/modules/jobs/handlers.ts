import { CHAIN_EVERY_MS, CHAIN_JOB, chainWaitingEntries } from '../audit/sweep.ts';
import { findDueFiles, RETENTION_EVERY_MS, RETENTION_JOB } from '../retention/sweep.ts';
import {
  ESCALATION_EVERY_MS,
  ESCALATION_JOB,
  escalateChildProtectionDeadlines,
} from '../worklist/escalation.ts';
import { JobRegistry } from './registry.ts';

/**
 * The server's jobs: every kind the runner of `leuchtturm serve` handles, registered here by the module that owns
 * it (like the routes in http/app.ts), e.g. `registry.on('hilfeplan.erinnerung', remindOfReview)`. A kind scheduled
 * but not listed here waits in the table.
 */
export function serverJobs(): JobRegistry {
  const registry = new JobRegistry();
  // Passed child-protection deadlines → the team lead (worklist/escalation.ts, docs/worklist.md).
  registry.every(ESCALATION_JOB, ESCALATION_EVERY_MS, escalateChildProtectionDeadlines);
  // Files whose retention has ended → the team lead, once per file; nothing is deleted (retention/sweep.ts).
  registry.every(RETENTION_JOB, RETENTION_EVERY_MS, findDueFiles);
  // Read entries stored unchained → placed into the tenant's audit chain (audit/sweep.ts, docs/security.md).
  registry.every(CHAIN_JOB, CHAIN_EVERY_MS, chainWaitingEntries);
  return registry;
}
