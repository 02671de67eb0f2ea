import {
  ageCohorts,
  type NetworkDetail,
  type NetworkSummary,
  type networkInputSchema,
  type networkMeetingInputSchema,
  type RecordNeedInput,
  type z,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { needFromRecord, requireOwnTeam, requireTeamOf } from './access.ts';
import { activeUserIds, needsOf } from './queries/common.ts';
import {
  centreExists,
  insertMeeting,
  insertNetwork,
  listNetworks,
  loadMeeting,
  loadNetwork,
  meetingsOf,
  membersOf,
  type NetworkListRow,
  type NetworkRow,
  setMembers,
  updateMeeting,
  updateNetwork,
} from './queries/networks.ts';
import { requireDistrict } from './visits.ts';

/**
 * Networks by age cohort for a district or a Sozialzentrum (docs/district-visits-and-networks.md): staff members
 * (checked user ids), outside members as text, meetings with minutes and agreements, the Geschäftsordnung.
 */

type NetworkInput = z.output<typeof networkInputSchema>;
type MeetingInput = z.output<typeof networkMeetingInputSchema>;

async function requireNetwork(ctx: Ctx, id: string): Promise<NetworkRow> {
  const network = await loadNetwork(ctx.db, ctx.actor.tenantId, id);
  if (!network) throw AppError.notFound('Das Netzwerk');
  requireTeamOf(ctx, 'district_network', network);
  return network;
}

async function checkInput(ctx: Ctx, input: NetworkInput) {
  if ((input.districtId === null) === (input.socialCentreId === null))
    throw AppError.validation('districtId', 'Bitte entweder einen Stadtteil oder ein Sozialzentrum wählen.');
  if (input.districtId !== null) await requireDistrict(ctx, input.districtId);
  if (
    input.socialCentreId !== null &&
    !(await centreExists(ctx.db, ctx.actor.tenantId, input.socialCentreId))
  )
    throw AppError.validation('socialCentreId', 'Bitte ein Sozialzentrum aus der Liste wählen.');
  const staff = [...new Set(input.staffUserIds)];
  if ((await activeUserIds(ctx.db, ctx.actor.tenantId, staff)).length !== staff.length)
    throw AppError.validation('staffUserIds', 'Bitte nur aktive Mitarbeitende aus der Liste wählen.');
}

const summary = (r: NetworkListRow): NetworkSummary => ({
  id: r.id,
  name: r.name,
  ageCohort: ageCohorts.values.find((c) => c === r.age_cohort) ?? '0-3',
  district: r.district_id ? { id: r.district_id, name: r.district_name ?? '' } : null,
  socialCentre: r.social_centre_id ? { id: r.social_centre_id, name: r.centre_name ?? '' } : null,
  members: Number(r.staff ?? 0) + Number(r.external ?? 0),
  lastMeetingOn: r.last_meeting_on ? String(r.last_meeting_on) : null,
});

export async function createNetwork(ctx: Ctx, input: NetworkInput): Promise<{ id: string }> {
  const { teamId } = requireOwnTeam(ctx, 'district_network');
  await checkInput(ctx, input);
  const id = await insertNetwork(ctx.db, ctx.actor.tenantId, teamId, input);
  await setMembers(ctx.db, ctx.actor.tenantId, id, input);
  await ctx.audit({ action: 'create', entityType: 'district_network', entityId: id });
  return { id };
}

export async function changeNetwork(ctx: Ctx, id: string, input: NetworkInput & { version: number }) {
  await requireNetwork(ctx, id);
  await checkInput(ctx, input);
  const result = await updateNetwork(ctx.db, ctx.actor.tenantId, id, input.version, input);
  await expectOneUpdated(result, async () => true, 'Das Netzwerk');
  await setMembers(ctx.db, ctx.actor.tenantId, id, input);
  await ctx.audit({ action: 'update', entityType: 'district_network', entityId: id });
}

export async function teamNetworks(ctx: Ctx): Promise<NetworkSummary[]> {
  const { teamId } = requireOwnTeam(ctx, 'district_network');
  return (await listNetworks(ctx.db, ctx.actor.tenantId, teamId)).map(summary);
}

export async function networkDetail(ctx: Ctx, id: string): Promise<NetworkDetail> {
  const tenantId = ctx.actor.tenantId;
  const n = await requireNetwork(ctx, id);
  const row = (await listNetworks(ctx.db, tenantId, n.team_id)).find((r) => r.id === id) as NetworkListRow;
  const [members, meetings] = await Promise.all([
    membersOf(ctx.db, tenantId, id),
    meetingsOf(ctx.db, tenantId, id),
  ]);
  const needs = await needsOf(
    ctx.db,
    tenantId,
    'meeting',
    meetings.map((m) => m.id),
  );
  await ctx.audit({ action: 'read', entityType: 'district_network', entityId: id });
  return {
    ...summary(row),
    version: n.version,
    staff: members.staff.map((s) => ({ id: s.id, name: s.display_name })),
    externalMembers: members.external,
    rulesOfProcedure: n.rules_of_procedure,
    meetings: meetings.map((m) => ({
      id: m.id,
      version: m.version,
      heldOn: m.held_on,
      minutes: m.minutes,
      agreements: m.agreements,
      needs: (needs.get(m.id) ?? []) as NetworkDetail['meetings'][number]['needs'],
    })),
  };
}

export async function createMeeting(
  ctx: Ctx,
  networkId: string,
  input: MeetingInput,
): Promise<{ id: string }> {
  await requireNetwork(ctx, networkId);
  const userId = ctx.actor.userId as string;
  const id = await insertMeeting(ctx.db, ctx.actor.tenantId, { networkId, userId }, input);
  await ctx.audit({ action: 'create', entityType: 'network_meeting', entityId: id, details: { networkId } });
  return { id };
}

async function requireMeeting(ctx: Ctx, networkId: string, meetingId: string) {
  const network = await requireNetwork(ctx, networkId);
  const meeting = await loadMeeting(ctx.db, ctx.actor.tenantId, networkId, meetingId);
  if (!meeting) throw AppError.notFound('Das Treffen');
  return { network, meeting };
}

export async function changeMeeting(
  ctx: Ctx,
  networkId: string,
  meetingId: string,
  input: MeetingInput & { version: number },
) {
  await requireMeeting(ctx, networkId, meetingId);
  const result = await updateMeeting(ctx.db, ctx.actor.tenantId, meetingId, input.version, input);
  await expectOneUpdated(result, async () => true, 'Das Treffen');
  await ctx.audit({
    action: 'update',
    entityType: 'network_meeting',
    entityId: meetingId,
    details: { networkId },
  });
}

/** A need named in a network meeting: source Netzwerk; district and age cohort default to the network's. */
export async function needFromMeeting(
  ctx: Ctx,
  networkId: string,
  meetingId: string,
  input: RecordNeedInput,
) {
  const { network, meeting } = await requireMeeting(ctx, networkId, meetingId);
  const record = {
    type: 'meeting' as const,
    id: meetingId,
    districtId: network.district_id,
    ageCohort: network.age_cohort,
    on: meeting.held_on,
  };
  return needFromRecord(ctx, record, 'netzwerk', input);
}
