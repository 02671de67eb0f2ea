import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { type CaseAccessReason, type CaseAccessSubject, caseAccessReason } from '../access/policy.ts';

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
