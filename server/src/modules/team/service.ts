import {
  type ExpertiseEntry,
  type KnowledgeInput,
  type KnowledgePage,
  type KnowledgeSummary,
  specialisations,
  TRAINING_MODULES,
  type TrainingInput,
  type TrainingOverview,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { mayManageTeamMember } from '../access/policy.ts';
import { teamName } from '../conferences/queries/conferences.ts';
import {
  expertiseRows,
  insertKnowledge,
  listKnowledge,
  loadKnowledge,
  loadMember,
  setExpertise,
  setTraining,
  teamPeople,
  titleTaken,
  trainingRows,
  updateKnowledge,
} from './queries/team.ts';

/**
 * The team (docs/conference-and-team.md): expertise directory (the staff's specialisations), training overview,
 * knowledge base. Staff data of
 * the organisation, no social data: reading is the route permission (team:read); changes are audited. A person's
 * expertise and training are kept by the lead of her team (mayManageTeamMember).
 */

export async function expertiseDirectory(ctx: Ctx): Promise<ExpertiseEntry[]> {
  const rows = await expertiseRows(ctx.db, ctx.actor.tenantId);
  return specialisations.map((topic) => ({
    topic,
    people: rows
      .filter((r) => r.specialisations.includes(topic))
      .map((r) => ({ id: r.id, name: r.display_name, team: r.team_name })),
  }));
}

async function requireMember(ctx: Ctx, userId: string) {
  const member = await loadMember(ctx.db, ctx.actor.tenantId, userId);
  if (!member) throw AppError.notFound('Die Person');
  if (!mayManageTeamMember(ctx.actor, { teamId: member.team_id }))
    throw new AppError('forbidden', 'Fachgebiete und Qualifizierung pflegt die Referatsleitung des Teams.', {
      audit: { action: 'access_denied', entityType: 'user', entityId: userId, details: { purpose: 'write' } },
    });
  return member;
}

export async function changeExpertise(ctx: Ctx, userId: string, topics: string[]) {
  await requireMember(ctx, userId);
  await setExpertise(ctx.db, ctx.actor.tenantId, userId, [...new Set(topics)]);
  await ctx.audit({
    action: 'update',
    entityType: 'user',
    entityId: userId,
    details: { fields: ['specialisations'] },
  });
}

export async function trainingOverview(ctx: Ctx, teamId: string | undefined): Promise<TrainingOverview> {
  const team = teamId ?? ctx.actor.teamId;
  if (!team) throw AppError.validation('teamId', 'Bitte ein Team wählen.');
  const name = await teamName(ctx.db, ctx.actor.tenantId, team);
  if (!name) throw AppError.validation('teamId', 'Dieses Team gibt es nicht.');
  const people = await teamPeople(ctx.db, ctx.actor.tenantId, team);
  const rows = await trainingRows(
    ctx.db,
    ctx.actor.tenantId,
    people.map((p) => p.id),
  );
  const cells = people.map((p) => ({
    id: p.id,
    name: p.display_name,
    modules: TRAINING_MODULES.map((module) => {
      const row = rows.find((r) => r.user_id === p.id && r.module === module);
      return {
        module,
        status: row?.done_on
          ? ('done' as const)
          : row?.planned_year
            ? ('planned' as const)
            : ('open' as const),
        doneOn: row?.done_on ?? null,
        plannedYear: row?.planned_year ?? null,
      };
    }),
  }));
  const totals = TRAINING_MODULES.map((module) => {
    const statuses = cells.map((c) => c.modules[module - 1]?.status);
    return {
      module,
      done: statuses.filter((s) => s === 'done').length,
      planned: statuses.filter((s) => s === 'planned').length,
      open: statuses.filter((s) => s === 'open').length,
    };
  });
  return {
    team: { id: team, name },
    people: cells,
    totals,
    mayManage: mayManageTeamMember(ctx.actor, { teamId: team }),
  };
}

export async function changeTraining(ctx: Ctx, userId: string, module: number, input: TrainingInput) {
  await requireMember(ctx, userId);
  const status =
    input.status === 'done'
      ? { doneOn: input.doneOn, plannedYear: null }
      : input.status === 'planned'
        ? { doneOn: null, plannedYear: input.plannedYear }
        : null;
  await setTraining(ctx.db, ctx.actor.tenantId, { userId, module }, status);
  await ctx.audit({
    action: 'update',
    entityType: 'training_status',
    entityId: userId,
    details: { module, status: input.status },
  });
}

/** A short line of the text: around the term when searching, else the beginning; Markdown marks removed. */
export function excerpt(body: string, term: string | undefined): string {
  const plain = body
    .replace(/[#*_`>[\]()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const at = term ? plain.toLowerCase().indexOf(term.toLowerCase()) : -1;
  const start = Math.max(0, at - 60);
  const text = plain.slice(start, start + 180);
  return `${start > 0 ? '…' : ''}${text}${start + 180 < plain.length ? '…' : ''}`;
}

export async function knowledgeList(ctx: Ctx, q: string | undefined): Promise<KnowledgeSummary[]> {
  const term = q?.trim() || undefined;
  const rows = await listKnowledge(ctx.db, ctx.actor.tenantId, term);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as KnowledgeSummary['kind'],
    title: r.title,
    updatedAt: r.updated_at.toISOString(),
    excerpt: excerpt(r.body, term),
  }));
}

const mayWrite = (ctx: Ctx) => ctx.actor.roles.includes('team_lead');

export async function knowledgePage(ctx: Ctx, id: string): Promise<KnowledgePage> {
  const row = await loadKnowledge(ctx.db, ctx.actor.tenantId, id);
  if (!row) throw AppError.notFound('Die Seite');
  return {
    id: row.id,
    kind: row.kind as KnowledgePage['kind'],
    title: row.title,
    body: row.body,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    mayManage: mayWrite(ctx),
  };
}

export async function createKnowledge(ctx: Ctx, input: KnowledgeInput) {
  if (await titleTaken(ctx.db, ctx.actor.tenantId, input.title, null))
    throw AppError.validation('title', 'Eine Seite mit diesem Titel gibt es schon.');
  const id = await insertKnowledge(ctx.db, ctx.actor.tenantId, { ...input, updatedBy: ctx.actor.userId });
  await ctx.audit({ action: 'create', entityType: 'knowledge_page', entityId: id });
  return { id };
}

export async function changeKnowledge(ctx: Ctx, id: string, input: KnowledgeInput & { version: number }) {
  if (await titleTaken(ctx.db, ctx.actor.tenantId, input.title, id))
    throw AppError.validation('title', 'Eine Seite mit diesem Titel gibt es schon.');
  const result = await updateKnowledge(ctx.db, ctx.actor.tenantId, id, {
    ...input,
    updatedBy: ctx.actor.userId,
  });
  await expectOneUpdated(
    result,
    async () => (await loadKnowledge(ctx.db, ctx.actor.tenantId, id)) !== undefined,
    'Die Seite',
  );
  await ctx.audit({
    action: 'update',
    entityType: 'knowledge_page',
    entityId: id,
    details: { fields: ['kind', 'title', 'body'] },
  });
}
