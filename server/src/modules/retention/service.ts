import {
  type CaseRetention,
  type RetentionErasureInput,
  type RetentionProposalInput,
  type RetentionRestrictionInput,
  type RetentionRules,
  type RetentionRulesInput,
  retentionRuleSchema,
} from '@leuchtturm/shared';
import { actorToday } from '../../shared/actor.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { caseListFilter, mayConfirmErasure, mayProposeErasure, mayRestrictCase } from '../access/policy.ts';
import { forbiddenOnCase } from '../access/refusals.ts';
import { type LoadedCase, requireCase } from '../cases/access.ts';
import { presentCaseRetention } from './presenter.ts';
import { eraseCaseFile } from './queries/erasure.ts';
import {
  deleteRetentionRow,
  insertProposal,
  insertRestriction,
  loadRetentionSetting,
  markErased,
  retentionFacts,
  saveRetentionSetting,
} from './queries/files.ts';
import { type RetentionYears, retainUntil, retentionYears, rulesOf } from './rules.ts';

/**
 * Retention and deletion of case files (docs/retention.md). Nothing is erased without two people: the lead case
 * manager or the team lead proposes, another team lead of the case's team confirms. Every step is audited with ids
 * only; the reasons are the office's words and stay in the row (the proposal's reason goes with the erasure).
 */

export async function loadYears(ctx: Ctx): Promise<{ years: RetentionYears; version: number }> {
  const stored = await loadRetentionSetting(ctx.db, ctx.actor.tenantId);
  const rules = retentionRuleSchema.array().safeParse(stored?.rules ?? []);
  return { years: retentionYears(rules.success ? rules.data : []), version: stored?.version ?? 0 };
}

export async function retentionRules(ctx: Ctx): Promise<RetentionRules> {
  const { years, version } = await loadYears(ctx);
  return { rules: rulesOf(years), version };
}

export async function changeRetentionRules(ctx: Ctx, input: RetentionRulesInput): Promise<RetentionRules> {
  if (!(await saveRetentionSetting(ctx.db, ctx.actor.tenantId, input.rules, input.version)))
    throw AppError.versionConflict();
  await ctx.audit({ action: 'update', entityType: 'retention_setting', entityId: null, details: {} });
  return retentionRules(ctx);
}

async function facts(ctx: Ctx, caseId: string) {
  const [row] = await retentionFacts(ctx.db, ctx.actor.tenantId, { caseIds: [caseId] });
  if (!row) throw AppError.notFound('Der Fall');
  return row;
}

export async function caseRetention(ctx: Ctx, caseId: string): Promise<CaseRetention> {
  const loaded = await requireCase(ctx, caseId, 'read');
  const { years } = await loadYears(ctx);
  return presentCaseRetention(
    ctx.actor,
    await facts(ctx, caseId),
    loaded.reason,
    years,
    actorToday(ctx.actor),
  );
}

/** Closed files of the actor's own cases (and, for a team lead, of her team), with where each stands. */
export async function retentionList(ctx: Ctx): Promise<CaseRetention[]> {
  const filter = caseListFilter(ctx.actor, 'all');
  const rows = await retentionFacts(ctx.db, ctx.actor.tenantId, {
    scope: { leadUserId: ctx.actor.userId, teamId: filter.teamLeadOf },
  });
  const { years } = await loadYears(ctx);
  const today = actorToday(ctx.actor);
  return rows.map((row) =>
    presentCaseRetention(
      ctx.actor,
      row,
      row.team_id !== null && row.team_id === filter.teamLeadOf ? 'team_lead' : 'lead',
      years,
      today,
    ),
  );
}

function stale(version: number, current: number) {
  if (version !== current) throw AppError.versionConflict();
}

async function requireDue(ctx: Ctx, caseId: string) {
  const row = await facts(ctx, caseId);
  const { years } = await loadYears(ctx);
  if (row.status !== 'abgeschlossen')
    throw AppError.validation('caseId', 'Nur eine abgeschlossene Akte kann gelöscht werden.');
  const until = retainUntil(
    {
      status: row.status,
      closedOn: row.closed_on,
      hasLongHelp: row.has_long_help,
      longBirthDate: row.long_birth_date,
      longBirthUnknown: row.long_birth_unknown,
      hasProtection: row.has_protection,
    },
    years,
  );
  if (until === null)
    throw AppError.validation(
      'caseId',
      'Die Aufbewahrungsfrist lässt sich nicht berechnen (ein Geburtsdatum fehlt); die Akte wird aufbewahrt.',
    );
  if (actorToday(ctx.actor) <= until) {
    const [y, m, d] = until.split('-');
    throw AppError.validation('caseId', `Die Akte ist noch bis zum ${d}.${m}.${y} aufzubewahren.`);
  }
  return row;
}

function refuse(caseId: string, step: string, message: string): never {
  throw forbiddenOnCase(caseId, step, message);
}

async function gate(ctx: Ctx, caseId: string): Promise<LoadedCase> {
  // Reading the file is the precondition (a restricted file answers only its team lead).
  return requireCase(ctx, caseId, 'read');
}

export async function proposeErasure(
  ctx: Ctx,
  caseId: string,
  input: RetentionProposalInput,
): Promise<CaseRetention> {
  const loaded = await gate(ctx, caseId);
  if (!mayProposeErasure(loaded.reason))
    refuse(
      caseId,
      'propose_erasure',
      'Die Löschung schlagen die fallführende Fachkraft oder die Referatsleitung vor.',
    );
  const row = await requireDue(ctx, caseId);
  if (row.state !== null)
    throw new AppError(
      'conflict',
      'Für diese Akte ist bereits eine Löschung vorgeschlagen, oder sie ist gesperrt.',
    );
  stale(input.version, row.retention_version);
  const inserted = await insertProposal(ctx.db, ctx.actor.tenantId, caseId, {
    proposedBy: ctx.actor.userId,
    reason: input.reason,
    at: new Date(),
  });
  if (!inserted) throw AppError.versionConflict();
  await ctx.audit({
    action: 'create',
    entityType: 'case_retention',
    entityId: caseId,
    details: { step: 'proposal' },
  });
  return caseRetention(ctx, caseId);
}

export async function withdrawProposal(ctx: Ctx, caseId: string, version: number): Promise<CaseRetention> {
  const loaded = await gate(ctx, caseId);
  if (!mayProposeErasure(loaded.reason))
    refuse(
      caseId,
      'withdraw_erasure',
      'Den Vorschlag ziehen die fallführende Fachkraft oder die Referatsleitung zurück.',
    );
  if (!(await deleteRetentionRow(ctx.db, ctx.actor.tenantId, caseId, 'vorgeschlagen', version)))
    throw AppError.versionConflict();
  await ctx.audit({
    action: 'delete',
    entityType: 'case_retention',
    entityId: caseId,
    details: { step: 'proposal' },
  });
  return caseRetention(ctx, caseId);
}

/** The second step: another team lead confirms, typing the case number again, and the file is erased for good. */
export async function confirmErasure(
  ctx: Ctx,
  caseId: string,
  input: RetentionErasureInput,
): Promise<CaseRetention> {
  const loaded = await gate(ctx, caseId);
  const row = await facts(ctx, caseId);
  if (row.state !== 'vorgeschlagen')
    throw AppError.validation('caseId', 'Die Löschung muss zuerst vorgeschlagen werden (zwei Personen).');
  if (!mayConfirmErasure(ctx.actor, loaded.reason, row.proposed_by))
    refuse(
      caseId,
      'confirm_erasure',
      'Die Löschung bestätigt die Referatsleitung des Teams; wer sie vorgeschlagen hat, bestätigt sie nicht selbst.',
    );
  if (input.confirmCaseNumber.trim() !== row.case_number)
    throw AppError.validation('confirmCaseNumber', 'Das Aktenzeichen stimmt nicht mit dieser Akte überein.');
  await requireDue(ctx, caseId);
  if (
    !(await markErased(ctx.db, ctx.actor.tenantId, caseId, {
      confirmedBy: ctx.actor.userId,
      at: new Date(),
      version: input.version,
    }))
  )
    throw AppError.versionConflict();
  await eraseCaseFile(ctx.db, ctx.actor.tenantId, caseId);
  await ctx.audit({ action: 'delete', entityType: 'case', entityId: caseId, details: { step: 'erasure' } });
  return caseRetention(ctx, caseId);
}

/** Sperrung: the file must be kept (a court case, a request to restrict) and is closed to everyone but its team lead. */
export async function restrictFile(
  ctx: Ctx,
  caseId: string,
  input: RetentionRestrictionInput,
): Promise<CaseRetention> {
  const loaded = await gate(ctx, caseId);
  if (!mayRestrictCase(loaded.reason))
    refuse(caseId, 'restrict', 'Eine Akte sperrt die Referatsleitung des Teams.');
  const row = await facts(ctx, caseId);
  if (row.status !== 'abgeschlossen')
    throw AppError.validation('caseId', 'Nur eine abgeschlossene Akte kann gesperrt werden.');
  if (row.state === 'geloescht' || row.state === 'gesperrt')
    throw new AppError('conflict', 'Die Akte ist bereits gesperrt oder gelöscht.');
  stale(input.version, row.retention_version);
  // A pending proposal gives way to the restriction.
  if (row.state === 'vorgeschlagen')
    await deleteRetentionRow(ctx.db, ctx.actor.tenantId, caseId, 'vorgeschlagen', row.retention_version);
  const inserted = await insertRestriction(ctx.db, ctx.actor.tenantId, caseId, {
    restrictedBy: ctx.actor.userId,
    reason: input.reason,
    at: new Date(),
  });
  if (!inserted) throw AppError.versionConflict();
  await ctx.audit({
    action: 'update',
    entityType: 'case_retention',
    entityId: caseId,
    details: { step: 'restriction' },
  });
  return caseRetention(ctx, caseId);
}

export async function liftRestriction(ctx: Ctx, caseId: string, version: number): Promise<CaseRetention> {
  const loaded = await gate(ctx, caseId);
  if (!mayRestrictCase(loaded.reason))
    refuse(caseId, 'lift_restriction', 'Eine Sperrung hebt die Referatsleitung des Teams auf.');
  if (!(await deleteRetentionRow(ctx.db, ctx.actor.tenantId, caseId, 'gesperrt', version)))
    throw AppError.versionConflict();
  await ctx.audit({
    action: 'delete',
    entityType: 'case_retention',
    entityId: caseId,
    details: { step: 'restriction' },
  });
  return caseRetention(ctx, caseId);
}
