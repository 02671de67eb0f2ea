import { berlinDateOf } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { systemActor } from '../../shared/actor.ts';
import { deadlineEscalationCandidates } from '../access/policy.ts';
import { recordAudit } from '../audit/chain.ts';
import { usersWhoMaySeeCase } from '../cases/access.ts';
import type { JobHandler } from '../jobs/registry.ts';
import { notify } from '../notifications/service.ts';
import {
  allTenantIds,
  type ClaimedDeadline,
  claimPassedDeadlines,
  deputiesOf,
  escalationCases,
  recordNotified,
  stepTitles,
} from './queries/escalation.ts';

/**
 * Escalation of passed child-protection deadlines (docs/worklist.md): the sweep `kinderschutz.fristen` runs every
 * minute in the durable job runner (jobs/handlers.ts), in the job's transaction. Each deadline that has passed is
 * recorded once (deadline_escalation), and the case's team lead, the team lead's deputies and the lead case manager
 * are notified in the app, as far as the case-access rule lets them open the case. A deadline that passed while the
 * server was down is escalated by the first run after the start, once.
 */
export const ESCALATION_JOB = 'kinderschutz.fristen';
export const ESCALATION_EVERY_MS = 60_000;
/** At most this many deadlines of a tenant per run (one transaction); the rest follow in the next minutes. */
export const ESCALATIONS_PER_RUN = 200;

export const escalateChildProtectionDeadlines: JobHandler = async ({ db, now }) => {
  for (const tenant of await allTenantIds(db)) await escalateTenant(db, tenant.id, now);
};

/** One tenant's passed deadlines; answers how many were escalated now. */
export async function escalateTenant(db: Kysely<DB>, tenantId: string, now: Date): Promise<number> {
  const claimed = await claimPassedDeadlines(db, tenantId, now, ESCALATIONS_PER_RUN);
  if (claimed.length === 0) return 0;
  const [cases, titles] = await Promise.all([
    escalationCases(db, tenantId, [...new Set(claimed.map((d) => d.case_id))], berlinDateOf(now)),
    stepTitles(
      db,
      tenantId,
      claimed.filter((d) => d.source_type === 'process_step').map((d) => d.source_id),
    ),
  ]);
  const deputies = await deputiesOf(db, tenantId, [...new Set(cases.flatMap((c) => c.team_lead_ids))]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const titleById = new Map(titles.map((t) => [t.id, t.title]));
  for (const deadline of claimed) {
    const c = caseById.get(deadline.case_id);
    if (!c) continue;
    const teamLeadDeputyIds = deputies
      .filter((d) => c.team_lead_ids.includes(d.user_id))
      .map((d) => d.deputy_user_id);
    const candidates = deadlineEscalationCandidates({
      leadUserId: c.lead_user_id,
      teamLeadUserIds: c.team_lead_ids,
      teamLeadDeputyIds,
    });
    // Only those the case-access rule admits: a deputy of the team lead who may not open the case is not told.
    const recipients = await usersWhoMaySeeCase(
      db,
      tenantId,
      { teamId: c.team_id, leadUserId: c.lead_user_id, grantedUserIds: c.granted },
      candidates,
      berlinDateOf(now),
    );
    const what =
      deadline.source_type === 'child_protection_check'
        ? 'Gefährdungseinschätzung'
        : (titleById.get(deadline.source_id) ?? 'Prozessschritt');
    const notified = await notify(db, {
      tenantId,
      userIds: recipients,
      kind: 'kinderschutz_frist',
      title: notificationTitle(what, c.case_number),
      link: `/faelle/${c.id}?bereich=kinderschutz`,
      dedupeKey: dedupeKeyOf(deadline),
    });
    await recordNotified(db, tenantId, deadline.id, notified);
    await recordAudit(db, systemActor(tenantId), {
      action: 'create',
      entityType: 'deadline_escalation',
      entityId: deadline.id,
      details: {
        caseId: c.id,
        sourceType: deadline.source_type,
        sourceId: deadline.source_id,
        dueAt: deadline.due_at.toISOString(),
        notifiedUserIds: notified,
        teamLeadNotified: c.team_lead_ids.some((id) => notified.includes(id)),
      },
    });
  }
  return claimed.length;
}

/** Each deadline notifies each user once (a new deadline of the same record, after a new urgency, is new). */
export function dedupeKeyOf(d: Pick<ClaimedDeadline, 'source_type' | 'source_id' | 'due_at'>): string {
  return `kinderschutz-frist:${d.source_type}:${d.source_id}:${d.due_at.toISOString()}`;
}

/** One line, no person: what passed and the case's number. */
export function notificationTitle(what: string, caseNumber: string): string {
  const shortWhat = what.length > 120 ? `${what.slice(0, 119)}…` : what;
  return `Kinderschutzfrist überschritten: ${shortWhat} (Fall ${caseNumber})`;
}
