import { type CaseAccessList, type CaseAccessReason, caseAccessReasons } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from './access.ts';

type Entry = CaseAccessList['entries'][number];

/**
 * Who may see a case and why: the lead, the lead's deputies, the team's leads and everyone granted access (with
 * who granted it and when). The same rule as the access check (access/policy.ts), read the other way round.
 * Only the team lead and the lead themselves may ask; the answer names colleagues, so reading it is audited.
 */
export async function caseAccessList(ctx: Ctx, caseId: string): Promise<CaseAccessList> {
  const loaded = await requireCase(ctx, caseId, 'read');
  if (loaded.reason !== 'team_lead' && loaded.reason !== 'lead') {
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
  const users = ctx.db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name', 'u.active'])
    .where('u.tenant_id', '=', tenantId);
  const entries: Entry[] = [];
  const add = (reason: CaseAccessReason, rows: { id: string; display_name: string; active: boolean }[]) => {
    for (const r of rows) {
      entries.push({
        user: { id: r.id, name: r.display_name },
        reason,
        active: r.active,
        grantedBy: null,
        grantedAt: null,
      });
    }
  };

  // Deactivated accounts cannot sign in and so have no access by their role; the lead and grants are records
  // the team lead manages and are shown either way.
  if (loaded.lead_user_id) {
    add('lead', await users.where('u.id', '=', loaded.lead_user_id).execute());
    add(
      'deputy',
      await users
        .innerJoin('deputy as d', (j) =>
          j.onRef('d.tenant_id', '=', 'u.tenant_id').onRef('d.deputy_user_id', '=', 'u.id'),
        )
        .where('d.user_id', '=', loaded.lead_user_id)
        .where('u.active', '=', true)
        .execute(),
    );
  }
  add(
    'team_lead',
    await users
      .where('u.team_id', '=', loaded.team_id)
      .where((eb) => eb(eb.val('team_lead'), '=', eb.fn.any('u.roles')))
      .where('u.active', '=', true)
      .execute(),
  );
  const grants = await ctx.db
    .selectFrom('case_access_grant as g')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.user_id'),
    )
    .leftJoin('app_user as by', (j) =>
      j.onRef('by.tenant_id', '=', 'g.tenant_id').onRef('by.id', '=', 'g.granted_by'),
    )
    .select([
      'u.id',
      'u.display_name',
      'u.active',
      'by.id as by_id',
      'by.display_name as by_name',
      'g.granted_at',
    ])
    .where('g.tenant_id', '=', tenantId)
    .where('g.case_id', '=', caseId)
    .execute();
  for (const g of grants) {
    entries.push({
      user: { id: g.id, name: g.display_name },
      reason: 'granted',
      active: g.active,
      grantedBy: g.by_id && g.by_name ? { id: g.by_id, name: g.by_name } : null,
      grantedAt: g.granted_at.toISOString(),
    });
  }

  const order = (e: Entry) => caseAccessReasons.values.indexOf(e.reason);
  entries.sort((a, b) => order(a) - order(b) || a.user.name.localeCompare(b.user.name, 'de'));
  await ctx.audit({ action: 'read', entityType: 'case_access', entityId: caseId });
  return { caseId, entries };
}
