import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import {
  type CaseAccessReason,
  type CaseAccessSubject,
  caseAccessReason,
  type HouseholdAccessSubject,
  mayUseHousehold,
} from '../access/policy.ts';

/** The case rows the access rule needs, for one case or a list (one query either way). */
function caseSubjects(db: Kysely<DB>, tenantId: string, caseIds: string[]) {
  return db
    .selectFrom('case_file as c')
    .select([
      'c.id',
      'c.team_id',
      'c.lead_user_id',
      'c.status',
      'c.version',
      'c.household_id',
      'c.district_id',
      'c.opened_on',
      sql<string[]>`coalesce((select array_agg(g.user_id) from case_access_grant g
        where g.tenant_id = c.tenant_id and g.case_id = c.id), '{}')`.as('granted'),
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', 'in', caseIds)
    .execute();
}

const toSubject = (row: {
  team_id: string;
  lead_user_id: string | null;
  granted: string[];
}): CaseAccessSubject => ({
  teamId: row.team_id,
  leadUserId: row.lead_user_id,
  grantedUserIds: row.granted,
});

export async function loadCaseSubject(db: Kysely<DB>, tenantId: string, caseId: string) {
  const [row] = await caseSubjects(db, tenantId, [caseId]);
  return row ? { ...row, subject: toSubject(row) } : undefined;
}
export type LoadedCase = NonNullable<Awaited<ReturnType<typeof loadCaseSubject>>> & {
  reason: CaseAccessReason;
};

/**
 * The gate of every case operation: the case exists, the actor is allowed (lead, deputy, team lead, granted), and
 * for changes it is still open. A refusal is audited even though the request's transaction rolls back.
 */
export async function requireCase(ctx: Ctx, caseId: string, purpose: 'read' | 'write'): Promise<LoadedCase> {
  const loaded = await loadCaseSubject(ctx.db, ctx.actor.tenantId, caseId);
  if (!loaded) throw AppError.notFound('Der Fall');
  const reason = caseAccessReason(ctx.actor, loaded.subject);
  if (!reason) {
    throw new AppError(
      'forbidden',
      'Sie haben keinen Zugriff auf diesen Fall. Zugriff haben die fallführende Fachkraft, ihre Vertretung, die Referatsleitung des Teams und von ihr berechtigte Personen.',
      { audit: { action: 'access_denied', entityType: 'case', entityId: caseId, details: { purpose } } },
    );
  }
  if (purpose === 'write' && loaded.status === 'abgeschlossen') {
    throw new AppError('conflict', 'Der Fall ist abgeschlossen und kann nicht mehr geändert werden.');
  }
  return { ...loaded, reason };
}

/** The household rule's subjects for these households, with the access subjects of all their cases. */
async function householdSubjects(db: Kysely<DB>, tenantId: string, householdIds: string[]) {
  const households = await db
    .selectFrom('household as h')
    .select([
      'h.id',
      'h.team_id',
      'h.created_by',
      sql<{ team_id: string; lead_user_id: string | null; granted: string[] }[]>`coalesce((
        select json_agg(json_build_object('team_id', c.team_id, 'lead_user_id', c.lead_user_id, 'granted',
          coalesce((select array_agg(g.user_id) from case_access_grant g
            where g.tenant_id = c.tenant_id and g.case_id = c.id), '{}')))
        from case_file c where c.tenant_id = h.tenant_id and c.household_id = h.id), '[]')`.as('cases'),
    ])
    .where('h.tenant_id', '=', tenantId)
    .where('h.id', 'in', householdIds)
    .execute();
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
  const subject = (await householdSubjects(ctx.db, ctx.actor.tenantId, [householdId])).get(householdId);
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
  const subjects = await householdSubjects(db, actor.tenantId, householdIds);
  return new Set([...subjects.values()].filter((s) => mayUseHousehold(actor, s)).map((s) => s.id));
}

/** Which of these cases may the actor see? */
export async function accessibleCaseIds(
  db: Kysely<DB>,
  actor: Actor,
  caseIds: string[],
): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await caseSubjects(db, actor.tenantId, caseIds);
  return new Set(rows.filter((r) => caseAccessReason(actor, toSubject(r))).map((r) => r.id));
}

/** Optimistic concurrency on the case row itself: bump its version or refuse. */
export async function bumpCaseVersion(ctx: Ctx, caseId: string, version: number): Promise<void> {
  const result = await ctx.db
    .updateTable('case_file')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw AppError.versionConflict();
}
