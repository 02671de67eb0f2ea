import type { CaseDetail } from '@leuchtturm/shared';
import { caseAreas, formatDateDe, mandateKinds } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CaseAccessReason } from '../access/policy.ts';
import { presentCaseSummary } from './presenter.ts';
import { listCases } from './queries.ts';

/** Everything the case page shows, in one call (a handful of indexed queries, no N+1). */
export async function loadCaseDetail(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  access: CaseAccessReason,
  today: string,
): Promise<CaseDetail> {
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
  const [summaryRow] = await listCases(
    db,
    { tenantId, userId: null, roles: [], teamId: null, deputyFor: [] },
    { status: 'alle', sort: 'name', scope: 'mine' },
    today,
    caseId,
  );
  if (!summaryRow) throw new Error('case vanished while loading');
  const members = await db
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
    .execute();

  const consultations = await db
    .selectFrom('risk_consultation')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('held_on')
    .orderBy('created_at')
    .execute();
  const mandates = await db
    .selectFrom('mandate')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('due_on')
    .execute();
  const will = await db
    .selectFrom('will_and_goals')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const goals = await db
    .selectFrom('goal')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  const steps =
    goals.length > 0
      ? await db
          .selectFrom('action_step')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where(
            'goal_id',
            'in',
            goals.map((g) => g.id),
          )
          .orderBy('position')
          .execute()
      : [];
  const resources = await db
    .selectFrom('resource')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  const network = await db
    .selectFrom('network_tie')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('name')
    .execute();
  const peer = await db
    .selectFrom('peer_consultation')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('held_on')
    .execute();
  const plans = await db
    .selectFrom('help_plan')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('version_no')
    .execute();
  const conference = await db
    .selectFrom('family_conference')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const consents = await db
    .selectFrom('consent')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('valid_from')
    .execute();
  const documents = await db
    .selectFrom('case_document')
    .select(['id', 'file_name', 'content_type', 'size', 'uploaded_at'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('uploaded_at')
    .execute();
  // Names of the staff who appear in this case only (not the whole directory).
  const staffIds = [
    ...new Set([
      ...consultations.flatMap((r) => r.participant_ids),
      ...peer.flatMap((p) => [p.moderator_id, p.minutes_id, p.perspective_id]),
      ...plans.flatMap((p) => (p.created_by ? [p.created_by] : [])),
    ]),
  ];
  const staffNames = new Map(
    staffIds.length > 0
      ? (
          await db
            .selectFrom('app_user')
            .select(['id', 'display_name'])
            .where('tenant_id', '=', tenantId)
            .where('id', 'in', staffIds)
            .execute()
        ).map((u) => [u.id, u.display_name])
      : [],
  );
  const name = (id: string) => staffNames.get(id) ?? 'unbekannt';
  const personName = new Map(members.map((m) => [m.id, `${m.first_name} ${m.last_name}`]));

  const timeline: CaseDetail['timeline'] = [
    { at: base.opened_on, kind: 'eingang', text: 'Falleingang' },
    ...consultations.map((r) => ({
      at: r.held_on,
      kind: 'einordnung',
      text: `Kurzberatung: ${caseAreas.labels[r.area as keyof typeof caseAreas.labels]}`,
    })),
    ...mandates.map((m) => ({
      at: m.created_at.toISOString().slice(0, 10),
      kind: 'auftrag',
      text: `${mandateKinds.labels[m.kind as 'auftrag']} bis ${formatDateDe(m.due_on)}`,
    })),
    ...(will
      ? [
          {
            at: will.updated_at.toISOString().slice(0, 10),
            kind: 'ziele',
            text: 'Wille und Ziele aktualisiert',
          },
        ]
      : []),
    ...peer.map((p) => ({ at: p.held_on, kind: 'beratung', text: 'Kollegiale Beratung' })),
    ...plans.map((p) => ({
      at: p.meeting_on,
      kind: 'hilfeplan',
      text: `Hilfeplan, Fassung ${p.version_no}`,
    })),
    ...consents.map((c) => ({
      at: c.valid_from,
      kind: 'einwilligung',
      text: `Schweigepflichtentbindung: ${c.recipient}`,
    })),
    ...(summaryRow.closed_on
      ? [{ at: summaryRow.closed_on, kind: 'abschluss', text: 'Fall abgeschlossen' }]
      : []),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  const supersededBy = new Map(
    plans.filter((p) => p.supersedes_id).map((p) => [p.supersedes_id as string, p.id]),
  );
  return {
    ...presentCaseSummary(summaryRow, today),
    accessRoute: base.access_route as CaseDetail['accessRoute'],
    reporter: base.reporter,
    concern: base.concern,
    closing: base.closing_reason
      ? {
          reason: base.closing_reason as never,
          outcome: base.closing_outcome as never,
          tip: base.closing_tip,
        }
      : null,
    household: {
      id: base.household_id,
      name: base.household_name,
      version: base.household_version,
      address: { street: base.street_name, houseNumber: base.house_number, postalCode: base.postal_code },
      district:
        base.h_district_id && base.h_district_name
          ? { id: base.h_district_id, name: base.h_district_name }
          : null,
      team: base.h_team_id && base.h_team_name ? { id: base.h_team_id, name: base.h_team_name } : null,
      members: members.map((m) => ({
        role: m.role as never,
        custody: m.custody as never,
        person: {
          id: m.id,
          firstName: m.first_name,
          lastName: m.last_name,
          birthDate: m.birth_date,
          gender: m.gender as never,
          language: m.language,
          phone: m.phone,
          version: m.version,
        },
      })),
    },
    classifications: consultations.map((r) => ({
      id: r.id,
      area: r.area as never,
      decidedOn: r.held_on,
      participants: r.participant_ids.map(name),
      facts: r.facts,
      nextSteps: r.next_steps,
    })),
    mandates: mandates.map((m) => ({
      id: m.id,
      version: m.version,
      kind: m.kind as never,
      text: m.text,
      addressee: m.addressee,
      dueOn: m.due_on,
      checkMethod: m.check_method,
      consequence: m.consequence,
      result: m.result as never,
      overdue: m.result === 'offen' && m.due_on < today,
    })),
    willAndGoals: {
      will: will?.will ?? '',
      directionGoal: will?.direction_goal ?? '',
      version: will?.version ?? 0,
      actionGoals: goals.map((g) => ({
        id: g.id,
        text: g.text,
        dueOn: g.due_on,
        steps: steps
          .filter((s) => s.goal_id === g.id)
          .map((s) => ({ id: s.id, who: s.who, what: s.what, dueOn: s.due_on, resourceId: s.resource_id })),
      })),
    },
    resources: resources.map((r) => ({
      id: r.id,
      area: r.area as never,
      description: r.description,
      goalId: r.goal_id,
      directoryEntryId: r.directory_entry_id,
    })),
    network: network.map((n) => ({
      id: n.id,
      name: n.name,
      kind: n.kind as never,
      closeness: n.closeness,
      quality: n.quality as never,
      angle: n.angle,
      version: n.version,
    })),
    peerConsultations: peer.map((p) => ({
      id: p.id,
      heldOn: p.held_on,
      question: p.question,
      moderatorId: p.moderator_id,
      minutesId: p.minutes_id,
      perspectiveId: p.perspective_id,
      moderator: name(p.moderator_id),
      minutes: name(p.minutes_id),
      perspective: name(p.perspective_id),
      ideas: p.ideas as never,
      decision: p.decision,
      closingAnswer: p.closing_answer,
      ageCohort: p.age_cohort as never,
      needId: p.need_id,
    })),
    helpPlans: plans.map((p) => ({
      id: p.id,
      versionNo: p.version_no,
      supersedesId: p.supersedes_id,
      supersededBy: supersededBy.get(p.id) ?? null,
      applicationOn: p.application_on,
      applicant: p.applicant,
      meetingOn: p.meeting_on,
      participants: p.participants,
      childParticipated: p.child_participated,
      agreedMeasures: p.agreed_measures,
      reviewOn: p.review_on,
      directionGoal: p.direction_goal,
      goals: p.goals,
      attainment: p.attainment as never,
      createdAt: p.created_at.toISOString(),
      createdBy: p.created_by ? name(p.created_by) : null,
    })),
    familyConference: conference
      ? {
          concern: conference.concern,
          coordinator: conference.coordinator,
          participants: conference.participants,
          place: conference.place,
          heldOn: conference.held_on,
          phase: conference.phase as never,
          familyPlan: conference.family_plan,
          officeDecision: conference.office_decision,
          followUpOn: conference.follow_up_on,
          version: conference.version,
        }
      : null,
    consents: consents.map((c) => ({
      id: c.id,
      personId: c.person_id,
      personName: personName.get(c.person_id) ?? 'unbekannt',
      recipient: c.recipient,
      purpose: c.purpose,
      validFrom: c.valid_from,
      validUntil: c.valid_until,
      revokedOn: c.revoked_on,
      active: !c.revoked_on && c.valid_from <= today && (!c.valid_until || c.valid_until >= today),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      fileName: d.file_name,
      contentType: d.content_type,
      size: d.size,
      uploadedAt: d.uploaded_at.toISOString(),
    })),
    timeline,
    access,
  };
}
