import {
  type MicroProjectDetail,
  type MicroProjectInput,
  type MicroProjectSummary,
  sumMoney,
  todayIso,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { mayManageMicroProjectIn } from '../access/policy.ts';
import { presentProjectDetail, presentProjectSummary } from './presenter.ts';
import { projectParticipants, projectReferrals, projectReviews } from './queries/activity.ts';
import { projectBudgets } from './queries/budget.ts';
import {
  districtsInUse,
  existingDistrictIds,
  insertProject,
  listProjects,
  loadProject,
  needsByIds,
  needsInWork,
  type ProjectRow,
  projectDistricts,
  projectNeeds,
  setProjectDistricts,
  setProjectNeeds,
  teamDistrictIds,
  updateProject,
} from './queries/projects.ts';

/**
 * Preventive micro-projects (docs/district-work.md). No personal data: reading is not audited (like the needs);
 * every change is. Team leads and the Sozialraumkoordination change the projects of their team's districts
 * (access/policy.ts, mayManageMicroProjectIn).
 */

/** The budget year of today, in Berlin. */
export const currentYear = () => Number(todayIso().slice(0, 4));

export async function requireProject(ctx: Ctx, id: string): Promise<ProjectRow> {
  const project = await loadProject(ctx.db, ctx.actor.tenantId, id);
  if (!project) throw AppError.notFound('Das Mikroprojekt');
  return project;
}

const refused = (projectId: string | null) =>
  new AppError(
    'forbidden',
    'Mikroprojekte ändern die Referatsleitung und die Sozialraumkoordination ihrer Stadtteile.',
    {
      audit: {
        action: 'access_denied',
        entityType: 'micro_project',
        entityId: projectId,
        details: { purpose: 'write' },
      },
    },
  );

/** The actor's districts; refuses unless the actor may manage `districtId` (or, with `any`, one of `districtIds`). */
export async function requireDistrictManager(
  ctx: Ctx,
  projectId: string | null,
  districtIds: readonly string[],
  mode: 'every' | 'some',
) {
  const own = await teamDistrictIds(ctx.db, ctx.actor.tenantId, ctx.actor.teamId);
  const may = (d: string) => mayManageMicroProjectIn(ctx.actor, own, d);
  const ok = mode === 'every' ? districtIds.every(may) : districtIds.some(may);
  if (!ok) throw refused(projectId);
}

async function checkInput(ctx: Ctx, input: MicroProjectInput) {
  const tenantId = ctx.actor.tenantId;
  const districtIds = [...new Set(input.districtIds)];
  if ((await existingDistrictIds(ctx.db, tenantId, districtIds)).length !== districtIds.length)
    throw AppError.validation('districtIds', 'Bitte Stadtteile aus der Liste wählen.');
  const needIds = [...new Set(input.needIds)];
  const needs = await needsByIds(ctx.db, tenantId, needIds);
  if (needs.length !== needIds.length)
    throw AppError.validation('needIds', 'Bitte Bedarfe aus der Liste wählen.');
  if (needs.some((n) => n.merged_into_id !== null))
    throw AppError.validation(
      'needIds',
      'Ein zusammengeführter Bedarf zählt beim Bedarf, in den er eingegangen ist.',
    );
  if (needs.some((n) => !districtIds.includes(n.district_id)))
    throw AppError.validation('needIds', 'Die Bedarfe müssen aus den Stadtteilen des Projekts stammen.');
  return { districtIds, needIds };
}

export async function createProject(ctx: Ctx, input: MicroProjectInput): Promise<{ id: string }> {
  const tenantId = ctx.actor.tenantId;
  const { districtIds, needIds } = await checkInput(ctx, input);
  await requireDistrictManager(ctx, null, districtIds, 'every');
  const id = await insertProject(ctx.db, tenantId, input);
  await setProjectDistricts(ctx.db, tenantId, id, districtIds);
  await needsInWork(ctx.db, tenantId, await setProjectNeeds(ctx.db, tenantId, id, needIds));
  await ctx.audit({ action: 'create', entityType: 'micro_project', entityId: id, details: { needIds } });
  return { id };
}

export async function changeProject(
  ctx: Ctx,
  id: string,
  input: MicroProjectInput & { version: number },
): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  await requireProject(ctx, id);
  const before = (await projectDistricts(ctx.db, tenantId, [id])).map((d) => d.id);
  const { districtIds, needIds } = await checkInput(ctx, input);
  // Whoever changes the project must manage the districts it had and the ones it gets.
  await requireDistrictManager(ctx, id, [...new Set([...before, ...districtIds])], 'every');
  const kept = await districtsInUse(ctx.db, tenantId, id);
  if (kept.some((d) => !districtIds.includes(d)))
    throw AppError.validation(
      'districtIds',
      'Ein Stadtteil mit zugesagtem Budget oder mit Zugängen bleibt beim Projekt.',
    );
  const result = await updateProject(ctx.db, tenantId, id, input.version, input);
  await expectOneUpdated(result, async () => true, 'Das Mikroprojekt');
  await setProjectDistricts(ctx.db, tenantId, id, districtIds);
  await needsInWork(ctx.db, tenantId, await setProjectNeeds(ctx.db, tenantId, id, needIds));
  await ctx.audit({ action: 'update', entityType: 'micro_project', entityId: id });
}

export async function microProjects(
  ctx: Ctx,
  query: {
    districtId?: string | undefined;
    status?: string | undefined;
    category?: string | undefined;
    year?: number | undefined;
  },
): Promise<MicroProjectSummary[]> {
  const tenantId = ctx.actor.tenantId;
  const rows = await listProjects(ctx.db, tenantId, { ...query, year: query.year ?? currentYear() });
  const districts = await projectDistricts(
    ctx.db,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentProjectSummary(
      r,
      districts.filter((d) => d.project_id === r.id).map((d) => ({ id: d.id, name: d.name })),
    ),
  );
}

export async function microProject(ctx: Ctx, id: string): Promise<MicroProjectDetail> {
  const tenantId = ctx.actor.tenantId;
  const project = await requireProject(ctx, id);
  const [districts, needs, budget, referrals, participants, reviews, own] = await Promise.all([
    projectDistricts(ctx.db, tenantId, [id]),
    projectNeeds(ctx.db, tenantId, id),
    projectBudgets(ctx.db, tenantId, 0, id),
    projectReferrals(ctx.db, tenantId, id),
    projectParticipants(ctx.db, tenantId, id),
    projectReviews(ctx.db, tenantId, id),
    teamDistrictIds(ctx.db, tenantId, ctx.actor.teamId),
  ]);
  const year = currentYear();
  const committedThisYear = budget.filter((b) => b.year === year).map((b) => b.committed);
  return presentProjectDetail(project, {
    districts: districts.map((d) => ({ id: d.id, name: d.name })),
    needs,
    budget,
    referrals,
    participants,
    reviews,
    committedThisYear: sumMoney(committedThisYear),
    mayManage: districts.some((d) => mayManageMicroProjectIn(ctx.actor, own, d.id)),
  });
}
