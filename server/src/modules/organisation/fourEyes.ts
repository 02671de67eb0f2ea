import { roleLabels, type StaffInput } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { caseAccessRoles } from '../access/policy.ts';
import { findDeputyship, findRolesAndTeam } from './queries/staff.ts';

/**
 * Four eyes on access to social data: an admin manages accounts but must not open cases to itself. Whatever would
 * give its own account case access (a case role, another team for a case role, a deputyship, a team's lead) has to
 * be done by another admin. Refusals are 403 and audited like every refused access (http/permissions.ts).
 */
const otherAdmin =
  'Das muss eine andere Person mit Administrationsrechten tun (Vier-Augen-Prinzip), damit sich niemand selbst Zugriff auf Fälle verschafft.';

function refuse(field: string, message: string): never {
  throw new AppError('forbidden', message, { fieldErrors: [{ field, message }] });
}

/**
 * Checks a new account (`accountId` null) or a change of one by the acting admin. Only what changes is checked, so
 * that an account another admin set up can still be saved unchanged.
 */
export async function checkStaffFourEyes(
  ctx: Ctx,
  accountId: string | null,
  input: StaffInput,
): Promise<void> {
  const self = ctx.actor.userId;
  if (self === null) return;
  const tenantId = ctx.actor.tenantId;
  if (accountId !== self && input.deputyIds.includes(self)) {
    const already = accountId !== null && (await findDeputyship(ctx.db, tenantId, accountId, self));
    if (!already) {
      refuse('deputyIds', `Sie können sich nicht selbst als Vertretung eintragen. ${otherAdmin}`);
    }
  }
  if (accountId !== self) return;
  const current = await findRolesAndTeam(ctx.db, tenantId, self);
  if (!current) return;
  const added = input.roles.filter((r) => caseAccessRoles.includes(r) && !current.roles.includes(r));
  if (added.length > 0) {
    const names = added.map((r) => `„${roleLabels[r]}“`).join(' und ');
    refuse('roles', `Die Rolle ${names} können Sie sich nicht selbst geben. ${otherAdmin}`);
  }
  const caseWork = input.roles.some((r) => caseAccessRoles.includes(r));
  if (caseWork && input.teamId !== current.team_id) {
    refuse('teamId', `Ihr eigenes Team können Sie nicht selbst wechseln. ${otherAdmin}`);
  }
}

/** An admin cannot make itself the lead of a team; keeping an unchanged lead (set by someone else) is fine. */
export function checkTeamLeadFourEyes(ctx: Ctx, leadUserId: string | null, currentLead: string | null): void {
  if (leadUserId !== null && leadUserId === ctx.actor.userId && leadUserId !== currentLead) {
    refuse('leadUserId', `Sie können sich nicht selbst zur Teamleitung machen. ${otherAdmin}`);
  }
}
