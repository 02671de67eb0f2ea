import type {
  HelpPlanInput,
  MandateInput,
  PeerConsultationInput,
  RiskConsultationInput,
} from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * The records of case work: Kurzberatungen (Falleinordnung), Aufträge and Auflagen, kollegiale Beratungen and
 * Hilfepläne. Access is checked by the service before any of these run.
 */

/** The case's current area: that of its latest Kurzberatung (none yet: null). */
export async function currentArea(db: Kysely<DB>, tenantId: string, caseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('risk_consultation')
    .select('area')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.area ?? null;
}

export async function insertRiskConsultation(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  input: RiskConsultationInput & { participantIds: string[] },
): Promise<string> {
  const row = await db
    .insertInto('risk_consultation')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      held_on: input.heldOn,
      participant_ids: input.participantIds,
      facts: input.facts,
      area: input.area,
      next_steps: input.nextSteps,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new Auftrag or Auflage; an Auflage escalated from a failed Auftrag names it (escalatedFromId). */
export async function insertMandate(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  input: MandateInput,
  escalatedFromId: string | null,
  createdBy: string | null,
): Promise<string> {
  const row = await db
    .insertInto('mandate')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      kind: input.kind,
      purpose: input.purpose,
      text: input.text,
      addressee: input.addressee,
      due_on: input.dueOn,
      check_method: input.checkMethod,
      review_on: input.reviewOn,
      consequence: input.consequence,
      escalated_from_id: escalatedFromId,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the result of a mandate if it is still at the version the client saw (see shared/versioned.ts). */
export function updateMandateResult(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  mandateId: string,
  input: { result: string; consequence: string | null; version: number },
) {
  return db
    .updateTable('mandate')
    .set({ result: input.result, consequence: input.consequence, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', mandateId)
    .where('version', '=', input.version)
    .executeTakeFirst();
}

export function findMandate(db: Kysely<DB>, tenantId: string, caseId: string, mandateId: string) {
  return db
    .selectFrom('mandate')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', mandateId)
    .executeTakeFirst();
}

export async function insertPeerConsultation(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  input: PeerConsultationInput & { needId: string },
): Promise<string> {
  const row = await db
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
      need_id: input.needId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The newest version of the case's Hilfeplan (none yet: undefined). */
export function latestHelpPlan(db: Kysely<DB>, tenantId: string, caseId: string) {
  return db
    .selectFrom('help_plan')
    .select(['id', 'version_no'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Richtungsziel and Handlungsziele as they stand now, for a Hilfeplan to copy (no Wille und Ziele yet: null). */
export async function currentGoals(db: Kysely<DB>, tenantId: string, caseId: string) {
  const [will, goals] = await Promise.all([
    db
      .selectFrom('will_and_goals')
      .select('direction_goal')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .executeTakeFirst(),
    db
      .selectFrom('goal')
      .select(['id', 'text', 'due_on'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('position')
      .execute(),
  ]);
  return will ? { directionGoal: will.direction_goal, goals } : null;
}

/**
 * A new Hilfeplan version. Answers undefined when the unique keys (case, version_no) and (supersedes_id) hold a
 * version already: a parallel Fortschreibung was saved first.
 */
export async function insertHelpPlan(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  plan: HelpPlanInput & {
    versionNo: number;
    directionGoal: string;
    goals: { id: string; text: string; dueOn: string | null }[];
    createdBy: string | null;
  },
): Promise<string | undefined> {
  const row = await db
    .insertInto('help_plan')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      version_no: plan.versionNo,
      supersedes_id: plan.supersedesId,
      application_on: plan.applicationOn,
      applicant: plan.applicant,
      meeting_on: plan.meetingOn,
      participants: JSON.stringify(plan.participants),
      child_participated: plan.childParticipated,
      agreed_measures: plan.agreedMeasures,
      review_on: plan.reviewOn,
      direction_goal: plan.directionGoal,
      goals: JSON.stringify(plan.goals),
      attainment: JSON.stringify(plan.attainment),
      created_by: plan.createdBy,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
