import { PEER_ROLES_DISTINCT, type PeerConsultationInput, repeatedPeerRole } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { mentionNeed } from '../needs/service.ts';
import { completeProcessSteps } from '../processes/completion.ts';
import { requireCase } from './access.ts';
import { insertPeerConsultation } from './queries/records.ts';
import { existingStaffIds } from './queries/staff.ts';

/**
 * Kollegiale Beratung in the Wochenkonferenz. Its mandatory closing question ("Welche Angebote bräuchten wir
 * zukünftig im Sozialraum ...") becomes a need (Bedarf) of the case's district; the same need mentioned again
 * counts up instead of appearing twice (the needs module decides which).
 */
export async function addPeerConsultation(
  ctx: Ctx,
  caseId: string,
  input: PeerConsultationInput,
): Promise<{ id: string; needId: string }> {
  const loaded = await requireCase(ctx, caseId, 'write');
  const tenantId = ctx.actor.tenantId;
  const roles = [input.moderatorId, input.minutesId, input.perspectiveId];
  const repeated = repeatedPeerRole(input);
  if (repeated) throw AppError.validation(repeated, PEER_ROLES_DISTINCT);
  if ((await existingStaffIds(ctx.db, tenantId, roles)).length !== 3)
    throw AppError.validation('moderatorId', 'Bitte Personen aus dem Personalverzeichnis wählen.');
  if (!loaded.district_id)
    throw AppError.validation(
      'closingAnswer',
      'Der Fall hat keinen Stadtteil; der Bedarf kann nicht zugeordnet werden.',
    );
  const needId = await mentionNeed(ctx, {
    districtId: loaded.district_id,
    ageCohort: input.ageCohort,
    text: input.closingAnswer,
    source: 'kollegiale_beratung',
  });
  const id = await insertPeerConsultation(ctx.db, tenantId, caseId, { ...input, needId });
  await ctx.audit({
    action: 'create',
    entityType: 'peer_consultation',
    entityId: id,
    details: { caseId },
  });
  await completeProcessSteps(ctx, caseId, 'peer_consultation', id);
  return { id, needId };
}
