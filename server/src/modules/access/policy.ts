import {
  CASE_NOTE_EDIT_HOURS,
  type ContentUse,
  hasPermission,
  type Permission,
  type Role,
  roles,
} from '@leuchtturm/shared';
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
  /** Null while the case waits on the allocation list (no team responsible for the address, or no address). */
  teamId: string | null;
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
  // A case without a team has no team lead yet: team leads see it only on the allocation list (mayAllocateCase).
  if (actor.roles.includes('team_lead') && subject.teamId !== null && actor.teamId === subject.teamId)
    return 'team_lead';
  if (subject.grantedUserIds.includes(actor.userId)) return 'granted';
  return null;
}

/**
 * The list form of the same rule, for queries that select many cases ("Meine Fälle", the team view, the search): the
 * cases led by the actor or someone she stands in for, or granted to her (scope mine), or the cases of the team she
 * leads (scope team). Together the two scopes, and so scope all, admit exactly the cases caseAccessReason admits
 * (caseRule.test.ts).
 */
export interface CaseListFilter {
  leadUserIds: string[];
  grantee: string | null;
  teamLeadOf: string | null;
}

export function caseListFilter(actor: Actor, scope: 'mine' | 'team' | 'all'): CaseListFilter {
  if (actor.userId === null) return { leadUserIds: [], grantee: null, teamLeadOf: null };
  const teamLeadOf = actor.roles.includes('team_lead') ? actor.teamId : null;
  if (scope === 'team') return { leadUserIds: [], grantee: null, teamLeadOf };
  const mine = { leadUserIds: [actor.userId, ...actor.deputyFor], grantee: actor.userId };
  return { ...mine, teamLeadOf: scope === 'all' ? teamLeadOf : null };
}

/** Whether a case passes a list filter (what the list query's SQL does, as a function for tests). */
export function matchesCaseListFilter(filter: CaseListFilter, subject: CaseAccessSubject): boolean {
  return (
    (subject.leadUserId !== null && filter.leadUserIds.includes(subject.leadUserId)) ||
    (filter.grantee !== null && subject.grantedUserIds.includes(filter.grantee)) ||
    (filter.teamLeadOf !== null && subject.teamId !== null && filter.teamLeadOf === subject.teamId)
  );
}

/**
 * What taking an intake gives: a case manager of the responsible team leads the new case; anyone else (but a team
 * lead, who reaches the team's cases anyway) keeps access by a grant until the team lead allocates it. A case
 * without a team (it waits on the allocation list) has no team lead yet, so whoever takes it keeps a grant.
 */
export function intakeAccess(
  actor: Actor,
  caseTeamId: string | null,
): { leadUserId: string | null; grantToTaker: boolean } {
  if (actor.userId === null) return { leadUserId: null, grantToTaker: false };
  if (caseTeamId === null) return { leadUserId: null, grantToTaker: true };
  if (actor.teamId === caseTeamId && actor.roles.includes('case_manager'))
    return { leadUserId: actor.userId, grantToTaker: false };
  return { leadUserId: null, grantToTaker: !actor.roles.includes('team_lead') };
}

/**
 * The allocation list (Zuteilung, docs/intake.md): a team lead with a team sees the open cases no team is
 * responsible for yet, with what allocating needs (case number, date, Stadtteil, how it came in, who took it),
 * never the family's names or concern, and takes one into her team. She reaches the case file only once it is
 * her team's. Anyone else is refused.
 */
export function mayAllocateCases(actor: Actor): string | null {
  if (actor.userId === null || !actor.roles.includes('team_lead') || actor.teamId === null) return null;
  return actor.teamId;
}

/** Who steers a case: only the lead of its team allocates the Fallführung and grants or revokes access. */
export function mayAllocateLead(reason: CaseAccessReason): boolean {
  return reason === 'team_lead';
}
/**
 * Wiederaufnahme of a closed case: the lead of its team or its lead case manager, who know why it was closed.
 * Deputies and granted colleagues read a closed case but do not reopen it.
 */
export function mayReopenCase(reason: CaseAccessReason): boolean {
  return reason === 'team_lead' || reason === 'lead';
}
/**
 * Handovers beyond the team (docs/handovers.md): moving the case to another team when the family moves, handing it
 * to another Jugendamt (§ 86c SGB VIII) and producing its handover package. The lead of its team or its lead case
 * manager; deputies and granted colleagues do not.
 */
export function mayHandOverCase(reason: CaseAccessReason): boolean {
  return reason === 'team_lead' || reason === 'lead';
}
/** Naming the receiving team of a move instead of the address's team: the team lead only. */
export function mayChooseReceivingTeam(reason: CaseAccessReason): boolean {
  return reason === 'team_lead';
}
export function mayGrantCaseAccess(reason: CaseAccessReason): boolean {
  return reason === 'team_lead';
}

/** Who may see who else may see a case (it names colleagues): the team lead and the lead case manager. */
export function mayViewCaseAccess(reason: CaseAccessReason): boolean {
  return reason === 'team_lead' || reason === 'lead';
}

/** What the household rule needs: its team, who registered it, and the access subjects of its cases. */
export interface HouseholdAccessSubject {
  teamId: string | null;
  createdBy: string | null;
  cases: readonly CaseAccessSubject[];
}

/**
 * May the actor work with a household (open a case on it, link its persons into another household)? Through it
 * one sees the whole family, so it takes access to one of its cases. A household without a case yet belongs to
 * whoever registered it (the intake in progress) and to the lead of its team. Anyone else goes through the
 * duplicate hint to the responsible team lead, who can grant access.
 */
export function mayUseHousehold(actor: Actor, subject: HouseholdAccessSubject): boolean {
  if (actor.userId === null) return false;
  if (subject.cases.length > 0) return subject.cases.some((c) => caseAccessReason(actor, c) !== null);
  if (subject.createdBy !== null && subject.createdBy === actor.userId) return true;
  return actor.roles.includes('team_lead') && subject.teamId !== null && actor.teamId === subject.teamId;
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

/**
 * May the actor approve a measure of a case of this team (above the tenant's monthly threshold)? The lead of the
 * case's team (Referatsleitung) approves, and starts such a measure without waiting, also on a case they lead
 * themselves. The list of measures awaiting approval is built from the same rule (the actor's own team).
 */
export function mayApproveMeasure(actor: Actor, subject: Pick<CaseAccessSubject, 'teamId'>): boolean {
  return (
    actor.userId !== null &&
    actor.roles.includes('team_lead') &&
    actor.teamId !== null &&
    actor.teamId === subject.teamId
  );
}

/** Until when the author may change an Aktenvermerk: 24 hours after writing it. */
export function caseNoteEditableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + CASE_NOTE_EDIT_HOURS * 3_600_000);
}

/**
 * May the actor change this Aktenvermerk now? Only its author, and only until 24 hours after writing it; after
 * that it is fixed and a correction is a new note pointing at it. Answers why not, or null when allowed.
 */
export function caseNoteEditRefusal(
  actor: Actor,
  note: { authorId: string; createdAt: Date },
  now: Date,
): 'not_author' | 'fixed' | null {
  if (actor.userId === null || actor.userId !== note.authorId) return 'not_author';
  if (now.getTime() >= caseNoteEditableUntil(note.createdAt).getTime()) return 'fixed';
  return null;
}

/**
 * Whose work list may the actor read besides her own? A team lead reads her team's (the cases caseListFilter's
 * scope team admits, with each case manager's caseload); anyone else only their own. Answers the team, or null.
 */
export function teamWorklistOf(actor: Actor): string | null {
  if (actor.userId === null || !actor.roles.includes('team_lead') || actor.teamId === null) return null;
  return actor.teamId;
}

/**
 * Whom to tell when a child-protection deadline passes (docs/worklist.md): the lead case manager, the case team's
 * lead (Referatsleitung: the team's named lead and whoever holds the role in the team) and the team lead's deputies.
 * These are candidates only: the caller keeps those the case-access rule admits (usersWhoMaySeeCase), so nobody is
 * told about a case they may not open.
 */
export function deadlineEscalationCandidates(subject: {
  leadUserId: string | null;
  teamLeadUserIds: readonly string[];
  teamLeadDeputyIds: readonly string[];
}): string[] {
  return [
    ...new Set([
      ...subject.teamLeadUserIds,
      ...subject.teamLeadDeputyIds,
      ...(subject.leadUserId ? [subject.leadUserId] : []),
    ]),
  ];
}

/**
 * Who plans and runs preventive micro-projects and commits their budget: team leads (Referatsleitung, who lead the
 * work) and the Sozialraumkoordination, each in the districts their team is responsible for (`teamDistrictIds`:
 * the districts of the streets assigned to the actor's team).
 */
export function mayManageMicroProjectIn(
  actor: Actor,
  teamDistrictIds: readonly string[],
  districtId: string,
): boolean {
  if (!actor.roles.includes('team_lead') && !actor.roles.includes('district_coordinator')) return false;
  return teamDistrictIds.includes(districtId);
}

/**
 * Case-independent work in the district (visits, walks, explorations, talks, networks; docs/district-visits-and-
 * networks.md) belongs to the team that did it: its case managers, its team lead and its Sozialraumkoordination
 * record and read it; nobody of another team, and controlling only counts (districtwork:counts).
 */
export function mayDoDistrictWorkOf(actor: Actor, teamId: string): boolean {
  if (actor.userId === null || actor.teamId === null || actor.teamId !== teamId) return false;
  return actor.roles.some((r) => r === 'case_manager' || r === 'team_lead' || r === 'district_coordinator');
}

/**
 * Who may enter, change or remove an absence (Abwesenheit with Vertretung, docs/decisions.md): the absent person
 * herself, the team lead of her team, and administrators. Whom it lists: the same people, and the deputy sees the
 * absences she covers. The deputy gains the absent person's case access for the period only (auth/sessions.ts).
 */
export function mayManageAbsenceOf(actor: Actor, absent: { id: string; teamId: string | null }): boolean {
  if (actor.userId === null) return false;
  if (actor.userId === absent.id || actor.roles.includes('admin')) return true;
  return actor.roles.includes('team_lead') && actor.teamId !== null && actor.teamId === absent.teamId;
}

/** Which absences the actor sees in the list: all (admin), or her own, those she covers and (team lead) her team's. */
export function absenceListScope(
  actor: Actor,
): { userId: string; teamId: string | null; all: boolean } | null {
  if (actor.userId === null) return null;
  return {
    userId: actor.userId,
    teamId: actor.roles.includes('team_lead') ? actor.teamId : null,
    all: actor.roles.includes('admin'),
  };
}

/**
 * The Wochenkonferenz is the team's own meeting (docs/conference-and-team.md): its members read it (it names their
 * cases and the closing tips), the team's lead prepares and minutes it. Other teams see nothing of it. Answers
 * 'manage', 'read' or null.
 */
export function conferenceAccess(actor: Actor, teamId: string): 'manage' | 'read' | null {
  if (actor.userId === null || actor.teamId === null || actor.teamId !== teamId) return null;
  if (actor.roles.includes('team_lead')) return 'manage';
  return hasPermission(actor.roles, 'conference:read') ? 'read' : null;
}

/** Who keeps a person's expertise and training status: the lead of the person's team. */
export function mayManageTeamMember(actor: Actor, member: { teamId: string | null }): boolean {
  if (actor.userId === null || !actor.roles.includes('team_lead')) return false;
  return actor.teamId !== null && actor.teamId === member.teamId;
}

/** What the § 65 rule needs to know about a confided item (docs/data-protection.md). */
export interface ConfidedSubject {
  /** The author who marked it. */
  confidedBy: string;
  /** The member of staff it was confided to. */
  confidedTo: string;
  /** Users with a share that is not revoked. */
  sharedWith: readonly string[];
  /** A consent or legal exception for passing it on is recorded. */
  released: boolean;
}

/**
 * § 65 SGB VIII: confided content is shown only to the person it was confided to, its author and those they
 * deliberately shared it with, and leaves the office (PDF, export, handover, Auskunft) only with a recorded release,
 * and then still only through one of them. Everyone else gets the placeholder. Unmarked content: shown.
 * confided/queries/visibility.ts is the same rule as SQL, used by every loader.
 */
export function confidedContentShown(
  actor: Pick<Actor, 'userId'>,
  mark: ConfidedSubject | null,
  use: ContentUse,
): boolean {
  if (mark === null) return true;
  if (actor.userId === null) return false;
  if (use !== 'view' && !mark.released) return false;
  return (
    actor.userId === mark.confidedTo ||
    actor.userId === mark.confidedBy ||
    mark.sharedWith.includes(actor.userId)
  );
}

/**
 * Who marks an item as confided, at creation or later: its author (of the note; who uploaded the file; for a
 * Kurzberatung, the staff who took part in it).
 */
export function mayMarkConfided(actor: Actor, item: { authorIds: readonly string[] }): boolean {
  return actor.userId !== null && item.authorIds.includes(actor.userId);
}

/** Who shares a confided item, revokes a share or records a release: the confidant and the marking author. */
export function mayManageConfided(
  actor: Actor,
  mark: Pick<ConfidedSubject, 'confidedBy' | 'confidedTo'>,
): boolean {
  return actor.userId !== null && (actor.userId === mark.confidedTo || actor.userId === mark.confidedBy);
}

/**
 * Retention (docs/retention.md). Erasure takes two people: the lead case manager or the team lead proposes it, a
 * team lead of the case's team other than the proposer confirms it. Only the team lead restricts a file (Sperrung)
 * and reads a restricted one; nobody changes it.
 */
export function mayProposeErasure(reason: CaseAccessReason): boolean {
  return reason === 'lead' || reason === 'team_lead';
}
export function mayConfirmErasure(
  actor: Actor,
  reason: CaseAccessReason,
  proposedBy: string | null,
): boolean {
  return reason === 'team_lead' && actor.userId !== null && actor.userId !== proposedBy;
}
export function mayRestrictCase(reason: CaseAccessReason): boolean {
  return reason === 'team_lead';
}
export function mayReadRestrictedCase(reason: CaseAccessReason): boolean {
  return reason === 'team_lead';
}
