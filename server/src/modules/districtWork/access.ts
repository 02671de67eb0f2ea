import type { AuditEntityType, NeedSource, RecordNeedInput } from '@leuchtturm/shared';
import { ageCohorts } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { mayDoDistrictWorkOf } from '../access/policy.ts';
import { recordNeed } from '../needs/workflow.ts';
import { linkNeed, type RecordType } from './queries/common.ts';

/**
 * Who may record and read case-independent work (access/policy.ts, mayDoDistrictWorkOf): the team that did it.
 * A refusal is audited with the record it named.
 */

const refusal = (entityType: AuditEntityType, entityId: string | null) =>
  new AppError('forbidden', 'Die Arbeit im Sozialraum eines anderen Teams ist nicht zugänglich.', {
    audit: { action: 'access_denied', entityType, entityId, details: { purpose: 'district_work' } },
  });

/** The actor's team, if she may do district work for it (case manager, team lead, Sozialraumkoordination). */
export function requireOwnTeam(ctx: Ctx, entityType: AuditEntityType): { teamId: string; userId: string } {
  const { teamId, userId } = ctx.actor;
  if (teamId === null || userId === null || !mayDoDistrictWorkOf(ctx.actor, teamId))
    throw refusal(entityType, null);
  return { teamId, userId };
}

/** Refuses unless the actor may work on a record of team `teamId`. */
export function requireTeamOf(
  ctx: Ctx,
  entityType: AuditEntityType,
  record: { id: string; team_id: string },
) {
  if (!mayDoDistrictWorkOf(ctx.actor, record.team_id)) throw refusal(entityType, record.id);
}

/**
 * A need named in a record: through the needs service (counted up when the same need is open), with the record's
 * source and day, and linked to the record so that it shows there.
 */
export async function needFromRecord(
  ctx: Ctx,
  record: { type: RecordType; id: string; districtId: string | null; ageCohort: string | null; on: string },
  source: NeedSource,
  input: RecordNeedInput,
): Promise<{ id: string }> {
  const districtId = input.districtId ?? record.districtId;
  if (!districtId) throw AppError.validation('districtId', 'Bitte den Stadtteil des Bedarfs wählen.');
  const ageCohort = input.ageCohort ?? ageCohorts.values.find((c) => c === record.ageCohort);
  if (!ageCohort) throw AppError.validation('ageCohort', 'Bitte eine Altersgruppe wählen.');
  const need = await recordNeed(ctx, {
    districtId,
    ageCohort,
    text: input.text,
    source,
    mentionedOn: record.on,
  });
  await linkNeed(ctx.db, ctx.actor.tenantId, {
    recordType: record.type,
    recordId: record.id,
    needId: need.id,
  });
  return need;
}
