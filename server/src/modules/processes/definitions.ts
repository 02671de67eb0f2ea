import type { ProcessDefinition, processDefinitionInputSchema, z } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { presentDefinition } from './presenter.ts';
import { insertDefinitions, latestDefinition, listDefinitionRows } from './queries/definitions.ts';
import { shippedDefinitions } from './shipped.ts';

/**
 * Process definitions. They hold no personal data: the route permission (process:read) is the whole access rule
 * and reading is not audited; a new version is.
 */

export async function listProcessDefinitions(ctx: Ctx): Promise<ProcessDefinition[]> {
  const rows = await listDefinitionRows(ctx.db, ctx.actor.tenantId);
  return rows.map(presentDefinition);
}

/**
 * A new version of an existing definition (a version never changes once written; instances keep the version they
 * started with). The steps were checked by the shared schema (processStepsSchema: unique keys, deadlines from the
 * start or an earlier step, positive amounts within their unit); the version edited must still be the newest.
 */
export async function createProcessDefinitionVersion(
  ctx: Ctx,
  key: string,
  input: z.output<typeof processDefinitionInputSchema>,
): Promise<{ id: string; version: number }> {
  const tenantId = ctx.actor.tenantId;
  const latest = await latestDefinition(ctx.db, tenantId, key);
  if (!latest) throw AppError.notFound('Die Prozessdefinition');
  if (latest.version !== input.basedOnVersion) {
    throw new AppError(
      'version_conflict',
      `Inzwischen gibt es Version ${latest.version} dieses Prozesses. Bitte laden Sie die Seite neu und ändern Sie die neueste Version.`,
    );
  }
  const version = latest.version + 1;
  const [row] = await insertDefinitions(ctx.db, tenantId, [
    { key, version, name: input.name, steps: input.steps, createdBy: ctx.actor.userId },
  ]);
  // Someone saved the same next version since the read above: the unique key kept theirs.
  if (!row) throw AppError.versionConflict();
  await ctx.audit({
    action: 'create',
    entityType: 'process_definition',
    entityId: row.id,
    details: { key, version, steps: input.steps.length },
  });
  return { id: row.id, version };
}

/** Every new Jugendamt starts with the shipped definitions (createTenant; migration 0011 for the earlier ones). */
export async function seedProcessDefinitions(db: Kysely<DB>, tenantId: string): Promise<void> {
  await insertDefinitions(
    db,
    tenantId,
    shippedDefinitions.map((d) => ({ ...d, createdBy: null })),
  );
}
