import { type AbsenceInput, berlinDateOf, hasPermission, type Role } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { absenceListScope, mayManageAbsenceOf } from '../access/policy.ts';
import { presentAbsence } from './presenter.ts';
import {
  deleteAbsenceRow,
  findAbsence,
  findAbsenceParty,
  findOverlappingAbsence,
  insertAbsence,
  listAbsences,
  updateAbsenceRow,
} from './queries/absences.ts';

/**
 * Absences (Abwesenheit) with a deputy for the period (docs/worklist.md, "Whose list"). The deputy's access comes
 * from the session (auth/queries.ts: findSessionWithUser on the app's today), so it starts and ends with the period by
 * itself; nothing here grants or revokes anything.
 */

function refused(id: string | null): AppError {
  return new AppError(
    'forbidden',
    'Abwesenheiten tragen die abwesende Person selbst, die Referatsleitung ihres Teams oder die Administration ein.',
    {
      audit: { action: 'access_denied', entityType: 'absence', entityId: id, details: { purpose: 'write' } },
    },
  );
}

/** Access first (403, audited), then the rules (400 naming the field). */
async function checkAbsence(ctx: Ctx, input: AbsenceInput, today: string, exceptId: string | null) {
  const tenantId = ctx.actor.tenantId;
  const absent = await findAbsenceParty(ctx.db, tenantId, input.userId);
  if (!absent) throw AppError.validation('userId', 'Diese Person gibt es nicht.');
  if (!mayManageAbsenceOf(ctx.actor, { id: absent.id, teamId: absent.team_id })) throw refused(exceptId);
  if (input.toOn < input.fromOn) {
    throw AppError.validation('toOn', 'Das Ende der Abwesenheit liegt vor ihrem Beginn.');
  }
  if (input.toOn < today) {
    throw AppError.validation(
      'toOn',
      'Die Abwesenheit liegt in der Vergangenheit; ihr Ende muss heute oder später sein.',
    );
  }
  if (input.deputyUserId === input.userId) {
    throw AppError.validation('deputyUserId', 'Niemand kann sich selbst vertreten.');
  }
  const deputy = await findAbsenceParty(ctx.db, tenantId, input.deputyUserId);
  // The deputy opens the absent person's cases: an active case worker of the same team (who knows its families).
  if (
    !deputy?.active ||
    !hasPermission(deputy.roles as Role[], 'case:work') ||
    deputy.team_id === null ||
    deputy.team_id !== absent.team_id
  ) {
    throw AppError.validation(
      'deputyUserId',
      'Die Vertretung muss eine aktive Fachkraft oder Referatsleitung desselben Teams sein.',
    );
  }
  const overlap = await findOverlappingAbsence(
    ctx.db,
    tenantId,
    input.userId,
    input.fromOn,
    input.toOn,
    exceptId,
  );
  if (overlap) {
    throw AppError.validation(
      'fromOn',
      'Für diesen Zeitraum ist schon eine Abwesenheit dieser Person eingetragen.',
    );
  }
}

export async function listVisibleAbsences(ctx: Ctx, now: Date) {
  const scope = absenceListScope(ctx.actor);
  if (!scope) return [];
  const rows = await listAbsences(ctx.db, ctx.actor.tenantId, berlinDateOf(now), scope);
  return rows.map(presentAbsence);
}

export async function createAbsence(ctx: Ctx, input: AbsenceInput, now: Date) {
  await checkAbsence(ctx, input, berlinDateOf(now), null);
  const row = await insertAbsence(ctx.db, {
    tenant_id: ctx.actor.tenantId,
    user_id: input.userId,
    deputy_user_id: input.deputyUserId,
    from_on: input.fromOn,
    to_on: input.toOn,
    note: input.note || null,
    created_by: ctx.actor.userId,
  });
  await ctx.audit({
    action: 'create',
    entityType: 'absence',
    entityId: row.id,
    details: {
      userId: input.userId,
      deputyUserId: input.deputyUserId,
      fromOn: input.fromOn,
      toOn: input.toOn,
    },
  });
  return row.id;
}

async function loadForChange(ctx: Ctx, id: string) {
  const existing = await findAbsence(ctx.db, ctx.actor.tenantId, id);
  if (!existing) throw AppError.notFound('Die Abwesenheit');
  const absent = await findAbsenceParty(ctx.db, ctx.actor.tenantId, existing.user_id);
  if (!absent || !mayManageAbsenceOf(ctx.actor, { id: absent.id, teamId: absent.team_id })) throw refused(id);
  return existing;
}

export async function updateAbsence(ctx: Ctx, id: string, version: number, input: AbsenceInput, now: Date) {
  const existing = await loadForChange(ctx, id);
  if (input.userId !== existing.user_id) {
    throw AppError.validation('userId', 'Die abwesende Person einer Abwesenheit lässt sich nicht ändern.');
  }
  await checkAbsence(ctx, input, berlinDateOf(now), id);
  const result = await updateAbsenceRow(ctx.db, ctx.actor.tenantId, id, version, {
    deputy_user_id: input.deputyUserId,
    from_on: input.fromOn,
    to_on: input.toOn,
    note: input.note || null,
  });
  await expectOneUpdated(result, () => findAbsence(ctx.db, ctx.actor.tenantId, id), 'Die Abwesenheit');
  await ctx.audit({
    action: 'update',
    entityType: 'absence',
    entityId: id,
    details: {
      userId: input.userId,
      deputyUserId: input.deputyUserId,
      fromOn: input.fromOn,
      toOn: input.toOn,
    },
  });
}

export async function deleteAbsence(ctx: Ctx, id: string) {
  const existing = await loadForChange(ctx, id);
  await deleteAbsenceRow(ctx.db, ctx.actor.tenantId, id);
  await ctx.audit({
    action: 'delete',
    entityType: 'absence',
    entityId: id,
    details: { userId: existing.user_id },
  });
}
