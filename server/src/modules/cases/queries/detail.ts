import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../../db/schema.ts';
import { timelineNotes } from '../../caseNotes/queries.ts';
import { caseMarkRows } from '../../confided/queries/marks.ts';
import { type ContentViewer, confidedShownSql, shownOr } from '../../confided/queries/visibility.ts';
import { caseReopenings } from './closing.ts';
import { familyConferences } from './familyConference.ts';
import { caseTeamChanges, caseTransfers } from './handovers.ts';
import { helpPlanContent } from './helpPlanContent.ts';
import { caseSummaries } from './list.ts';

/** The § 65 item types of the page's records (caseMarks.ts presents their marks). */
const caseMarkTypes = [
  'case_document',
  'risk_consultation',
  'mandate',
  'will_and_goals',
  'family_conference',
  'goal',
  'help_plan',
  'resource',
  'network_tie',
] as const;

/**
 * Everything the case page shows, in one statement: the case's summary row (the head of the page, the list's
 * columns) with the household, and beside it each record of the file and the records' § 65 marks as JSON arrays,
 * each read on an index by case (it was twenty statements and one or two per kind of mark, a round trip each). The
 * viewer decides what of the § 65 confided content comes back; only the columns the page shows are selected, so a
 * withheld text never leaves the database, not even next to its placeholder. JSON carries instants as text: they are
 * turned back into Dates here.
 */
export async function loadCaseRecords(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  viewer: ContentViewer,
  today: string,
) {
  const consultationShown = confidedShownSql('risk_consultation', 'rc.tenant_id', 'rc.id', viewer);
  const documentShown = confidedShownSql('case_document', 'cd.tenant_id', 'cd.id', viewer);
  const mandateShown = confidedShownSql('mandate', 'm.tenant_id', 'm.id', viewer);
  // Wille und Ziele is one sheet per case (its item id is the case's); a Hilfeplan's copy of the direction goal
  // stays under the sheet's mark (helpPlanContent.ts).
  const willShown = confidedShownSql('will_and_goals', 'w.tenant_id', 'w.case_id', viewer);
  // A Handlungsziel's mark covers its steps (they are rewritten on every save, so have no lasting id).
  const goalShown = confidedShownSql('goal', 'g.tenant_id', 'g.id', viewer);
  const stepShown = confidedShownSql('goal', 's.tenant_id', 's.goal_id', viewer);
  const resourceShown = confidedShownSql('resource', 'r.tenant_id', 'r.id', viewer);
  const tieShown = confidedShownSql('network_tie', 'n.tenant_id', 'n.id', viewer);
  const plan = helpPlanContent('hp', viewer);
  // The staff named in the records (not the whole directory): Kurzberatungen, kollegiale Beratungen, Hilfepläne,
  // reopenings, changes of the lead.
  const staffIds = sql`(select unnest(x.participant_ids) from risk_consultation x
      where x.tenant_id = ${tenantId} and x.case_id = ${caseId}
    union select unnest(array[x.moderator_id, x.minutes_id, x.perspective_id]) from peer_consultation x
      where x.tenant_id = ${tenantId} and x.case_id = ${caseId}
    union select x.created_by from help_plan x where x.tenant_id = ${tenantId} and x.case_id = ${caseId}
    union select x.reopened_by from case_reopening x where x.tenant_id = ${tenantId} and x.case_id = ${caseId}
    union select x.to_user_id from case_lead_change x where x.tenant_id = ${tenantId} and x.case_id = ${caseId})`;
  const row = await caseSummaries(db, tenantId, today)
    .leftJoin('district as hd', (j) =>
      j.onRef('hd.tenant_id', '=', 'h.tenant_id').onRef('hd.id', '=', 'h.district_id'),
    )
    .leftJoin('team as ht', (j) =>
      j.onRef('ht.tenant_id', '=', 'h.tenant_id').onRef('ht.id', '=', 'h.team_id'),
    )
    .select((eb) => [
      'c.access_route',
      'c.reporter',
      'c.concern',
      'c.closing_reason',
      'c.closing_outcome',
      'c.closing_tip',
      'h.id as household_id',
      'h.name as household_name',
      'h.version as household_version',
      'h.address_kind',
      'h.street_name',
      'h.house_number',
      'h.postal_code',
      'hd.id as h_district_id',
      'hd.name as h_district_name',
      'ht.id as h_team_id',
      'ht.name as h_team_name',
      jsonArrayFrom(
        eb
          .selectFrom('household_member as hm')
          .innerJoin('person as p', (j) =>
            j.onRef('p.tenant_id', '=', 'hm.tenant_id').onRef('p.id', '=', 'hm.person_id'),
          )
          .select([
            'hm.role',
            'hm.custody',
            'p.id',
            'p.first_name',
            'p.last_name',
            'p.birth_date',
            'p.gender',
            'p.language',
            'p.phone',
            'p.version',
          ])
          .whereRef('hm.tenant_id', '=', 'h.tenant_id')
          .whereRef('hm.household_id', '=', 'h.id')
          .orderBy('hm.position'),
      ).as('members'),
      jsonArrayFrom(
        db
          .selectFrom('risk_consultation as rc')
          .select([
            'rc.id',
            'rc.held_on',
            'rc.participant_ids',
            'rc.area',
            shownOr(consultationShown, 'rc.facts').as('facts'),
            shownOr(consultationShown, 'rc.next_steps').as('next_steps'),
          ])
          .where('rc.tenant_id', '=', tenantId)
          .where('rc.case_id', '=', caseId)
          .orderBy('rc.held_on')
          .orderBy('rc.created_at'),
      ).as('consultations'),
      jsonArrayFrom(
        db
          .selectFrom('mandate as m')
          .select([
            'm.id',
            'm.version',
            'm.kind',
            'm.purpose',
            shownOr(mandateShown, 'm.text').as('text'),
            'm.addressee',
            'm.due_on',
            'm.check_method',
            'm.review_on',
            sql<string | null>`case when ${mandateShown} then m.consequence else null end`.as('consequence'),
            'm.result',
            'm.escalated_from_id',
            'm.created_at',
            'm.created_by',
          ])
          .where('m.tenant_id', '=', tenantId)
          .where('m.case_id', '=', caseId)
          .orderBy('m.due_on'),
      ).as('mandates'),
      jsonObjectFrom(
        db
          .selectFrom('will_and_goals as w')
          .select([
            shownOr(willShown, 'w.will').as('will'),
            shownOr(willShown, 'w.direction_goal').as('direction_goal'),
            'w.version',
            'w.updated_at',
            'w.updated_by',
          ])
          .where('w.tenant_id', '=', tenantId)
          .where('w.case_id', '=', caseId),
      ).as('will'),
      jsonArrayFrom(
        db
          .selectFrom('goal as g')
          .select(['g.id', shownOr(goalShown, 'g.text').as('text'), 'g.due_on'])
          .where('g.tenant_id', '=', tenantId)
          .where('g.case_id', '=', caseId)
          .orderBy('g.position'),
      ).as('goals'),
      jsonArrayFrom(
        db
          .selectFrom('action_step as s')
          .innerJoin('goal as g', (j) =>
            j.onRef('g.tenant_id', '=', 's.tenant_id').onRef('g.id', '=', 's.goal_id'),
          )
          .select([
            's.id',
            's.goal_id',
            shownOr(stepShown, 's.who').as('who'),
            shownOr(stepShown, 's.what').as('what'),
            's.due_on',
            's.resource_id',
          ])
          .where('g.tenant_id', '=', tenantId)
          .where('g.case_id', '=', caseId)
          .orderBy('s.position'),
      ).as('steps'),
      jsonArrayFrom(
        db
          .selectFrom('resource as r')
          .leftJoin('atlas_entry as a', (j) =>
            j.onRef('a.tenant_id', '=', 'r.tenant_id').onRef('a.id', '=', 'r.directory_entry_id'),
          )
          .select([
            'r.id',
            'r.area',
            shownOr(resourceShown, 'r.description').as('description'),
            'r.goal_id',
            // The atlas entry would tell what the resource is: withheld with it.
            sql<string | null>`case when ${resourceShown} then r.directory_entry_id else null end`.as(
              'directory_entry_id',
            ),
            sql<string | null>`case when ${resourceShown} then a.name else null end`.as(
              'directory_entry_name',
            ),
            'r.created_by',
          ])
          .where('r.tenant_id', '=', tenantId)
          .where('r.case_id', '=', caseId)
          .orderBy('r.created_at'),
      ).as('resources'),
      jsonArrayFrom(
        db
          .selectFrom('network_tie as n')
          .select([
            'n.id',
            shownOr(tieShown, 'n.name').as('name'),
            'n.kind',
            'n.closeness',
            'n.quality',
            'n.angle',
            'n.version',
            'n.created_by',
          ])
          .where('n.tenant_id', '=', tenantId)
          .where('n.case_id', '=', caseId)
          // By the name as shown: a withheld entry's place in the list must not tell where its name sorts.
          .orderBy(shownOr(tieShown, 'n.name'))
          .orderBy('n.id'),
      ).as('network'),
      jsonArrayFrom(
        db
          .selectFrom('peer_consultation as pc')
          .select([
            'pc.id',
            'pc.held_on',
            'pc.question',
            'pc.moderator_id',
            'pc.minutes_id',
            'pc.perspective_id',
            'pc.ideas',
            'pc.decision',
            'pc.closing_answer',
            'pc.age_cohort',
            'pc.need_id',
          ])
          .where('pc.tenant_id', '=', tenantId)
          .where('pc.case_id', '=', caseId)
          .orderBy('pc.held_on'),
      ).as('peer'),
      jsonArrayFrom(
        db
          .selectFrom('help_plan as hp')
          .select([
            'hp.id',
            'hp.version_no',
            'hp.supersedes_id',
            'hp.application_on',
            plan.applicant.as('applicant'),
            'hp.meeting_on',
            plan.participants.as('participants'),
            'hp.child_participated',
            plan.agreedMeasures.as('agreed_measures'),
            'hp.review_on',
            plan.directionGoal.as('direction_goal'),
            plan.goals.as('goals'),
            plan.attainment.as('attainment'),
            'hp.created_at',
            'hp.created_by',
          ])
          .where('hp.tenant_id', '=', tenantId)
          .where('hp.case_id', '=', caseId)
          .orderBy('hp.version_no'),
      ).as('plans'),
      jsonObjectFrom(familyConferences(db, tenantId, viewer).where('f.case_id', '=', caseId)).as(
        'conference',
      ),
      jsonArrayFrom(
        db
          .selectFrom('consent as k')
          .select([
            'k.id',
            'k.person_id',
            'k.recipient',
            'k.purpose',
            'k.valid_from',
            'k.valid_until',
            'k.revoked_on',
          ])
          .where('k.tenant_id', '=', tenantId)
          .where('k.case_id', '=', caseId)
          .orderBy('k.valid_from'),
      ).as('consents'),
      jsonArrayFrom(
        db
          .selectFrom('case_document as cd')
          .select([
            'cd.id',
            shownOr(documentShown, 'cd.file_name').as('file_name'),
            'cd.content_type',
            'cd.size',
            'cd.uploaded_at',
            'cd.uploaded_by',
          ])
          .where('cd.tenant_id', '=', tenantId)
          .where('cd.case_id', '=', caseId)
          .orderBy('cd.uploaded_at'),
      ).as('documents'),
      jsonArrayFrom(caseReopenings(db, tenantId, caseId)).as('reopenings'),
      jsonArrayFrom(
        db
          .selectFrom('case_lead_change as l')
          .select(['l.id', 'l.to_user_id', 'l.note', 'l.changed_at'])
          .where('l.tenant_id', '=', tenantId)
          .where('l.case_id', '=', caseId)
          .orderBy('l.changed_at'),
      ).as('lead_changes'),
      jsonArrayFrom(caseTeamChanges(db, tenantId, caseId)).as('team_changes'),
      jsonArrayFrom(caseTransfers(db, tenantId, caseId)).as('transfers'),
      jsonArrayFrom(
        db
          .selectFrom('app_user as su')
          .select(['su.id', 'su.display_name'])
          .where('su.tenant_id', '=', tenantId)
          .where(sql<boolean>`su.id in ${staffIds}`),
      ).as('staff'),
      jsonArrayFrom(timelineNotes(db, tenantId, caseId, viewer)).as('notes'),
      jsonArrayFrom(caseMarkRows(db, tenantId, caseId, caseMarkTypes)).as('marks'),
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!row) return undefined;
  const instant = (text: string) => new Date(text);
  const {
    members,
    consultations,
    mandates,
    will,
    goals,
    steps,
    resources,
    network,
    peer,
    plans,
    conference,
    consents,
    documents,
    reopenings,
    lead_changes,
    team_changes,
    transfers,
    staff,
    notes,
    marks,
    ...base
  } = row;
  return {
    /** The case's summary row and its household: the head of the page. */
    base,
    members,
    consultations,
    mandates: mandates.map((m) => ({ ...m, created_at: instant(m.created_at) })),
    will: will ? { ...will, updated_at: instant(will.updated_at) } : undefined,
    goals,
    steps,
    resources,
    network,
    peer,
    plans: plans.map((p) => ({ ...p, created_at: instant(p.created_at) })),
    conference: conference ?? undefined,
    consents,
    documents: documents.map((d) => ({ ...d, uploaded_at: instant(d.uploaded_at) })),
    reopenings,
    leadChanges: lead_changes.map((c) => ({ ...c, changed_at: instant(c.changed_at) })),
    handovers: {
      teamChanges: team_changes.map((c) => ({ ...c, moved_at: instant(c.moved_at) })),
      transfers,
    },
    staff,
    notes: notes.map((n) => ({ ...n, occurred_at: instant(n.occurred_at) })),
    marks,
  };
}
export type CaseRecords = NonNullable<Awaited<ReturnType<typeof loadCaseRecords>>>;
