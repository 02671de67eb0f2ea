import type { HelpType, Provider } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Help types and providers with their offers and rates: no personal data, read by everyone who plans help. */
export async function listHelpTypes(db: Kysely<DB>, tenantId: string): Promise<HelpType[]> {
  const rows = await db
    .selectFrom('help_type')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    paragraph: r.paragraph,
    categoryRule: r.category_rule as HelpType['categoryRule'],
    isHze: r.is_hze,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
  }));
}

export async function listProviders(db: Kysely<DB>, tenantId: string): Promise<Provider[]> {
  const providers = await db
    .selectFrom('provider')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
  const offers = await db
    .selectFrom('service_offer as o')
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'o.tenant_id').onRef('h.id', '=', 'o.help_type_id'),
    )
    .select(['o.id', 'o.provider_id', 'o.name', 'o.unit', 'o.help_type_id', 'h.name as help_type_name'])
    .where('o.tenant_id', '=', tenantId)
    .orderBy('o.name')
    .execute();
  const rates = await db
    .selectFrom('rate')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('valid_from')
    .execute();
  return providers.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind as Provider['kind'],
    version: p.version,
    offers: offers
      .filter((o) => o.provider_id === p.id)
      .map((o) => ({
        id: o.id,
        name: o.name,
        helpTypeId: o.help_type_id,
        helpTypeName: o.help_type_name,
        unit: o.unit,
        rates: rates
          .filter((r) => r.offer_id === o.id)
          .map((r) => ({ amount: r.amount, validFrom: r.valid_from, validTo: r.valid_to })),
      })),
  }));
}
