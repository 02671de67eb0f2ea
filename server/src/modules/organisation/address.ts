import type {
  AddressCheckResult,
  AddressLookupQuery,
  AddressLookupResult,
  ResponsibilityInput,
  StreetInput,
  StreetSuggestion,
} from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import {
  deleteResponsibilityRow,
  deleteStreetRow,
  findHouseRanges,
  findRulesOfStreets,
  findStreetById,
  findStreetRules,
  findStreetsByName,
  insertResponsibility,
  insertStreet,
  lockStreet,
  searchStreets,
  updateStreetRow,
} from './queries/address.ts';
import { findOrganisationRow } from './queries/structure.ts';

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
  const found = await findStreetsByName(db, tenantId, normaliseStreetName(query.street), query.postalCode);
  const street = found[0];
  if (!street) throw AppError.validation('street', 'Diese Straße ist keinem Stadtteil zugeordnet.');
  if (found.length > 1) {
    throw AppError.validation('postalCode', 'Diese Straße gibt es mehrfach: bitte die Postleitzahl angeben.');
  }
  const rules = await findStreetRules(db, tenantId, street.id);
  const n = query.houseNumber;
  const rule = ruleFor(rules, n);
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

/** The rule for a house number: a range that contains it is more specific than the whole-street rule. */
function ruleFor<R extends { house_from: number | null; house_to: number | null }>(
  rules: R[],
  n: number | undefined,
) {
  return (
    (n !== undefined
      ? rules.find(
          (r) => r.house_from !== null && r.house_to !== null && r.house_from <= n && n <= r.house_to,
        )
      : undefined) ?? rules.find((r) => r.house_from === null)
  );
}

/**
 * The intake's street suggestions: streets whose name contains every word typed ("waller heer" finds "Waller
 * Heerstraße"; "…str", "…strasse" are read as "…straße"), each with the house-number ranges of its teams.
 */
export async function suggestStreets(
  db: Kysely<DB>,
  tenantId: string,
  query: { q: string; limit: number },
): Promise<StreetSuggestion[]> {
  const words = normaliseStreetName(query.q).split(' ').filter(Boolean);
  const streets = await searchStreets(db, tenantId, words, query.limit);
  const rules = await findRulesOfStreets(
    db,
    tenantId,
    streets.map((s) => s.id),
  );
  return streets.map((s) => ({
    id: s.id,
    name: s.name,
    postalCode: s.postal_code,
    district: { id: s.district_id, name: s.district_name },
    ranges: rules
      .filter((r) => r.street_id === s.id)
      .map((r) => ({
        houseFrom: r.house_from,
        houseTo: r.house_to,
        team: { id: r.team_id, name: r.team_name },
      })),
  }));
}

/**
 * The intake's address check: a street of the directory and a house number give the district and the responsible
 * team. No rule for the number is not an error: the team is null and the case goes to the allocation list
 * (docs/intake.md).
 */
export async function checkAddress(
  db: Kysely<DB>,
  tenantId: string,
  address: { streetId: string; houseNumber: string },
): Promise<AddressCheckResult> {
  const street = await findStreetById(db, tenantId, address.streetId);
  if (!street) {
    throw AppError.validation(
      'streetId',
      'Diese Straße ist nicht im Straßenverzeichnis. Bitte eine Straße aus der Liste wählen.',
    );
  }
  const rule = ruleFor(
    await findStreetRules(db, tenantId, street.id),
    Number.parseInt(address.houseNumber, 10),
  );
  return {
    street: { id: street.id, name: street.name, postalCode: street.postal_code },
    district: { id: street.district_id, name: street.district_name },
    team: rule ? { id: rule.team_id, name: rule.team_name } : null,
  };
}

async function checkDistrict(ctx: Ctx, districtId: string) {
  const d = await findOrganisationRow(ctx.db, 'district', ctx.actor.tenantId, districtId);
  if (!d) throw AppError.validation('districtId', 'Diesen Stadtteil gibt es nicht.');
}

export async function createStreet(ctx: Ctx, input: StreetInput) {
  await checkDistrict(ctx, input.districtId);
  const row = await insertStreet(ctx.db, {
    tenant_id: ctx.actor.tenantId,
    district_id: input.districtId,
    name: input.name,
    postal_code: input.postalCode,
  });
  await ctx.audit({ action: 'create', entityType: 'street', entityId: row.id });
  return row.id;
}

export async function updateStreet(ctx: Ctx, id: string, version: number, input: StreetInput) {
  await checkDistrict(ctx, input.districtId);
  const result = await updateStreetRow(ctx.db, ctx.actor.tenantId, id, version, {
    district_id: input.districtId,
    name: input.name,
    postal_code: input.postalCode,
  });
  const stillExists = () => findOrganisationRow(ctx.db, 'street', ctx.actor.tenantId, id);
  await expectOneUpdated(result, stillExists, 'Die Straße');
  await ctx.audit({
    action: 'update',
    entityType: 'street',
    entityId: id,
    details: { fields: ['districtId', 'name', 'postalCode'] },
  });
}

export async function deleteStreet(ctx: Ctx, id: string) {
  const result = await deleteStreetRow(ctx.db, ctx.actor.tenantId, id);
  if (result.numDeletedRows === 0n) throw AppError.notFound('Die Straße');
  await ctx.audit({ action: 'delete', entityType: 'street', entityId: id });
}

/** A new rule may not overlap an existing one of the same street: every address has exactly one team. */
export async function createResponsibility(ctx: Ctx, input: ResponsibilityInput) {
  const tenantId = ctx.actor.tenantId;
  const street = await lockStreet(ctx.db, tenantId, input.streetId);
  if (!street) throw AppError.validation('streetId', 'Diese Straße gibt es nicht.');
  const team = await findOrganisationRow(ctx.db, 'team', tenantId, input.teamId);
  if (!team) throw AppError.validation('teamId', 'Dieses Team gibt es nicht.');
  const existing = await findHouseRanges(ctx.db, tenantId, input.streetId);
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
  const row = await insertResponsibility(ctx.db, {
    tenant_id: tenantId,
    street_id: input.streetId,
    team_id: input.teamId,
    house_from: input.houseFrom,
    house_to: input.houseTo,
  });
  await ctx.audit({ action: 'create', entityType: 'responsibility', entityId: row.id });
  return row.id;
}

export async function deleteResponsibility(ctx: Ctx, id: string) {
  const result = await deleteResponsibilityRow(ctx.db, ctx.actor.tenantId, id);
  if (result.numDeletedRows === 0n) throw AppError.notFound('Die Zuständigkeit');
  await ctx.audit({ action: 'delete', entityType: 'responsibility', entityId: id });
}
