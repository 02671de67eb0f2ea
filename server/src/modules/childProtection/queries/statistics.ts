import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * The records of the § 8a statistic (docs/child-protection-statistics.md): the checks whose assessment was completed
 * in [from, to] (dates), one record each, with the child's sex and birth date and the case number (for the check's
 * list only; the CSV carries no case number). Run by the statistics export, never for a case page.
 */

/** The year's completed assessments, oldest first; `nth` counts the child's assessments of the year in order. */
export function statisticsRecords(db: Kysely<DB>, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('child_protection_check as c')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.child_id'),
    )
    .innerJoin('case_file as f', (j) =>
      j.onRef('f.tenant_id', '=', 'c.tenant_id').onRef('f.id', '=', 'c.case_id'),
    )
    .select([
      'c.id',
      'c.case_id',
      'f.case_number',
      'c.reporter_kind',
      'c.result',
      'c.completed_on',
      'c.endangerment_types',
      'c.danger_sources',
      'c.residence',
      'c.mother_age_group',
      'c.father_age_group',
      'c.parent_foreign_origin',
      'c.german_at_home',
      'c.services_in_use',
      'c.service_kinds',
      'c.child_seen',
      'c.assessment_participant_ids',
      'p.gender',
      'p.birth_date',
      sql<string>`row_number() over (partition by c.child_id order by c.completed_on, c.received_at, c.id)`.as(
        'nth',
      ),
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.result', 'is not', null)
    .where('c.completed_on', '>=', from)
    .where('c.completed_on', '<=', to)
    .orderBy('c.completed_on')
    .orderBy('c.id')
    .execute();
}
export type StatisticsRow = Awaited<ReturnType<typeof statisticsRecords>>[number];

/** The consequences the statistic counts (a new help, the family court, an Inobhutnahme) of the same checks. */
export function statisticsConsequences(db: Kysely<DB>, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('protection_measure as m')
    .innerJoin('child_protection_check as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.check_id'),
    )
    .select(['m.check_id', 'm.kind', 'm.offer_kind'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.kind', 'in', ['hilfeangebot', 'familiengericht', 'inobhutnahme'])
    .where('c.result', 'is not', null)
    .where('c.completed_on', '>=', from)
    .where('c.completed_on', '<=', to)
    .execute();
}
export type ConsequenceRow = Awaited<ReturnType<typeof statisticsConsequences>>[number];
