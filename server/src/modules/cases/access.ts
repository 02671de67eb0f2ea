import { hasPermission, type Role, todayIso } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, actorToday } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import {
  type CaseAccessReason,
  type CaseAccessSubject,
  caseAccessReason,
  type HouseholdAccessSubject,
  mayReadRestrictedCase,
  mayUseHousehold,
} from '../access/policy.ts';
import { bumpCaseRowVersion, caseSubjects, householdAccessRows, staffAccessRows } from './queries/access.ts';

const toSubject = (row: {
  team_id: string | null;
  lead_user_id: string | null;
  granted: string[];
}): CaseAccessSubject => ({
  teamId: row.team_id,
  leadUserId: row.lead_user_id,
  grantedUserIds: row.granted,
});

export async function loadCaseSubject(db: Kysely<DB>, tenantId: string, caseId: string, today: string) {
  const [row] = await caseSubjects(db, tenantId, [caseId], today);
  return row ? { ...row, subject: toSubject(row) } : undefined;
}
export type LoadedCase = NonNullable<Awaited<ReturnType<typeof loadCaseSubject>>> & {
  reason: CaseAccessReason;
};

/**
 * The gate of every case operation: the case exists, the actor is allowed (lead, deputy, team lead, granted), and
 * for changes it is still open (unless the change puts a closed case's record right: `evenIfClosed`). A refusal is
 * audited even though the request's transaction rolls back.
 */
export async function requireCase(
  ctx: Ctx,
  caseId: string,
  purpose: 'read' | 'write',
  options: { evenIfClosed?: boolean } = {},
): Promise<LoadedCase> {
  const loaded = await loadCaseSubject(ctx.db, ctx.actor.tenantId, caseId, actorToday(ctx.actor));
  if (!loaded) throw AppError.notFound('Der Fall');
  const reason = caseAccessReason(ctx.actor, loaded.subject);
  if (!reason) {
    throw new AppError(
      'forbidden',
      'Sie haben keinen Zugriff auf diesen Fall. Zugriff haben die fallführende Fachkraft, ihre Vertretung, die Referatsleitung des Teams und von ihr berechtigte Personen.',
      { audit: { action: 'access_denied', entityType: 'case', entityId: caseId, details: { purpose } } },
    );
  }
  if (loaded.retention_state === 'gesperrt' && (purpose === 'write' || !mayReadRestrictedCase(reason))) {
    throw new AppError(
      'forbidden',
      'Diese Akte ist gesperrt (Einschränkung der Verarbeitung). Nur die Referatsleitung des Teams kann sie lesen; ändern kann sie niemand.',
      {
        audit: {
          action: 'access_denied',
          entityType: 'case',
          entityId: caseId,
          details: { purpose, restricted: true },
        },
      },
    );
  }
  if (purpose === 'write' && loaded.retention_state === 'geloescht') {
    throw new AppError(
      'conflict',
      'Diese Akte ist gelöscht (anonymisiert) und kann nicht mehr geändert werden.',
    );
  }
  if (purpose === 'write' && loaded.status === 'abgeschlossen' && !options.evenIfClosed) {
    throw new AppError('conflict', 'Der Fall ist abgeschlossen und kann nicht mehr geändert werden.');
  }
  return { ...loaded, reason };
}

/** The household rule's subjects for these households, with the access subjects of all their cases. */
async function householdSubjects(db: Kysely<DB>, actor: Actor, householdIds: string[]) {
  const households = await householdAccessRows(db, actor.tenantId, householdIds, actorToday(actor));
  return new Map(
    households.map((h): [string, HouseholdAccessSubject & { id: string }] => [
      h.id,
      { id: h.id, teamId: h.team_id, createdBy: h.created_by, cases: h.cases.map(toSubject) },
    ]),
  );
}

/**
 * The gate before a household is used for a new case: it exists and the actor may use it (policy.ts,
 * mayUseHousehold). A refusal is audited; it names nobody of the family.
 */
export async function requireHousehold(ctx: Ctx, householdId: string) {
  const subject = (await householdSubjects(ctx.db, ctx.actor, [householdId])).get(householdId);
  if (!subject) throw AppError.validation('householdId', 'Diesen Haushalt gibt es nicht.');
  if (!mayUseHousehold(ctx.actor, subject)) {
    throw new AppError(
      'forbidden',
      'Diese Familie ist bereits bekannt und Sie haben keinen Zugriff auf ihre Fälle. Bitte klären Sie die Zuständigkeit mit der Referatsleitung des zuständigen Teams; sie kann Ihnen Zugriff gewähren.',
      {
        fieldErrors: [{ field: 'householdId', message: 'Kein Zugriff auf diese Familie.' }],
        audit: {
          action: 'access_denied',
          entityType: 'household',
          entityId: householdId,
          details: { purpose: 'open_case' },
        },
      },
    );
  }
  return subject;
}

/** Which of these households may the actor use (for linking their persons into a new household)? */
export async function usableHouseholdIds(db: Kysely<DB>, actor: Actor, householdIds: string[]) {
  if (householdIds.length === 0) return new Set<string>();
  const subjects = await householdSubjects(db, actor, householdIds);
  return new Set([...subjects.values()].filter((s) => mayUseHousehold(actor, s)).map((s) => s.id));
}

/** Which of these cases may the actor see? */
export async function accessibleCaseIds(
  db: Kysely<DB>,
  actor: Actor,
  caseIds: string[],
): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await caseSubjects(db, actor.tenantId, caseIds, actorToday(actor));
  return new Set(rows.filter((r) => caseAccessReason(actor, toSubject(r))).map((r) => r.id));
}

/** Optimistic concurrency on the case row itself: bump its version or refuse (the case exists: requireCase ran). */
export async function bumpCaseVersion(ctx: Ctx, caseId: string, version: number): Promise<void> {
  if (!(await bumpCaseRowVersion(ctx.db, ctx.actor.tenantId, caseId, version)))
    throw AppError.versionConflict();
}

/**
 * Which of these users may open the case now: active, allowed case work by their role, and let in by the case rule.
 * Whoever is told about a case (a notification) must be one of them.
 */
export async function usersWhoMaySeeCase(
  db: Kysely<DB>,
  tenantId: string,
  subject: CaseAccessSubject,
  userIds: readonly string[],
  today = todayIso(),
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await staffAccessRows(db, tenantId, userIds, today);
  return rows
    .filter((u) => {
      const actor: Actor = {
        tenantId,
        userId: u.id,
        roles: u.roles as Role[],
        teamId: u.team_id,
        deputyFor: u.deputy_for,
      };
      return hasPermission(actor.roles, 'case:work') && caseAccessReason(actor, subject) !== null;
    })
    .map((u) => u.id);
}
