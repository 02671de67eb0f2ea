import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import {
  type ContentViewer,
  confidedShownSql,
  shownOr,
  shownOrNull,
} from '../../confided/queries/visibility.ts';
import { caseReopenings } from './closing.ts';
import { caseHandovers } from './handovers.ts';
import { helpPlanContent } from './helpPlanContent.ts';

/**
 * Everything the case page shows, read in one go: the case row first (it names the household), then its records in
 * parallel (independent queries, each on an index by case), then the names of the staff who appear in them. The
 * viewer decides what of the § 65 confided content comes back (a confided file's name: the placeholder).
 */
export async function loadCaseRecords(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  viewer: ContentViewer,
) {
  const consultationShown = confidedShownSql(
    'risk_consultation',
    'risk_consultation.tenant_id',
    'risk_consultation.id',
    viewer,
  );
  const documentShown = confidedShownSql(
    'case_document',
    'case_document.tenant_id',
    'case_document.id',
    viewer,
  );
  const mandateShown = confidedShownSql('mandate', 'mandate.tenant_id', 'mandate.id', viewer);
  // Wille und Ziele is one sheet per case (its item id is the case's); a Hilfeplan's copy of the direction goal
  // stays under the sheet's mark (helpPlanContent.ts).
  const willShown = confidedShownSql(
    'will_and_goals',
    'will_and_goals.tenant_id',
    'will_and_goals.case_id',
    viewer,
  );
  // The Familienrat is one record per case (its item id is the case's); its date, phase and follow-up stay visible.
  const conferenceShown = confidedShownSql(
    'family_conference',
    'family_conference.tenant_id',
    'family_conference.case_id',
    viewer,
  );
  // A Handlungsziel's mark covers its steps (they are rewritten on every save, so have no lasting id).
  const goalShown = confidedShownSql('goal', 'goal.tenant_id', 'goal.id', viewer);
  const stepShown = confidedShownSql('goal', 's.tenant_id', 's.goal_id', viewer);
  const resourceShown = confidedShownSql('resource', 'r.tenant_id', 'r.id', viewer);
  const tieShown = confidedShownSql('network_tie', 'network_tie.tenant_id', 'network_tie.id', viewer);
  const plan = helpPlanContent('help_plan', viewer);
  const base = await db
    .selectFrom('case_file as c')
    .innerJoin('household as h', (j) =>
      j.onRef('h.tenant_id', '=', 'c.tenant_id').onRef('h.id', '=', 'c.household_id'),
    )
    .leftJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'h.tenant_id').onRef('d.id', '=', 'h.district_id'),
    )
    .leftJoin('team as t', (j) => j.onRef('t.tenant_id', '=', 'h.tenant_id').onRef('t.id', '=', 'h.team_id'))
    .select([
      'c.access_route',
      'c.reporter',
      'c.concern',
      'c.closing_reason',
      'c.closing_outcome',
      'c.closing_tip',
      'c.opened_on',
      'c.created_at',
      'h.id as household_id',
      'h.name as household_name',
      'h.version as household_version',
      'h.address_kind',
      'h.street_name',
      'h.house_number',
      'h.postal_code',
      'd.id as h_district_id',
      'd.name as h_district_name',
      't.id as h_team_id',
      't.name as h_team_name',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const [
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
    leadChanges,
    handovers,
  ] = await Promise.all([
    db
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
      .where('hm.tenant_id', '=', tenantId)
      .where('hm.household_id', '=', base.household_id)
      .orderBy('hm.position')
      .execute(),
    db
      .selectFrom('risk_consultation')
      .select([
        'id',
        'held_on',
        'participant_ids',
        'area',
        'created_at',
        shownOr(consultationShown, 'risk_consultation.facts').as('facts'),
        shownOr(consultationShown, 'risk_consultation.next_steps').as('next_steps'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('held_on')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('mandate')
      .selectAll()
      .select([
        shownOr(mandateShown, 'mandate.text').as('text'),
        sql<string | null>`case when ${mandateShown} then mandate.consequence else null end`.as(
          'consequence',
        ),
      ])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('due_on')
      .execute(),
    db
      .selectFrom('will_and_goals')
      .selectAll()
      .select([
        shownOr(willShown, 'will_and_goals.will').as('will'),
        shownOr(willShown, 'will_and_goals.direction_goal').as('direction_goal'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .executeTakeFirst(),
    db
      .selectFrom('goal')
      .selectAll()
      .select(shownOr(goalShown, 'goal.text').as('text'))
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('action_step as s')
      .selectAll('s')
      .select([shownOr(stepShown, 's.who').as('who'), shownOr(stepShown, 's.what').as('what')])
      .innerJoin('goal as g', (j) =>
        j.onRef('g.tenant_id', '=', 's.tenant_id').onRef('g.id', '=', 's.goal_id'),
      )
      .where('g.tenant_id', '=', tenantId)
      .where('g.case_id', '=', caseId)
      .orderBy('s.position')
      .execute(),
    db
      .selectFrom('resource as r')
      .leftJoin('atlas_entry as a', (j) =>
        j.onRef('a.tenant_id', '=', 'r.tenant_id').onRef('a.id', '=', 'r.directory_entry_id'),
      )
      .selectAll('r')
      .select([
        shownOr(resourceShown, 'r.description').as('description'),
        // The atlas entry would tell what the resource is: withheld with it.
        sql<string | null>`case when ${resourceShown} then r.directory_entry_id else null end`.as(
          'directory_entry_id',
        ),
        sql<string | null>`case when ${resourceShown} then a.name else null end`.as('directory_entry_name'),
      ])
      .where('r.tenant_id', '=', tenantId)
      .where('r.case_id', '=', caseId)
      .orderBy('r.created_at')
      .execute(),
    db
      .selectFrom('network_tie')
      .selectAll()
      .select(shownOr(tieShown, 'network_tie.name').as('name'))
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      // By the name as shown: a withheld entry's place in the list must not tell where its name sorts.
      .orderBy(shownOr(tieShown, 'network_tie.name'))
      .orderBy('network_tie.id')
      .execute(),
    db
      .selectFrom('peer_consultation')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('held_on')
      .execute(),
    db
      .selectFrom('help_plan')
      .selectAll()
      .select([
        plan.applicant.as('applicant'),
        plan.participants.as('participants'),
        plan.agreedMeasures.as('agreed_measures'),
        plan.directionGoal.as('direction_goal'),
        plan.goals.as('goals'),
        plan.attainment.as('attainment'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('version_no')
      .execute(),
    db
      .selectFrom('family_conference')
      .selectAll()
      .select([
        shownOr(conferenceShown, 'family_conference.concern').as('concern'),
        ...(['coordinator', 'participants', 'place', 'family_plan', 'office_decision'] as const).map((c) =>
          shownOrNull(conferenceShown, `family_conference.${c}`).as(c),
        ),
      ])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .executeTakeFirst(),
    db
      .selectFrom('consent')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('valid_from')
      .execute(),
    db
      .selectFrom('case_document')
      .select([
        'id',
        shownOr(documentShown, 'case_document.file_name').as('file_name'),
        'content_type',
        'size',
        'uploaded_at',
        'uploaded_by',
      ])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('uploaded_at')
      .execute(),
    caseReopenings(db, tenantId, caseId),
    db
      .selectFrom('case_lead_change')
      .select(['id', 'from_user_id', 'to_user_id', 'note', 'changed_by', 'changed_at'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('changed_at')
      .execute(),
    caseHandovers(db, tenantId, caseId),
  ]);
  // Names of the staff who appear in this case only (not the whole directory).
  const staffIds = [
    ...new Set([
      ...consultations.flatMap((r) => r.participant_ids),
      ...peer.flatMap((p) => [p.moderator_id, p.minutes_id, p.perspective_id]),
      ...plans.flatMap((p) => (p.created_by ? [p.created_by] : [])),
      ...reopenings.flatMap((r) => (r.reopened_by ? [r.reopened_by] : [])),
      ...leadChanges.map((c) => c.to_user_id),
    ]),
  ];
  const staff =
    staffIds.length > 0
      ? await db
          .selectFrom('app_user')
          .select(['id', 'display_name'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', staffIds)
          .execute()
      : [];
  return {
    base,
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
    leadChanges,
    handovers,
    staff,
  };
}
export type CaseRecords = Awaited<ReturnType<typeof loadCaseRecords>>;
