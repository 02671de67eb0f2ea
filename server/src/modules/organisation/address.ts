import type {
  AddressLookupQuery,
  AddressLookupResult,
  ResponsibilityInput,
  StreetInput,
} from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';

/**
 * Streets and the address-based responsibility: a whole street, or a range of its house numbers, belongs to one
 * Stadtteilteam. `findResponsibleTeam` is what the rest of the system calls (intake, persons, ...).
 */

/** "Waller Heerstr." and "waller heerstrasse" both find "Waller Heerstraße". */
export function normaliseStreetName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/str\.?$/u, 'straße')
    .replace(/strasse$/u, 'straße');
}

export async function findResponsibleTeam(
  db: Kysely<DB>,
  tenantId: string,
  query: AddressLookupQuery,
): Promise<AddressLookupResult> {
  let streets = db
    .selectFrom('street as s')
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 's.tenant_id').onRef('d.id', '=', 's.district_id'),
    )
    .select(['s.id', 's.name', 's.postal_code', 'd.id as district_id', 'd.name as district_name'])
    .where('s.tenant_id', '=', tenantId)
    .where(sql<boolean>`lower(s.name) = ${normaliseStreetName(query.street)}`);
  if (query.postalCode) streets = streets.where('s.postal_code', '=', query.postalCode);
  const found = await streets.limit(2).execute();
  const street = found[0];
  if (!street) throw AppError.validation('street', 'Diese Straße ist keinem Stadtteil zugeordnet.');
  if (found.length > 1) {
    throw AppError.validation('postalCode', 'Diese Straße gibt es mehrfach: bitte die Postleitzahl angeben.');
  }
  const rules = await db
    .selectFrom('responsibility as r')
    .innerJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'r.tenant_id').onRef('t.id', '=', 'r.team_id'))
    .innerJoin('social_centre as sc', (j) =>
      j.onRef('sc.tenant_id', '=', 't.tenant_id').onRef('sc.id', '=', 't.social_centre_id'),
    )
    .select([
      'r.house_from',
      'r.house_to',
      't.id as team_id',
      't.name as team_name',
      'sc.id as centre_id',
      'sc.name as centre_name',
    ])
    .where('r.tenant_id', '=', tenantId)
    .where('r.street_id', '=', street.id)
    .execute();
  const n = query.houseNumber;
  // A range that contains the number is more specific than the whole-street rule.
  const rule =
    (n !== undefined
      ? rules.find(
          (r) => r.house_from !== null && r.house_to !== null && r.house_from <= n && n <= r.house_to,
        )
      : undefined) ?? rules.find((r) => r.house_from === null);
  if (!rule) {
    throw n === undefined && rules.length > 0
      ? AppError.validation(
          'houseNumber',
          'Für diese Straße hängt die Zuständigkeit von der Hausnummer ab: bitte angeben.',
        )
      : AppError.validation(
          'houseNumber',
          'Für diese Adresse ist kein Team zuständig. Bitte die Zuständigkeiten ergänzen.',
        );
  }
  return {
    street: { id: street.id, name: street.name, postalCode: street.postal_code },
    district: { id: street.district_id, name: street.district_name },
    team: { id: rule.team_id, name: rule.team_name },
    socialCentre: { id: rule.centre_id, name: rule.centre_name },
  };
}

async function checkDistrict(ctx: Ctx, districtId: string) {
  const d = await ctx.db
    .selectFrom('district')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', districtId)
    .executeTakeFirst();
  if (!d) throw AppError.validation('districtId', 'Diesen Stadtteil gibt es nicht.');
}

export async function createStreet(ctx: Ctx, input: StreetInput) {
  await checkDistrict(ctx, input.districtId);
  const row = await ctx.db
    .insertInto('street')
    .values({
      tenant_id: ctx.actor.tenantId,
      district_id: input.districtId,
      name: input.name,
      postal_code: input.postalCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'create', entityType: 'street', entityId: row.id });
  return row.id;
}

export async function updateStreet(ctx: Ctx, id: string, version: number, input: StreetInput) {
  await checkDistrict(ctx, input.districtId);
  const result = await ctx.db
    .updateTable('street')
    .set({
      district_id: input.districtId,
      name: input.name,
      postal_code: input.postalCode,
      version: sql`version + 1`,
    })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  const stillExists = () =>
    ctx.db
      .selectFrom('street')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
  await expectOneUpdated(result, stillExists, 'Die Straße');
  await ctx.audit({
    action: 'update',
    entityType: 'street',
    entityId: id,
    details: { fields: ['districtId', 'name', 'postalCode'] },
  });
}

export async function deleteStreet(ctx: Ctx, id: string) {
  const result = await ctx.db
    .deleteFrom('street')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw AppError.notFound('Die Straße');
  await ctx.audit({ action: 'delete', entityType: 'street', entityId: id });
}

/** A new rule may not overlap an existing one of the same street: every address has exactly one team. */
export async function createResponsibility(ctx: Ctx, input: ResponsibilityInput) {
  const tenantId = ctx.actor.tenantId;
  const street = await ctx.db
    .selectFrom('street')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', input.streetId)
    .forUpdate()
    .executeTakeFirst();
  if (!street) throw AppError.validation('streetId', 'Diese Straße gibt es nicht.');
  const team = await ctx.db
    .selectFrom('team')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', input.teamId)
    .executeTakeFirst();
  if (!team) throw AppError.validation('teamId', 'Dieses Team gibt es nicht.');
  const existing = await ctx.db
    .selectFrom('responsibility')
    .select(['house_from', 'house_to'])
    .where('tenant_id', '=', tenantId)
    .where('street_id', '=', input.streetId)
    .execute();
  const overlaps = existing.some((r) =>
    input.houseFrom === null || input.houseTo === null
      ? r.house_from === null
      : r.house_from !== null &&
        r.house_to !== null &&
        r.house_from <= input.houseTo &&
        input.houseFrom <= r.house_to,
  );
  if (overlaps) {
    throw AppError.validation(
      input.houseFrom === null ? 'streetId' : 'houseFrom',
      input.houseFrom === null
        ? 'Für diese Straße gibt es schon eine Zuständigkeit für die ganze Straße.'
        : 'Dieser Hausnummernbereich überschneidet sich mit einer bestehenden Zuständigkeit.',
    );
  }
  const row = await ctx.db
    .insertInto('responsibility')
    .values({
      tenant_id: tenantId,
      street_id: input.streetId,
      team_id: input.teamId,
      house_from: input.houseFrom,
      house_to: input.houseTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'create', entityType: 'responsibility', entityId: row.id });
  return row.id;
}

export async function deleteResponsibility(ctx: Ctx, id: string) {
  const result = await ctx.db
    .deleteFrom('responsibility')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw AppError.notFound('Die Zuständigkeit');
  await ctx.audit({ action: 'delete', entityType: 'responsibility', entityId: id });
}
