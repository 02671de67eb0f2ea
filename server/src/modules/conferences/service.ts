import {
  addDays,
  type ConferenceDetail,
  type ConferenceItemInput,
  type ConferenceNeedInput,
  type ConferenceRegistrationInput,
  type ConferenceSummary,
  type ConferenceUpdate,
  type TopicHit,
  weekdayOf,
} from '@leuchtturm/shared';
import { actorToday } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { conferenceAccess } from '../access/policy.ts';
import { requireCase } from '../cases/access.ts';
import { recordNeed } from '../needs/workflow.ts';
import { presentConferenceDetail, presentConferenceSummary, presentTopicHit } from './presenter.ts';
import {
  type ConferenceRow,
  ensureConference,
  listConferences,
  loadConference,
  nextConferenceDay,
  previousConferenceDay,
  searchTopics,
  setAttendance,
  teamMembers,
  teamName,
  updateConference,
} from './queries/conferences.ts';
import { closingsBetween, conferenceItems, insertItem, projectExists } from './queries/items.ts';

/**
 * The Wochenkonferenz (docs/conference-and-team.md). It names cases and their closing tips, so every read is
 * audited; the policy (conferenceAccess) admits the team's members only and lets the team's lead prepare it.
 */

function refused(teamId: string, purpose: 'read' | 'write') {
  return new AppError(
    'forbidden',
    purpose === 'read'
      ? 'Die Wochenkonferenz sehen nur die Mitglieder des Teams.'
      : 'Die Wochenkonferenz bereitet die Referatsleitung des Teams vor.',
    { audit: { action: 'access_denied', entityType: 'team', entityId: teamId, details: { purpose } } },
  );
}

function requireTeamAccess(ctx: Ctx, teamId: string, purpose: 'read' | 'write'): 'manage' | 'read' {
  const access = conferenceAccess(ctx.actor, teamId);
  if (!access || (purpose === 'write' && access !== 'manage')) throw refused(teamId, purpose);
  return access;
}

async function requireConference(ctx: Ctx, id: string, purpose: 'read' | 'write') {
  const conference = await loadConference(ctx.db, ctx.actor.tenantId, id);
  if (!conference) throw AppError.notFound('Die Wochenkonferenz');
  const access = requireTeamAccess(ctx, conference.team_id, purpose);
  return { conference, access };
}

function ownTeam(ctx: Ctx, teamId: string | undefined): string {
  const team = teamId ?? ctx.actor.teamId;
  if (!team) throw AppError.validation('teamId', 'Sie gehören keinem Team an; bitte ein Team wählen.');
  return team;
}

export async function teamConferences(ctx: Ctx, teamId: string | undefined): Promise<ConferenceSummary[]> {
  const team = ownTeam(ctx, teamId);
  requireTeamAccess(ctx, team, 'read');
  const rows = await listConferences(ctx.db, ctx.actor.tenantId, team);
  return rows.map(presentConferenceSummary);
}

export async function createConference(ctx: Ctx, input: { teamId: string; heldOn: string }) {
  requireTeamAccess(ctx, input.teamId, 'write');
  if (!(await teamName(ctx.db, ctx.actor.tenantId, input.teamId)))
    throw AppError.validation('teamId', 'Dieses Team gibt es nicht.');
  const id = await ensureConference(ctx.db, ctx.actor.tenantId, input.teamId, input.heldOn);
  await ctx.audit({ action: 'create', entityType: 'conference', entityId: id });
  return { id };
}

/** The closings shown: those after the team's previous conference (or the week before, for the first one). */
async function closingTips(ctx: Ctx, conference: ConferenceRow) {
  const tenantId = ctx.actor.tenantId;
  const previous = await previousConferenceDay(ctx.db, tenantId, conference.team_id, conference.held_on);
  const after = previous ?? addDays(conference.held_on, -7);
  return {
    after,
    tips: await closingsBetween(ctx.db, tenantId, conference.team_id, after, conference.held_on),
  };
}

export async function conferenceDetail(ctx: Ctx, id: string): Promise<ConferenceDetail> {
  const { conference, access } = await requireConference(ctx, id, 'read');
  const tenantId = ctx.actor.tenantId;
  const [items, closings, members] = await Promise.all([
    conferenceItems(ctx.db, tenantId, id),
    closingTips(ctx, conference),
    teamMembers(ctx.db, tenantId, conference.team_id, id),
  ]);
  await ctx.audit({ action: 'read', entityType: 'conference', entityId: id });
  return presentConferenceDetail(conference, {
    items,
    closedAfter: closings.after,
    tips: closings.tips,
    members,
    mayManage: access === 'manage',
  });
}

export async function changeConference(ctx: Ctx, id: string, input: ConferenceUpdate) {
  const { conference } = await requireConference(ctx, id, 'write');
  const tenantId = ctx.actor.tenantId;
  const members = await teamMembers(ctx.db, tenantId, conference.team_id, id);
  const memberIds = new Set(members.map((m) => m.id));
  const index = input.attendeeIds.findIndex((userId) => !memberIds.has(userId));
  if (index >= 0)
    throw AppError.validation(`attendeeIds.${index}`, 'Anwesend sein können nur Mitglieder des Teams.');
  const result = await updateConference(ctx.db, tenantId, id, {
    minutes: input.minutes,
    version: input.version,
  });
  await expectOneUpdated(result, async () => true, 'Die Wochenkonferenz');
  await setAttendance(ctx.db, tenantId, id, [...new Set(input.attendeeIds)]);
  await ctx.audit({
    action: 'update',
    entityType: 'conference',
    entityId: id,
    details: { fields: ['minutes', 'attendance'] },
  });
}

/** A case on the agenda must be one the actor may open, of the conference's team (checked by the access rule). */
async function requireTeamCase(ctx: Ctx, caseId: string, teamId: string) {
  const loaded = await requireCase(ctx, caseId, 'read');
  if (loaded.team_id !== teamId) throw AppError.validation('caseId', 'Der Fall gehört nicht zu diesem Team.');
  return loaded;
}

export async function addItem(ctx: Ctx, id: string, input: ConferenceItemInput) {
  const { conference } = await requireConference(ctx, id, 'write');
  const tenantId = ctx.actor.tenantId;
  if (input.caseId) await requireTeamCase(ctx, input.caseId, conference.team_id);
  if (input.microProjectId && !(await projectExists(ctx.db, tenantId, input.microProjectId)))
    throw AppError.validation('microProjectId', 'Dieses Mikroprojekt gibt es nicht.');
  const itemId = await insertItem(ctx.db, tenantId, {
    conferenceId: id,
    rubric: input.rubric,
    title: input.title,
    body: input.body ?? '',
    caseId: input.caseId ?? null,
    needId: null,
    microProjectId: input.microProjectId ?? null,
    createdBy: ctx.actor.userId,
  });
  await ctx.audit({
    action: 'create',
    entityType: 'conference_item',
    entityId: itemId,
    details: { conferenceId: id, rubric: input.rubric, ...(input.caseId ? { caseId: input.caseId } : {}) },
  });
  return { id: itemId };
}

/** Bedarfsrunde: the need is recorded through the needs workflow (source Bedarfsrunde, on the conference's day). */
export async function addNeed(ctx: Ctx, id: string, input: ConferenceNeedInput) {
  const { conference } = await requireConference(ctx, id, 'write');
  const { id: needId } = await recordNeed(ctx, {
    ...input,
    source: 'bedarfsrunde',
    mentionedOn: conference.held_on,
  });
  const itemId = await insertItem(ctx.db, ctx.actor.tenantId, {
    conferenceId: id,
    rubric: 'bedarfsrunde',
    title: input.text,
    body: '',
    caseId: null,
    needId,
    microProjectId: null,
    createdBy: ctx.actor.userId,
  });
  await ctx.audit({
    action: 'create',
    entityType: 'conference_item',
    entityId: itemId,
    details: { conferenceId: id, rubric: 'bedarfsrunde', needId },
  });
  return { id: itemId, needId };
}

/** The next Monday after the day (the team's usual conference day when none is planned yet). */
function nextMonday(day: string): string {
  const weekday = weekdayOf(day);
  return addDays(day, (8 - weekday) % 7 || 7);
}

/**
 * A case manager registers her case for her team's next conference: the next one planned from today, or else a
 * new one on the coming Monday.
 */
export async function registerCase(ctx: Ctx, caseId: string, input: ConferenceRegistrationInput) {
  const loaded = await requireCase(ctx, caseId, 'write');
  if (!loaded.team_id) throw AppError.validation('rubric', 'Der Fall ist noch keinem Team zugeordnet.');
  const tenantId = ctx.actor.tenantId;
  const today = actorToday(ctx.actor);
  const heldOn =
    (await nextConferenceDay(ctx.db, tenantId, loaded.team_id, addDays(today, 1))) ?? nextMonday(today);
  const conferenceId = await ensureConference(ctx.db, tenantId, loaded.team_id, heldOn);
  const itemId = await insertItem(ctx.db, tenantId, {
    conferenceId,
    rubric: input.rubric,
    title: input.question,
    body: '',
    caseId,
    needId: null,
    microProjectId: null,
    createdBy: ctx.actor.userId,
  });
  await ctx.audit({
    action: 'create',
    entityType: 'conference_item',
    entityId: itemId,
    details: { conferenceId, rubric: input.rubric, caseId },
  });
  return { conferenceId, heldOn };
}

export async function topicSearch(ctx: Ctx, q: string): Promise<TopicHit[]> {
  const team = ownTeam(ctx, undefined);
  requireTeamAccess(ctx, team, 'read');
  const rows = await searchTopics(ctx.db, ctx.actor.tenantId, team, q.trim());
  return rows.map(presentTopicHit);
}

export { closingTips, requireConference };
