import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * The approved helps of a Hilfeart counting as HzE that ran at some time in [from, to], with the young person and
 * whether a risk assessment (Gefährdungseinschätzung) preceded the help.
 */
export function listHzeRecords(db: Kysely<DB>, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('measure as m')
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
    )
    .leftJoin('service_offer as o', (j) =>
      j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.offer_id'),
    )
    .leftJoin('provider as pr', (j) =>
      j.onRef('pr.tenant_id', '=', 'o.tenant_id').onRef('pr.id', '=', 'o.provider_id'),
    )
    .select((eb) => [
      'm.id',
      'm.begin_on',
      'm.end_on',
      'm.end_reason',
      'm.category',
      'm.reasons',
      'h.paragraph',
      'pr.kind as provider_kind',
      'p.gender',
      'p.birth_date',
      'p.language',
      eb
        .exists(
          eb
            .selectFrom('risk_consultation as rc')
            .select('rc.id')
            .whereRef('rc.tenant_id', '=', 'm.tenant_id')
            .whereRef('rc.case_id', '=', 'm.case_id')
            .where('rc.area', '=', 'gefaehrdung')
            .whereRef('rc.held_on', '<=', 'm.begin_on'),
        )
        .as('preceding_assessment'),
    ])
    .where('m.tenant_id', '=', tenantId)
    .where('m.status', '=', 'bewilligt')
    .where('h.is_hze', '=', true)
    .where('m.begin_on', '<=', to)
    .where((eb) => eb.or([eb('m.end_on', 'is', null), eb('m.end_on', '>=', from)]))
    .orderBy('m.begin_on')
    .orderBy('m.id')
    .execute();
}
export type HzeRow = Awaited<ReturnType<typeof listHzeRecords>>[number];
