import type { CaseDetail, ConfidedMark } from '@leuchtturm/shared';
import { berlinDateOf, caseAreas, formatDateDe, mandateKinds } from '@leuchtturm/shared';
import { type CaseAccessReason, mayHandOverCase, mayReopenCase } from '../access/policy.ts';
import { presentTimelineNote } from '../caseNotes/presenter.ts';
import { presentCaseSummary } from './presenter.ts';
import type { CaseRecords } from './queries/detail.ts';

export interface CaseMarks {
  documents: ReadonlyMap<string, ConfidedMark>;
  consultations: ReadonlyMap<string, ConfidedMark>;
  mandates: ReadonlyMap<string, ConfidedMark>;
  will: ConfidedMark | null;
  conference: ConfidedMark | null;
  goals: ReadonlyMap<string, ConfidedMark>;
  plans: ReadonlyMap<string, ConfidedMark>;
  resources: ReadonlyMap<string, ConfidedMark>;
  network: ReadonlyMap<string, ConfidedMark>;
  markable: readonly string[];
  conferenceMarkable: boolean;
}

/** The case page: the summary head and every record of the method, shaped field by field (no raw rows leave). */
export function presentCaseDetail(
  /** The page's records; its `base` is the case's summary row too, and the Aktenvermerke (`notes`, newest first) are
   * listed in the Verlauf beside the system events. */
  records: CaseRecords,
  access: CaseAccessReason,
  today: string,
  /** § 65 marks of the records of the file (caseMarks.ts); what the reader may mark. */
  marks: CaseMarks = {
    documents: new Map(),
    consultations: new Map(),
    mandates: new Map(),
    will: null,
    conference: null,
    goals: new Map(),
    plans: new Map(),
    resources: new Map(),
    network: new Map(),
    markable: [],
    conferenceMarkable: false,
  },
): CaseDetail {
  const {
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
    notes,
  } = records;
  const summaryRow = base;
  const staffNames = new Map(staff.map((u) => [u.id, u.display_name]));
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
      at: berlinDateOf(m.created_at),
      kind: 'auftrag',
      text: `${mandateKinds.labels[m.kind as 'auftrag']} bis ${formatDateDe(m.due_on)}`,
    })),
    ...(will
      ? [
          {
            at: berlinDateOf(will.updated_at),
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
    // Each earlier closing stays in the Verlauf with the reopening that undid it.
    ...reopenings.flatMap((r) => [
      {
        at: r.reopened_on,
        kind: 'wiederaufnahme',
        text: `Fall wieder aufgenommen von ${r.reopened_by ? name(r.reopened_by) : 'unbekannt'}: ${r.reason}`,
      },
      // After its reopening: on the same day the Verlauf (newest first) shows the reopening above.
      { at: r.closed_on, kind: 'abschluss', text: 'Fall abgeschlossen' },
    ]),
    ...leadChanges.map((c) => ({
      at: berlinDateOf(c.changed_at),
      kind: 'fallfuehrung',
      text: `Fallführung an ${name(c.to_user_id)} übergeben${c.note ? `. Übergabenotiz: ${c.note}` : ''}`,
    })),
    ...handovers.teamChanges.map((c) => ({
      at: berlinDateOf(c.moved_at),
      kind: 'umzug',
      text: `Fall ${c.address_changed ? 'nach Umzug der Familie ' : ''}von ${c.from_team ?? 'ohne Team'} an ${c.to_team} übergeben: ${c.reason}`,
    })),
    ...handovers.transfers.map((t) => ({
      at: t.transferred_on,
      kind: 'abgabe',
      text: `Abgabe an ${t.receiving_office} (§ 86c SGB VIII): ${t.reason}`,
    })),
    ...(summaryRow.closed_on
      ? [{ at: summaryRow.closed_on, kind: 'abschluss', text: 'Fall abgeschlossen' }]
      : []),
    // Newest first already; the stable sort keeps a day's notes in the order of their time.
    ...notes.map(presentTimelineNote),
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
      address: {
        kind: base.address_kind,
        street: base.street_name,
        houseNumber: base.house_number,
        postalCode: base.postal_code,
      },
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
      confided: marks.consultations.get(r.id) ?? null,
    })),
    mandates: mandates.map((m) => ({
      id: m.id,
      version: m.version,
      kind: m.kind as never,
      purpose: m.purpose as never,
      text: m.text,
      addressee: m.addressee,
      dueOn: m.due_on,
      checkMethod: m.check_method,
      reviewOn: m.review_on,
      consequence: m.consequence,
      result: m.result as never,
      overdue: m.result === 'offen' && m.due_on < today,
      escalatedFromId: m.escalated_from_id,
      confided: marks.mandates.get(m.id) ?? null,
    })),
    willAndGoals: {
      will: will?.will ?? '',
      directionGoal: will?.direction_goal ?? '',
      version: will?.version ?? 0,
      confided: marks.will,
      actionGoals: goals.map((g) => ({
        id: g.id,
        text: g.text,
        dueOn: g.due_on,
        steps: steps
          .filter((s) => s.goal_id === g.id)
          .map((s) => ({ id: s.id, who: s.who, what: s.what, dueOn: s.due_on, resourceId: s.resource_id })),
        confided: marks.goals.get(g.id) ?? null,
      })),
    },
    resources: resources.map((r) => ({
      id: r.id,
      area: r.area as never,
      description: r.description,
      goalId: r.goal_id,
      directoryEntryId: r.directory_entry_id,
      directoryEntryName: r.directory_entry_name,
      confided: marks.resources.get(r.id) ?? null,
    })),
    network: network.map((n) => ({
      id: n.id,
      name: n.name,
      kind: n.kind as never,
      closeness: n.closeness,
      quality: n.quality as never,
      angle: n.angle,
      version: n.version,
      confided: marks.network.get(n.id) ?? null,
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
      confided: marks.plans.get(p.id) ?? null,
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
          confided: marks.conference,
          mayMarkConfided: marks.conferenceMarkable,
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
      confided: marks.documents.get(d.id) ?? null,
    })),
    timeline,
    access,
    mayReopen: summaryRow.status === 'abgeschlossen' && mayReopenCase(access),
    mayHandOver: mayHandOverCase(access),
    confidedMarkable: [...marks.markable],
  };
}
