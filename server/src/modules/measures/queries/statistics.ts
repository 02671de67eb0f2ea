import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * The approved helps of a Hilfeart counting as HzE that ran at some time in [from, to], with their case, the young
 * person, the coded statistics of the measure and the family, and whether a risk assessment (Gefährdungs-
 * einschätzung) preceded the help. For § 41 the underlying help's code comes along (the record's Art der Hilfe).
 */
export function listHzeRecords(db: Kysely<DB>, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('measure as m')
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .leftJoin('help_type as u', (j) =>
      j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.underlying_help_type_id'),
    )
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
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
      'm.case_id',
      'c.case_number',
      'c.family_statistics',
      'm.begin_on',
      'm.end_on',
      'm.end_reason',
      'm.category',
      'm.statistics',
      'h.code as help_type_code',
      'u.code as underlying_code',
      'pr.kind as provider_kind',
      'p.gender',
      'p.birth_date',
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
    .orderBy('c.case_number')
    .orderBy('m.begin_on')
    .orderBy('m.id')
    .execute();
}
export type HzeRow = Awaited<ReturnType<typeof listHzeRecords>>[number];

export async function findHzeOffice(db: Kysely<DB>, tenantId: string) {
  const row = await db
    .selectFrom('finance_setting')
    .select('hze_office')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row?.hze_office ?? null;
}

export async function upsertHzeOffice(db: Kysely<DB>, tenantId: string, office: object): Promise<void> {
  const json = JSON.stringify(office);
  await db
    .insertInto('finance_setting')
    .values({ tenant_id: tenantId, hze_office: json })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ hze_office: json }))
    .execute();
}

/** The measure's help type (and § 41's underlying one): what decides which statistics fields apply. */
export function findMeasureHelpCodes(db: Kysely<DB>, tenantId: string, measureId: string) {
  return db
    .selectFrom('measure as m')
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .leftJoin('help_type as u', (j) =>
      j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.underlying_help_type_id'),
    )
    .select(['m.statistics', 'h.code as help_type_code', 'u.code as underlying_code', 'm.end_on'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.id', '=', measureId)
    .executeTakeFirstOrThrow();
}

export async function updateMeasureStatistics(
  db: Kysely<DB>,
  tenantId: string,
  measureId: string,
  statistics: object,
): Promise<void> {
  await db
    .updateTable('measure')
    .set({ statistics: JSON.stringify(statistics) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', measureId)
    .execute();
}

export async function findFamilyStatistics(db: Kysely<DB>, tenantId: string, caseId: string) {
  const row = await db
    .selectFrom('case_file')
    .select('family_statistics')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row?.family_statistics ?? null;
}

export async function updateFamilyStatistics(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  statistics: object,
): Promise<void> {
  await db
    .updateTable('case_file')
    .set({ family_statistics: JSON.stringify(statistics) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .execute();
}
