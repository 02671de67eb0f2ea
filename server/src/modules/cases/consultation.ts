import { type PeerConsultationInput, todayIso } from '@leuchtturm/shared';
import { sql } from 'kysely';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireCase } from './access.ts';

/**
 * Kollegiale Beratung in the Wochenkonferenz. Its mandatory closing question ("Welche Angebote bräuchten wir
 * zukünftig im Sozialraum ...") becomes a need (Bedarf) of the case's district; the same need mentioned again
 * counts up instead of appearing twice.
 */
export async function addPeerConsultation(
  ctx: Ctx,
  caseId: string,
  input: PeerConsultationInput,
): Promise<{ id: string; needId: string }> {
  const loaded = await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const roles = [input.moderatorId, input.minutesId, input.perspectiveId];
  if (new Set(roles).size !== 3) {
    throw AppError.validation(
      'perspectiveId',
      'Moderation, Protokoll und Perspektivwechsel übernehmen drei verschiedene Personen.',
    );
  }
  const staff = await ctx.db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', roles)
    .execute();
  if (staff.length !== 3)
    throw AppError.validation('moderatorId', 'Bitte Personen aus dem Personalverzeichnis wählen.');
  if (!loaded.district_id)
    throw AppError.validation(
      'closingAnswer',
      'Der Fall hat keinen Stadtteil; der Bedarf kann nicht zugeordnet werden.',
    );

  const existing = await ctx.db
    .selectFrom('need')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('district_id', '=', loaded.district_id)
    .where('age_cohort', '=', input.ageCohort)
    .where('status', '!=', 'erledigt')
    .where(sql<boolean>`lower(trim(text)) = ${input.closingAnswer.trim().toLowerCase()}`)
    .forUpdate()
    .executeTakeFirst();
  let needId: string;
  if (existing) {
    needId = existing.id;
    await ctx.db
      .updateTable('need')
      .set({ mentions: sql`mentions + 1`, version: sql`version + 1` })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', needId)
      .execute();
    await ctx.audit({
      action: 'update',
      entityType: 'need',
      entityId: needId,
      details: { fields: ['mentions'] },
    });
  } else {
    needId = (
      await ctx.db
        .insertInto('need')
        .values({
          tenant_id: tenantId,
          district_id: loaded.district_id,
          age_cohort: input.ageCohort,
          text: input.closingAnswer,
          source: 'kollegiale_beratung',
          created_on: todayIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await ctx.audit({ action: 'create', entityType: 'need', entityId: needId });
  }
  const row = await ctx.db
    .insertInto('peer_consultation')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      held_on: input.heldOn,
      question: input.question,
      moderator_id: input.moderatorId,
      minutes_id: input.minutesId,
      perspective_id: input.perspectiveId,
      ideas: JSON.stringify(input.ideas),
      decision: input.decision,
      closing_answer: input.closingAnswer,
      age_cohort: input.ageCohort,
      need_id: needId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: 'create',
    entityType: 'peer_consultation',
    entityId: row.id,
    details: { caseId },
  });
  return { id: row.id, needId };
}
