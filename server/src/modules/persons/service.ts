import type { DuplicateCandidate, DuplicateQuery, HouseholdInput, PersonInput } from '@leuchtturm/shared';
import { sql } from 'kysely';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { accessibleCaseIds, usableHouseholdIds } from '../cases/access.ts';
import { findResponsibleTeam } from '../organisation/address.ts';
import { auditDuplicateLookup, limitDuplicateLookups } from './duplicateLookups.ts';
import { koelnerPhonetik, matchNames } from './phonetics.ts';

/** Persons and households (Familie/Haushalt). The address of a household decides district and team. */

export async function resolveAddress(ctx: Ctx, address: HouseholdInput['address']) {
  try {
    return await findResponsibleTeam(ctx.db, ctx.actor.tenantId, {
      street: address.street,
      houseNumber: Number.parseInt(address.houseNumber, 10),
      ...(address.postalCode ? { postalCode: address.postalCode } : {}),
    });
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors?.[0]) {
      const { field, message } = error.fieldErrors[0];
      throw AppError.validation(`address.${field}`, message);
    }
    throw error;
  }
}

export async function insertPerson(ctx: Ctx, p: PersonInput): Promise<string> {
  const row = await ctx.db
    .insertInto('person')
    .values({
      tenant_id: ctx.actor.tenantId,
      first_name: p.firstName,
      last_name: p.lastName,
      birth_date: p.birthDate,
      gender: p.gender,
      language: p.language,
      phone: p.phone,
      phonetic_first: koelnerPhonetik(p.firstName),
      phonetic_last: koelnerPhonetik(p.lastName),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'create', entityType: 'person', entityId: row.id });
  return row.id;
}

export async function createHousehold(ctx: Ctx, input: HouseholdInput): Promise<string> {
  const tenantId = ctx.actor.tenantId;
  const place = await resolveAddress(ctx, input.address);
  const existingIds = input.members.flatMap((m) => (m.personId ? [m.personId] : []));
  if (existingIds.length > 0) {
    const found = await ctx.db
      .selectFrom('person')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', existingIds)
      .execute();
    if (found.length !== new Set(existingIds).size)
      throw AppError.validation('members', 'Eine der gewählten Personen gibt es nicht.');
    // Linking a known person requires that one of their households may be used (policy.ts, mayUseHousehold).
    const memberships = await ctx.db
      .selectFrom('household_member')
      .select(['person_id', 'household_id'])
      .where('tenant_id', '=', tenantId)
      .where('person_id', 'in', existingIds)
      .execute();
    const usable = await usableHouseholdIds(
      ctx.db,
      ctx.actor,
      memberships.map((m) => m.household_id),
    );
    for (const personId of existingIds) {
      if (!memberships.some((m) => m.person_id === personId && usable.has(m.household_id))) {
        throw new AppError(
          'forbidden',
          'Diese Person gehört zu einer Familie, auf deren Fälle Sie keinen Zugriff haben.',
          {
            fieldErrors: [{ field: 'members', message: 'Kein Zugriff auf diese Person.' }],
            audit: {
              action: 'access_denied',
              entityType: 'person',
              entityId: personId,
              details: { purpose: 'link' },
            },
          },
        );
      }
    }
  }
  const household = await ctx.db
    .insertInto('household')
    .values({
      tenant_id: tenantId,
      name: input.name,
      street_id: place.street.id,
      street_name: place.street.name,
      house_number: input.address.houseNumber,
      postal_code: place.street.postalCode,
      district_id: place.district.id,
      team_id: place.team.id,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let position = 0;
  for (const member of input.members) {
    const personId = member.personId ?? (member.person ? await insertPerson(ctx, member.person) : null);
    if (!personId) continue;
    await ctx.db
      .insertInto('household_member')
      .values({
        tenant_id: tenantId,
        household_id: household.id,
        person_id: personId,
        role: member.role,
        custody: member.custody,
        position: position++,
      })
      .execute();
  }
  await ctx.audit({
    action: 'create',
    entityType: 'household',
    entityId: household.id,
    details: { members: position },
  });
  return household.id;
}

/**
 * Likely duplicates: same date of birth and a similar name (Kölner Phonetik or edit distance), across the tenant.
 * Where the user has no access to any of the person's cases, only the fact and whom to ask are returned.
 * Rate-limited per user, and every lookup is audited with its terms and hits (duplicateLookups.ts).
 */
export async function findDuplicates(ctx: Ctx, query: DuplicateQuery): Promise<DuplicateCandidate[]> {
  await limitDuplicateLookups(ctx, query);
  const tenantId = ctx.actor.tenantId;
  const sameBirthday = await ctx.db
    .selectFrom('person')
    .select(['id', 'first_name', 'last_name', 'birth_date'])
    .where('tenant_id', '=', tenantId)
    .where('birth_date', '=', query.birthDate)
    .limit(500)
    .execute();
  const matches = sameBirthday
    .map((p) => ({ p, match: matchNames(query, { firstName: p.first_name, lastName: p.last_name }) }))
    .filter(
      (m): m is { p: (typeof sameBirthday)[number]; match: 'phonetik' | 'schreibweise' } => m.match !== null,
    );
  if (matches.length === 0) {
    await auditDuplicateLookup(ctx, query, []);
    return [];
  }
  const cases = await ctx.db
    .selectFrom('household_member as hm')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'hm.tenant_id').onRef('c.household_id', '=', 'hm.household_id'),
    )
    .innerJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.team_id'))
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
    )
    .select([
      'hm.person_id',
      'c.id as case_id',
      'c.status',
      't.name as team_name',
      'u.display_name as lead_name',
    ])
    .where('hm.tenant_id', '=', tenantId)
    .where(
      'hm.person_id',
      'in',
      matches.map((m) => m.p.id),
    )
    .execute();
  const allowed = await accessibleCaseIds(
    ctx.db,
    ctx.actor,
    cases.map((c) => c.case_id),
  );
  const result = matches.map(({ p, match }) => {
    const own = cases.filter((c) => c.person_id === p.id);
    const accessible = own.length === 0 || own.some((c) => allowed.has(c.case_id));
    const open = own.filter((c) => c.status === 'offen');
    return {
      match,
      accessible,
      person: accessible
        ? { id: p.id, firstName: p.first_name, lastName: p.last_name, birthDate: p.birth_date }
        : null,
      contacts: (open.length > 0 ? open : own).map((c) => ({ leadName: c.lead_name, teamName: c.team_name })),
    };
  });
  await auditDuplicateLookup(
    ctx,
    query,
    matches.map((m) => m.p.id),
  );
  return result;
}

/**
 * Corrects a person's data (name, date of birth, ...). Allowed to whoever may work on one of the cases of the
 * person's households; a person in no case yet is open to any case worker of the tenant.
 */
export async function updatePerson(
  ctx: Ctx,
  personId: string,
  version: number,
  input: PersonInput,
): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const cases = await ctx.db
    .selectFrom('household_member as hm')
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'hm.tenant_id').onRef('c.household_id', '=', 'hm.household_id'),
    )
    .select('c.id')
    .where('hm.tenant_id', '=', tenantId)
    .where('hm.person_id', '=', personId)
    .execute();
  const allowed = await accessibleCaseIds(
    ctx.db,
    ctx.actor,
    cases.map((c) => c.id),
  );
  if (cases.length > 0 && allowed.size === 0) {
    throw new AppError('forbidden', 'Sie haben keinen Zugriff auf die Fälle dieser Person.', {
      audit: {
        action: 'access_denied',
        entityType: 'person',
        entityId: personId,
        details: { purpose: 'write' },
      },
    });
  }
  const result = await ctx.db
    .updateTable('person')
    .set({
      first_name: input.firstName,
      last_name: input.lastName,
      birth_date: input.birthDate,
      gender: input.gender,
      language: input.language,
      phone: input.phone,
      phonetic_first: koelnerPhonetik(input.firstName),
      phonetic_last: koelnerPhonetik(input.lastName),
      version: sql`version + 1`,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst();
  const exists = () =>
    ctx.db
      .selectFrom('person')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', personId)
      .executeTakeFirst();
  await expectOneUpdated(result, exists, 'Die Person');
  await ctx.audit({
    action: 'update',
    entityType: 'person',
    entityId: personId,
    details: { fields: Object.keys(input).sort() },
  });
}
