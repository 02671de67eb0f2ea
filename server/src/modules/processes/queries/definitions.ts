import type { ProcessStepDefinition } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Process definitions: insert-only rows (a trigger refuses changes), one per key and version. */

export function listDefinitionRows(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('process_definition as d')
    .select((eb) => [
      'd.id',
      'd.key',
      'd.version',
      'd.name',
      'd.steps',
      'd.created_at',
      eb
        .selectFrom('process_instance as i')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('i.tenant_id', '=', 'd.tenant_id')
        .whereRef('i.definition_id', '=', 'd.id')
        .as('instances'),
      eb
        .selectFrom('process_definition as newer')
        .select('newer.version')
        .whereRef('newer.tenant_id', '=', 'd.tenant_id')
        .whereRef('newer.key', '=', 'd.key')
        .whereRef('newer.version', '>', 'd.version')
        .limit(1)
        .as('newer_version'),
    ])
    .where('d.tenant_id', '=', tenantId)
    .orderBy('d.key')
    .orderBy('d.version', 'desc')
    .execute();
}
export type DefinitionRow = Awaited<ReturnType<typeof listDefinitionRows>>[number];

/** The newest version of a definition: what a new instance runs. */
export function latestDefinition(db: Kysely<DB>, tenantId: string, key: string) {
  return db
    .selectFrom('process_definition')
    .select(['id', 'key', 'version', 'name', 'steps'])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface NewDefinition {
  key: string;
  version: number;
  name: string;
  steps: ProcessStepDefinition[];
  createdBy: string | null;
}

/** Inserts versions; one that exists already (two saves of the same next version) is left out of the answer. */
export function insertDefinitions(db: Kysely<DB>, tenantId: string, definitions: NewDefinition[]) {
  return db
    .insertInto('process_definition')
    .values(
      definitions.map((d) => ({
        tenant_id: tenantId,
        key: d.key,
        version: d.version,
        name: d.name,
        steps: JSON.stringify(d.steps),
        created_by: d.createdBy,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'key', 'version']).doNothing())
    .returning(['id', 'key', 'version'])
    .execute();
}

/** The definitions with these ids (for the instances of a case). */
export function definitionsByIds(db: Kysely<DB>, tenantId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('process_definition')
    .select(['id', 'key', 'version', 'name', 'steps'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}
export type DefinitionSteps = Awaited<ReturnType<typeof definitionsByIds>>[number];
