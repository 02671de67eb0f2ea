import { type CaseAccessList, type CaseAccessReason, caseAccessReasons } from '@leuchtturm/shared';
import { actorToday } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { mayViewCaseAccess } from '../access/policy.ts';
import { requireCase } from './access.ts';
import { activeDeputiesOf, activeTeamLeadsOf, grantsOfCase, userById } from './queries/accessList.ts';

type Entry = CaseAccessList['entries'][number];

/**
 * Who may see a case and why: the lead, the lead's deputies (standing, or for an absence that includes today), the team's leads and everyone granted access (with
 * who granted it and when). The same rule as the access check (access/policy.ts), read the other way round.
 * Only the team lead and the lead themselves may ask; the answer names colleagues, so reading it is audited.
 */
export async function caseAccessList(ctx: Ctx, caseId: string): Promise<CaseAccessList> {
  const loaded = await requireCase(ctx, caseId, 'read');
  if (!mayViewCaseAccess(loaded.reason)) {
    throw new AppError(
      'forbidden',
      'Wer Zugriff auf den Fall hat, sehen nur die Referatsleitung des Teams und die fallführende Fachkraft.',
      {
        audit: {
          action: 'access_denied',
          entityType: 'case_access',
          entityId: caseId,
          details: { purpose: 'read' },
        },
      },
    );
  }
  const tenantId = ctx.actor.tenantId;
  const today = actorToday(ctx.actor);
  const entries: Entry[] = [];
  const add = (
    reason: CaseAccessReason,
    rows: { id: string; display_name: string; active: boolean; valid_until?: string | null }[],
  ) => {
    for (const r of rows) {
      entries.push({
        user: { id: r.id, name: r.display_name },
        reason,
        active: r.active,
        grantedBy: null,
        grantedAt: null,
        validUntil: r.valid_until ?? null,
      });
    }
  };

  // Deactivated accounts cannot sign in and so have no access by their role; the lead and grants are records
  // the team lead manages and are shown either way.
  if (loaded.lead_user_id) {
    add('lead', await userById(ctx.db, tenantId, loaded.lead_user_id));
    const deputies = await activeDeputiesOf(ctx.db, tenantId, loaded.lead_user_id, today);
    // A standing deputy who also covers an absence is listed once, without an end.
    const standing = new Set(deputies.filter((d) => d.valid_until === null).map((d) => d.id));
    add(
      'deputy',
      deputies.filter((d) => d.valid_until === null || !standing.has(d.id)),
    );
  }
  if (loaded.team_id) add('team_lead', await activeTeamLeadsOf(ctx.db, tenantId, loaded.team_id));
  const grants = await grantsOfCase(ctx.db, tenantId, caseId, today);
  for (const g of grants) {
    entries.push({
      user: { id: g.id, name: g.display_name },
      reason: 'granted',
      active: g.active,
      grantedBy: g.by_id && g.by_name ? { id: g.by_id, name: g.by_name } : null,
      grantedAt: g.granted_at.toISOString(),
      validUntil: g.valid_until,
    });
  }

  const order = (e: Entry) => caseAccessReasons.values.indexOf(e.reason);
  entries.sort((a, b) => order(a) - order(b) || a.user.name.localeCompare(b.user.name, 'de'));
  await ctx.audit({ action: 'read', entityType: 'case_access', entityId: caseId });
  return { caseId, entries };
}
