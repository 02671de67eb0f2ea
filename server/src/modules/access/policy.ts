import { hasPermission, type Permission, type Role, roles } from '@leuchtturm/shared';
import type { Actor } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import type { AuditEntry } from '../audit/chain.ts';

/**
 * The one place that decides who may do what. Deny by default: anything not granted here is refused.
 * Routes declare a role permission (checked before the handler runs); services holding a record call
 * `requireCaseAccess` before they read or change it.
 */
export function requirePermission(actor: Actor, permission: Permission, audit?: () => AuditEntry): void {
  if (!hasPermission(actor.roles, permission)) {
    throw new AppError('forbidden', 'Für diese Aktion fehlt Ihnen die Berechtigung.', { audit: audit?.() });
  }
}

/** Roles that open the case work (and with a team or a deputyship, social data): given only under four eyes. */
export const caseAccessRoles: readonly Role[] = roles.filter((role) => hasPermission([role], 'case:work'));

/** What the case-access rule needs to know about a case; later modules load it from their case table. */
export interface CaseAccessSubject {
  teamId: string;
  leadUserId: string | null;
  /** Users the team lead granted access to this case. */
  grantedUserIds: readonly string[];
}

export type CaseAccessReason = 'lead' | 'deputy' | 'team_lead' | 'granted';

/**
 * Social data (SGB VIII §§ 61-68) may be seen only by those responsible for the case: the lead case manager,
 * their deputies, the lead of the case's team, and people the team lead granted access. Nobody else: not
 * other teams, not the director, not controlling (which works on aggregates only).
 */
export function caseAccessReason(actor: Actor, subject: CaseAccessSubject): CaseAccessReason | null {
  if (actor.userId === null) return null;
  if (subject.leadUserId !== null && subject.leadUserId === actor.userId) return 'lead';
  if (subject.leadUserId !== null && actor.deputyFor.includes(subject.leadUserId)) return 'deputy';
  if (actor.roles.includes('team_lead') && actor.teamId === subject.teamId) return 'team_lead';
  if (subject.grantedUserIds.includes(actor.userId)) return 'granted';
  return null;
}

export function requireCaseAccess(actor: Actor, subject: CaseAccessSubject): CaseAccessReason {
  const reason = caseAccessReason(actor, subject);
  if (!reason) {
    throw new AppError(
      'forbidden',
      'Sie haben keinen Zugriff auf diesen Fall. Zugriff haben die fallführende Fachkraft, ihre Vertretung, die Referatsleitung des Teams und von ihr berechtigte Personen.',
    );
  }
  return reason;
}
