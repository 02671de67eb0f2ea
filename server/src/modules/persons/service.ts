import {
  childBirthDateMessage,
  type DuplicateCandidate,
  type DuplicateQuery,
  type HouseholdInput,
  isChildRole,
  type PersonInput,
} from '@leuchtturm/shared';
import { actorToday } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { mayUseHousehold } from '../access/policy.ts';
import { usableHouseholdIds } from '../cases/access.ts';
import { checkAddress } from '../organisation/address.ts';
import { auditDuplicateLookup, lookupWindow, queueLookup, refuseOverLimit } from './duplicateLookups.ts';
import { koelnerPhonetik, matchNames } from './phonetics.ts';
import {
  duplicateSearch,
  existingPersonIds,
  findPerson,
  householdsOfPersons,
  householdsWithCasesOfPersons,
  insertHouseholdMember,
  insertHouseholdRow,
  insertPersonRow,
  isChildMember,
  updatePersonRow,
} from './queries.ts';

/** Persons and households (Familie/Haushalt). The address of a household decides district and team. */

/**
 * Where a household lives, as stored: the street of the directory with its district and team (the team may be
 * none: then its case waits on the allocation list), or no fixed address, which has neither (docs/intake.md).
 */
export async function resolveAddress(ctx: Ctx, address: HouseholdInput['address']) {
  if (address.kind !== 'fest' || address.streetId === null || address.houseNumber === null) {
    return {
      address_kind: address.kind,
      street_id: null,
      street_name: null,
      house_number: null,
      postal_code: null,
      district_id: null,
      team_id: null,
    };
  }
  try {
    const place = await checkAddress(ctx.db, ctx.actor.tenantId, {
      streetId: address.streetId,
      houseNumber: address.houseNumber,
    });
    return {
      address_kind: address.kind,
      street_id: place.street.id,
      street_name: place.street.name,
      house_number: address.houseNumber,
      postal_code: place.street.postalCode,
      district_id: place.district.id,
      team_id: place.team?.id ?? null,
    };
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors?.[0]) {
      const { field, message } = error.fieldErrors[0];
      throw AppError.validation(`address.${field}`, message);
    }
    throw error;
  }
}

/**
 * The persons among these the actor may work with: those in a household she may use (access/policy.ts,
 * mayUseHousehold — one of its cases, or a household without a case that she registered or whose team she leads).
 */
async function usablePersonIds(ctx: Ctx, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const memberships = await householdsOfPersons(ctx.db, ctx.actor.tenantId, personIds);
  const usable = await usableHouseholdIds(
    ctx.db,
    ctx.actor,
    memberships.map((m) => m.household_id),
  );
  return new Set(memberships.filter((m) => usable.has(m.household_id)).map((m) => m.person_id));
}

function personRow(p: PersonInput) {
  return {
    first_name: p.firstName,
    last_name: p.lastName,
    birth_date: p.birthDate,
    gender: p.gender,
    language: p.language,
    phone: p.phone,
    phonetic_first: koelnerPhonetik(p.firstName),
    phonetic_last: koelnerPhonetik(p.lastName),
  };
}

export async function insertPerson(ctx: Ctx, p: PersonInput): Promise<string> {
  const row = await insertPersonRow(ctx.db, { tenant_id: ctx.actor.tenantId, ...personRow(p) });
  await ctx.audit({ action: 'create', entityType: 'person', entityId: row.id });
  return row.id;
}

export async function createHousehold(ctx: Ctx, input: HouseholdInput): Promise<string> {
  const tenantId = ctx.actor.tenantId;
  const place = await resolveAddress(ctx, input.address);
  const existingIds = [...new Set(input.members.flatMap((m) => (m.personId ? [m.personId] : [])))];
  if (existingIds.length > 0) {
    const found = await existingPersonIds(ctx.db, tenantId, existingIds);
    if (found.length !== existingIds.length)
      throw AppError.validation('members', 'Eine der gewählten Personen gibt es nicht.');
    const undated = new Set(found.filter((p) => p.birth_date === null).map((p) => p.id));
    const index = input.members.findIndex(
      (m) => m.personId && undated.has(m.personId) && isChildRole(m.role),
    );
    if (index >= 0) throw AppError.validation(`members.${index}.person.birthDate`, childBirthDateMessage);
    const usable = await usablePersonIds(ctx, existingIds);
    const refused = existingIds.find((id) => !usable.has(id));
    if (refused) {
      throw new AppError(
        'forbidden',
        'Diese Person gehört zu einer Familie, auf deren Fälle Sie keinen Zugriff haben.',
        {
          fieldErrors: [{ field: 'members', message: 'Kein Zugriff auf diese Person.' }],
          audit: {
            action: 'access_denied',
            entityType: 'person',
            entityId: refused,
            details: { purpose: 'link' },
          },
        },
      );
    }
  }
  const household = await insertHouseholdRow(ctx.db, {
    tenant_id: tenantId,
    name: input.name,
    ...place,
    created_by: ctx.actor.userId,
  });
  let position = 0;
  for (const member of input.members) {
    const personId = member.personId ?? (member.person ? await insertPerson(ctx, member.person) : null);
    if (!personId) continue;
    await insertHouseholdMember(ctx.db, {
      tenant_id: tenantId,
      household_id: household.id,
      person_id: personId,
      role: member.role,
      custody: member.custody,
      position: position++,
    });
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
 * Likely duplicates: same date of birth and a similar name; where either date is unknown, the same phonetic last
 * name and a similar name (Kölner Phonetik or edit distance), across the tenant.
 * Where the user may not work with the person, only the fact and whom to ask are returned.
 * Rate-limited per user, and every lookup is audited with its terms and hits (duplicateLookups.ts).
 * Three statements: the user's row locked, then the count and the candidates with the households of those born on
 * the day (queries.ts, duplicateSearch), then the audit entry; a fourth only for name-only matches.
 */
export async function findDuplicates(ctx: Ctx, query: DuplicateQuery): Promise<DuplicateCandidate[]> {
  const tenantId = ctx.actor.tenantId;
  const today = actorToday(ctx.actor);
  await queueLookup(ctx);
  // After the lock: a lookup that waited for another counts its window from when it may go on.
  const now = Date.now();
  const found = await duplicateSearch(ctx.db, tenantId, {
    userId: ctx.actor.userId,
    ...lookupWindow(now),
    birthDate: query.birthDate,
    phoneticLast: koelnerPhonetik(query.lastName),
    today,
  });
  refuseOverLimit(query, found, now);
  const matches = found.candidates.flatMap((p) => {
    const match = matchNames(query, { firstName: p.first_name, lastName: p.last_name });
    return match ? [{ p, match }] : [];
  });
  const personIds = matches.map((m) => m.p.id);
  const unloaded = matches.filter((m) => m.p.households === null).map((m) => m.p.id);
  const households = matches.flatMap((m) => m.p.households ?? []);
  if (unloaded.length > 0)
    households.push(...(await householdsWithCasesOfPersons(ctx.db, tenantId, unloaded, today)));
  // Which persons the actor may work with: the household rule, as usablePersonIds, on the rows read above.
  const usable = new Set(
    households
      .filter((h) =>
        mayUseHousehold(ctx.actor, {
          teamId: h.team_id,
          createdBy: h.created_by,
          cases: h.cases.map((c) => ({
            teamId: c.team_id,
            leadUserId: c.lead_user_id,
            grantedUserIds: c.granted,
          })),
        }),
      )
      .map((h) => h.person_id),
  );
  const result = matches.map(({ p, match }) => {
    const own = households.filter((h) => h.person_id === p.id).flatMap((h) => h.cases);
    const accessible = usable.has(p.id);
    const open = own.filter((c) => c.status === 'offen');
    return {
      match,
      accessible,
      person: accessible
        ? { id: p.id, firstName: p.first_name, lastName: p.last_name, birthDate: p.birth_date }
        : null,
      contacts: (open.length > 0 ? open : own).map((c) => ({
        leadName: c.lead_name,
        // A case on the allocation list has no team yet (docs/intake.md).
        teamName: c.team_name ?? 'noch keinem Team zugeteilt',
      })),
    };
  });
  await auditDuplicateLookup(ctx, query, personIds);
  return result;
}

/**
 * Corrects a person's data (name, date of birth, ...): allowed to whoever may work with one of the person's
 * households (usablePersonIds), refused and audited otherwise.
 */
export async function updatePerson(
  ctx: Ctx,
  personId: string,
  version: number,
  input: PersonInput,
): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  if (!(await findPerson(ctx.db, tenantId, personId))) throw AppError.notFound('Die Person');
  if (!(await usablePersonIds(ctx, [personId])).has(personId)) {
    throw new AppError('forbidden', 'Sie haben keinen Zugriff auf die Fälle dieser Person.', {
      audit: {
        action: 'access_denied',
        entityType: 'person',
        entityId: personId,
        details: { purpose: 'write' },
      },
    });
  }
  if (input.birthDate === null && (await isChildMember(ctx.db, tenantId, personId)))
    throw AppError.validation('birthDate', childBirthDateMessage);
  const result = await updatePersonRow(ctx.db, tenantId, personId, version, personRow(input));
  await expectOneUpdated(result, () => findPerson(ctx.db, tenantId, personId), 'Die Person');
  await ctx.audit({
    action: 'update',
    entityType: 'person',
    entityId: personId,
    details: { fields: Object.keys(input).sort() },
  });
}
