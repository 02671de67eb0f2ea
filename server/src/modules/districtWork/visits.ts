import type {
  InstitutionVisitDetail,
  InstitutionVisitSummary,
  institutionVisitInputSchema,
  RecordNeedInput,
  VisitedInstitution,
  z,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { needFromRecord, requireOwnTeam, requireTeamOf } from './access.ts';
import { districtNames, needsOf, userNames } from './queries/common.ts';
import {
  followUpsOf,
  insertVisit,
  listVisits,
  loadVisit,
  setFollowUps,
  updateVisit,
  type VisitRow,
  visitedInstitutions,
} from './queries/visits.ts';

/**
 * Institutionenbesuche on the fixed card (docs/district-visits-and-networks.md). The card names the institution's
 * staff (contacts), never clients. Reading one is audited; so is every change and refusal.
 */

type VisitInput = z.output<typeof institutionVisitInputSchema>;

export async function requireDistrict(ctx: Ctx, districtId: string) {
  const name = (await districtNames(ctx.db, ctx.actor.tenantId, [districtId])).get(districtId);
  if (name === undefined)
    throw AppError.validation('districtId', 'Bitte einen Stadtteil aus der Liste wählen.');
  return name;
}

async function requireVisit(ctx: Ctx, id: string): Promise<VisitRow> {
  const visit = await loadVisit(ctx.db, ctx.actor.tenantId, id);
  if (!visit) throw AppError.notFound('Der Besuch');
  requireTeamOf(ctx, 'institution_visit', visit);
  return visit;
}

export async function createVisit(ctx: Ctx, input: VisitInput): Promise<{ id: string }> {
  const { teamId, userId } = requireOwnTeam(ctx, 'institution_visit');
  await requireDistrict(ctx, input.districtId);
  const id = await insertVisit(ctx.db, ctx.actor.tenantId, { teamId, visitorUserId: userId }, input);
  await setFollowUps(ctx.db, ctx.actor.tenantId, id, input.followUps);
  await ctx.audit({ action: 'create', entityType: 'institution_visit', entityId: id });
  return { id };
}

export async function changeVisit(ctx: Ctx, id: string, input: VisitInput & { version: number }) {
  await requireVisit(ctx, id);
  await requireDistrict(ctx, input.districtId);
  const result = await updateVisit(ctx.db, ctx.actor.tenantId, id, input.version, input);
  await expectOneUpdated(result, async () => true, 'Der Besuch');
  await setFollowUps(ctx.db, ctx.actor.tenantId, id, input.followUps);
  await ctx.audit({ action: 'update', entityType: 'institution_visit', entityId: id });
}

export async function visitDetail(ctx: Ctx, id: string): Promise<InstitutionVisitDetail> {
  const tenantId = ctx.actor.tenantId;
  const v = await requireVisit(ctx, id);
  const [followUps, districts, users, needs] = await Promise.all([
    followUpsOf(ctx.db, tenantId, id),
    districtNames(ctx.db, tenantId, [v.district_id]),
    userNames(ctx.db, tenantId, [v.visitor_user_id]),
    needsOf(ctx.db, tenantId, 'visit', [id]),
  ]);
  await ctx.audit({ action: 'read', entityType: 'institution_visit', entityId: id });
  return {
    id: v.id,
    version: v.version,
    institutionName: v.institution_name,
    atlasEntryId: v.atlas_entry_id,
    district: { id: v.district_id, name: districts.get(v.district_id) ?? '' },
    visitedOn: v.visited_on,
    visitor: { id: v.visitor_user_id, name: users.get(v.visitor_user_id) ?? '' },
    offers: v.offers,
    contacts: v.contacts,
    accessRoutes: v.access_routes,
    needsSeen: v.needs_seen,
    agreements: v.agreements,
    followUps: followUps.map((f) => ({ id: f.id, dueOn: f.due_on, text: f.text, done: f.done })),
    openFollowUps: followUps.filter((f) => !f.done).length,
    needs: (needs.get(id) ?? []) as InstitutionVisitDetail['needs'],
  };
}

/** The team's visits, optionally of one institution or district. */
export async function teamVisits(
  ctx: Ctx,
  filter: { institution?: string | undefined; districtId?: string | undefined },
): Promise<InstitutionVisitSummary[]> {
  const { teamId } = requireOwnTeam(ctx, 'institution_visit');
  const rows = await listVisits(ctx.db, ctx.actor.tenantId, teamId, filter);
  const districts = await districtNames(
    ctx.db,
    ctx.actor.tenantId,
    rows.map((r) => r.district_id),
  );
  return rows.map((r) => ({
    id: r.id,
    institutionName: r.institution_name,
    district: { id: r.district_id, name: districts.get(r.district_id) ?? '' },
    visitedOn: r.visited_on,
    visitor: { id: r.visitor_user_id, name: r.visitor_name },
    openFollowUps: Number(r.open_follow_ups ?? 0),
  }));
}

/** The institutions the team visited. */
export async function teamInstitutions(ctx: Ctx): Promise<VisitedInstitution[]> {
  const { teamId } = requireOwnTeam(ctx, 'institution_visit');
  const rows = await visitedInstitutions(ctx.db, ctx.actor.tenantId, teamId);
  const districts = await districtNames(
    ctx.db,
    ctx.actor.tenantId,
    rows.map((r) => r.district_id),
  );
  return rows.map((r) => ({
    institutionName: r.institution_name,
    district: { id: r.district_id, name: districts.get(r.district_id) ?? '' },
    visits: Number(r.visits),
    lastVisitedOn: String(r.last_visited_on),
  }));
}

export async function needFromVisit(ctx: Ctx, id: string, input: RecordNeedInput) {
  const v = await requireVisit(ctx, id);
  const record = { type: 'visit' as const, id, districtId: v.district_id, ageCohort: null, on: v.visited_on };
  return needFromRecord(ctx, record, 'besuch', input);
}
