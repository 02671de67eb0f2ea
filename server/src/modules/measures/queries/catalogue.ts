import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { HelpTypeTable } from '../../../db/schema-measures.ts';

/** Help types, providers, offers and rates: the catalogue a measure is planned from (no personal data). */

export function listHelpTypes(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('help_type')
    .select([
      'id',
      'code',
      'name',
      'paragraph',
      'category_rule',
      'is_hze',
      'valid_from',
      'valid_to',
      'version',
    ])
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
}
export type HelpTypeRow = Awaited<ReturnType<typeof listHelpTypes>>[number];

export function findHelpType(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('help_type')
    .select(['id', 'code', 'category_rule'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertHelpType(db: Kysely<DB>, values: Insertable<HelpTypeTable>): Promise<string> {
  const row = await db.insertInto('help_type').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function listProviderRows(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('provider')
    .select(['id', 'name', 'kind', 'version'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}
export type ProviderRow = Awaited<ReturnType<typeof listProviderRows>>[number];

export function listOfferRows(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('service_offer as o')
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'o.tenant_id').onRef('h.id', '=', 'o.help_type_id'),
    )
    .select(['o.id', 'o.provider_id', 'o.name', 'o.unit', 'o.help_type_id', 'h.name as help_type_name'])
    .where('o.tenant_id', '=', tenantId)
    .orderBy('o.name')
    .execute();
}
export type OfferRow = Awaited<ReturnType<typeof listOfferRows>>[number];

/** The rates of the given offers (all of them without `offerIds`), oldest first. */
export function listRateRows(db: Kysely<DB>, tenantId: string, offerIds?: readonly string[]) {
  let q = db
    .selectFrom('rate')
    .select(['offer_id', 'amount', 'valid_from', 'valid_to'])
    .where('tenant_id', '=', tenantId);
  if (offerIds) {
    if (offerIds.length === 0) return Promise.resolve([]);
    q = q.where('offer_id', 'in', offerIds);
  }
  return q.orderBy('offer_id').orderBy('valid_from').execute();
}
export type RateRow = Awaited<ReturnType<typeof listRateRows>>[number];

export async function insertProvider(
  db: Kysely<DB>,
  tenantId: string,
  input: { name: string; kind: string },
): Promise<string> {
  const row = await db
    .insertInto('provider')
    .values({ tenant_id: tenantId, name: input.name, kind: input.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findProvider(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('provider')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findOffer(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('service_offer')
    .select(['id', 'unit', 'help_type_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertOffer(
  db: Kysely<DB>,
  tenantId: string,
  input: { providerId: string; name: string; helpTypeId: string; unit: 'day' | 'hour' | 'month' },
): Promise<string> {
  const row = await db
    .insertInto('service_offer')
    .values({
      tenant_id: tenantId,
      provider_id: input.providerId,
      name: input.name,
      help_type_id: input.helpTypeId,
      unit: input.unit,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOpenRate(
  db: Kysely<DB>,
  tenantId: string,
  offerId: string,
  rate: { amount: string; validFrom: string },
): Promise<void> {
  await db
    .insertInto('rate')
    .values({
      tenant_id: tenantId,
      offer_id: offerId,
      valid_from: rate.validFrom,
      valid_to: null,
      amount: rate.amount,
    })
    .execute();
}

/** The rates of an offer, newest first, locked so that two rate changes cannot both end the same open rate. */
export function lockRatesOfOffer(db: Kysely<DB>, tenantId: string, offerId: string) {
  return db
    .selectFrom('rate')
    .select(['valid_from', 'valid_to'])
    .where('tenant_id', '=', tenantId)
    .where('offer_id', '=', offerId)
    .orderBy('valid_from', 'desc')
    .forUpdate()
    .execute();
}

export async function endRate(
  db: Kysely<DB>,
  tenantId: string,
  offerId: string,
  validFrom: string,
  validTo: string,
): Promise<void> {
  await db
    .updateTable('rate')
    .set({ valid_to: validTo })
    .where('tenant_id', '=', tenantId)
    .where('offer_id', '=', offerId)
    .where('valid_from', '=', validFrom)
    .execute();
}
