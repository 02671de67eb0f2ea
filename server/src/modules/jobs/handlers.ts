import { JobRegistry } from './registry.ts';

/**
 * The server's jobs: every kind the runner of `leuchtturm serve` handles, registered here by the module that owns
 * it (like the routes in http/app.ts), e.g.
 * `registry.every('kinderschutz.fristen', 60_000, escalateOverdueDeadlines)` or
 * `registry.on('hilfeplan.erinnerung', remindOfReview)`. A kind scheduled but not listed here waits in the table.
 */
export function serverJobs(): JobRegistry {
  const registry = new JobRegistry();
  return registry;
}
