import type { IntakeInput } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { bumpCaseVersion, requireCase, requireHousehold } from './access.ts';

/**
 * Falleingang. The case takes its team from the household's address; the intake case manager leads it when she
 * belongs to that team, otherwise the team lead allocates it (lead stays empty until then).
 */
export async function openCase(ctx: Ctx, input: IntakeInput): Promise<{ id: string; caseNumber: string }> {
  const tenantId = ctx.actor.tenantId;
  await requireHousehold(ctx, input.householdId);
  const household = await ctx.db
    .selectFrom('household')
    .select(['id', 'team_id', 'district_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', input.householdId)
    .executeTakeFirstOrThrow();
  if (!household.team_id)
    throw AppError.validation('householdId', 'Für die Adresse des Haushalts ist kein Team zuständig.');
  const lead =
    ctx.actor.userId && ctx.actor.teamId === household.team_id && ctx.actor.roles.includes('case_manager')
      ? ctx.actor.userId
      : null;
  const caseNumber = await nextCaseNumber(ctx, input.openedOn);
  const row = await ctx.db
    .insertInto('case_file')
    .values({
      tenant_id: tenantId,
      case_number: caseNumber,
      household_id: household.id,
      opened_on: input.openedOn,
      access_route: input.accessRoute,
      reporter: input.reporter,
      concern: input.concern,
      team_id: household.team_id,
      lead_user_id: lead,
      district_id: household.district_id,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Whoever took the intake keeps access while the team lead allocates the case.
  if (!lead && ctx.actor.userId && !ctx.actor.roles.includes('team_lead')) {
    await ctx.db
      .insertInto('case_access_grant')
      .values({
        tenant_id: tenantId,
        case_id: row.id,
        user_id: ctx.actor.userId,
        granted_by: ctx.actor.userId,
      })
      .execute();
  }
  await ctx.audit({ action: 'create', entityType: 'case', entityId: row.id });
  return { id: row.id, caseNumber };
}

/** Case numbers run per year: 2026-00042. The counter row lock makes them gap-free under concurrency. */
async function nextCaseNumber(ctx: Ctx, openedOn: string): Promise<string> {
  const year = Number(openedOn.slice(0, 4));
  const row = await ctx.db
    .insertInto('case_counter')
    .values({ tenant_id: ctx.actor.tenantId, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'year']).doUpdateSet((eb) => ({ last: eb('case_counter.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last).padStart(5, '0')}`;
}

/** The team lead allocates the case to a case manager of the team. */
export async function allocateLead(
  ctx: Ctx,
  caseId: string,
  leadUserId: string,
  version: number,
): Promise<void> {
  const loaded = await requireCase(ctx, caseId, 'write');
  if (loaded.reason !== 'team_lead') {
    throw new AppError('forbidden', 'Nur die Referatsleitung des Teams kann die Fallführung zuteilen.');
  }
  const user = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'team_id', 'roles', 'active'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', leadUserId)
    .executeTakeFirst();
  if (!user?.active || user.team_id !== loaded.team_id || !user.roles.includes('case_manager')) {
    throw AppError.validation('leadUserId', 'Die Fallführung übernimmt eine aktive Fachkraft des Teams.');
  }
  await bumpCaseVersion(ctx, caseId, version);
  await ctx.db
    .updateTable('case_file')
    .set({ lead_user_id: leadUserId })
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', caseId)
    .execute();
  await ctx.audit({
    action: 'update',
    entityType: 'case',
    entityId: caseId,
    details: { fields: ['leadUserId'] },
  });
}

/** The team lead grants a colleague access to a case (e.g. for a joint home visit); revoking removes it. */
export async function setAccessGrant(
  ctx: Ctx,
  caseId: string,
  userId: string,
  granted: boolean,
): Promise<void> {
  const loaded = await requireCase(ctx, caseId, 'read');
  if (loaded.reason !== 'team_lead') {
    throw new AppError(
      'forbidden',
      'Nur die Referatsleitung des Teams kann Zugriff auf einen Fall gewähren.',
    );
  }
  const tenantId = ctx.actor.tenantId;
  if (granted) {
    const user = await ctx.db
      .selectFrom('app_user')
      .select('active')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user?.active)
      throw AppError.validation('userId', 'Dieses Konto gibt es nicht oder es ist nicht aktiv.');
    await ctx.db
      .insertInto('case_access_grant')
      .values({ tenant_id: tenantId, case_id: caseId, user_id: userId, granted_by: ctx.actor.userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await ctx.db
      .deleteFrom('case_access_grant')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .execute();
  }
  await ctx.audit({
    action: granted ? 'grant' : 'revoke',
    entityType: 'case_access',
    entityId: caseId,
    details: { userId },
  });
}
