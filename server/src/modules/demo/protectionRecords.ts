import {
  ageOn,
  assessmentDueAt,
  berlinDateOf,
  type CpResult,
  type CpUrgency,
  cpChecklistAreas,
  cpResultAreas,
  cpResults,
  instantOfBerlinDateTime,
  type ProcessStepDefinition,
} from '@leuchtturm/shared';
import { emitReportNotes } from './protectionNotes.ts';
import { emitProcess } from './protectionProcess.ts';
import * as texts from './protectionTexts.ts';
import type { ProtectionCaseRow } from './queries/childProtection.ts';
import { type Random, randomUuid } from './random.ts';
import type { RowBuffer } from './rows.ts';

/**
 * One § 8a report of the demo city and everything it leaves behind, written the way the child-protection services
 * would have written it (docs/child-protection.md): a check per child concerned, the result's Kurzberatung in the
 * classification history (the result's area, cpResultAreas), the consequences with their Aufträge or Auflagen, the
 * Einschätzungshilfe of a home visit, the Aktenvermerke of the contacts, and the check's own "Kinderschutz" process
 * replayed by the rules of a running instance (processes/engine.ts). A part still missing (null) has not happened.
 */

export interface Member {
  person_id: string;
  role: string;
  first_name: string;
  birth_date: string | null;
  gender: string | null;
  language: string | null;
}

export interface CaseContext {
  row: ProtectionCaseRow;
  lastName: string;
  members: Member[];
  measures: { begin_on: string; end_on: string | null; category: string }[];
}

export interface MandateSpec {
  kind: 'auftrag' | 'auflage';
  purpose: 'klaerung' | 'abwendung';
  text: string;
  dueOn: string;
  reviewOn: string;
  result: string;
}

export interface ReportSpec {
  c: CaseContext;
  children: Member[];
  reporterKind: string;
  reporterName: string | null;
  channel: string;
  reportText: string;
  receivedAt: Date;
  takenBy: string;
  urgency: { value: CpUrgency; at: Date; by: string } | null;
  assessment: { at: Date; participants: string[]; facts: string } | null;
  visit:
    | { status: 'durchgefuehrt'; at: Date; kind: string; childSeen: boolean; findings: string }
    | { status: 'nicht_erforderlich'; at: Date; reason: string }
    | null;
  /** Areas found auffällig on the visit's Einschätzungshilfe, or null for none recorded. */
  checklist: { auffaellig: string[]; unclear: string[] } | null;
  result: { value: CpResult; at: Date; by: string; completedOn: string } | null;
  schutzplan: { decidedOn: string; text: string; reviewDates: string[]; mandates: MandateSpec[] } | null;
  offer: { decidedOn: string; kind: string } | null;
  court: { decidedOn: string; text: string } | null;
  care: {
    begin: Date;
    place: string;
    informedAt: Date;
    how: string;
    end: Date | null;
    reason: string | null;
  } | null;
  /** The Abschluss of the check, or null while it is open. */
  closedAt: Date | null;
}

/** What the emitter needs besides the report: where rows go, the draws, the definition, the statistic's state. */
export interface Emitter {
  tenantId: string;
  rnd: Random;
  rows: RowBuffer;
  /** The real instant of generation: nothing is written after it. */
  now: Date;
  /** The "Kinderschutz" definition (version 1), or null when the tenant has none. */
  process: { id: string; steps: ProcessStepDefinition[] } | null;
  /** Checks whose father is absent so far: every fourth gets no estimate of his age (an incomplete record). */
  absentFathers: number;
  inobhutnahmen: number;
}

const HOUR = 3_600_000;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
const name = (m: Member | undefined, last: string) => (m ? `${m.first_name} ${last}` : last);

/** Writes the report: a check per child, and what belongs to the case once (mandates, notes). */
export function emitReport(e: Emitter, r: ReportSpec, withProcess: boolean): void {
  const { c } = r;
  const mother = c.members.find((m) => m.role === 'mutter');
  const father = c.members.find((m) => m.role === 'vater');
  const mandateIds = (r.schutzplan?.mandates ?? []).map((m) => {
    const id = randomUuid(e.rnd);
    e.rows.push('mandate', {
      tenant_id: e.tenantId,
      id,
      case_id: c.row.id,
      kind: m.kind,
      purpose: m.purpose,
      text: m.text,
      addressee: mother ? `Frau ${c.lastName}` : `Familie ${c.lastName}`,
      due_on: m.dueOn,
      check_method:
        m.kind === 'auflage' ? 'Hausbesuch und Rückmeldung der Kita oder Schule' : 'Nachweis der Familie',
      review_on: m.reviewOn,
      result: m.result,
      consequence: null,
      escalated_from_id: null,
    });
    return id;
  });
  const stats = statisticFields(e, r, mother, father);
  for (const child of r.children) {
    const checkId = randomUuid(e.rnd);
    const consultationId = r.result ? randomUuid(e.rnd) : null;
    if (r.result && consultationId && r.assessment) {
      e.rows.push('risk_consultation', {
        tenant_id: e.tenantId,
        id: consultationId,
        case_id: c.row.id,
        held_on: r.result.completedOn,
        participant_ids: r.assessment.participants,
        facts: `Ergebnis der Gefährdungseinschätzung nach § 8a SGB VIII für ${name(child, c.lastName)}: ${cpResults.labels[r.result.value]}.`,
        area: cpResultAreas[r.result.value],
        next_steps: 'Konsequenzen der Gefährdungseinschätzung festhalten (Kinderschutz, § 8a).',
      });
    }
    const young = child.birth_date !== null && ageOn(child.birth_date, berlinDateOf(r.receivedAt)) < 6;
    const kinds = [...stats.serviceKinds, ...(young && e.rnd.chance(0.6) ? ['kindertagesbetreuung'] : [])];
    e.rows.push('child_protection_check', {
      tenant_id: e.tenantId,
      id: checkId,
      case_id: c.row.id,
      child_id: child.person_id,
      received_at: r.receivedAt,
      reporter_kind: r.reporterKind,
      reporter_name: r.reporterName,
      channel: r.channel,
      report_text: r.reportText.replaceAll('{kind}', child.first_name),
      taken_by: r.takenBy,
      urgency: r.urgency?.value ?? null,
      urgency_reason: r.urgency?.value === 'sofort' ? 'Kind ist derzeit ohne Schutz.' : null,
      urgency_decided_at: r.urgency?.at ?? null,
      urgency_decided_by: r.urgency?.by ?? null,
      assessment_due_at: r.urgency ? assessmentDueAt(r.receivedAt, r.urgency.value) : null,
      assessment_held_at: r.assessment?.at ?? null,
      assessment_participant_ids: r.assessment?.participants ?? null,
      assessment_facts: r.assessment?.facts ?? null,
      risk_factors: r.assessment ? e.rnd.pick(texts.riskFactors) : null,
      protective_factors: r.assessment ? e.rnd.pick(texts.protectiveFactors) : null,
      visit_status: r.visit?.status ?? null,
      visit_at: r.visit?.status === 'durchgefuehrt' ? r.visit.at : null,
      visit_kind: r.visit?.status === 'durchgefuehrt' ? r.visit.kind : null,
      child_seen: r.visit?.status === 'durchgefuehrt' ? r.visit.childSeen : null,
      visit_findings: r.visit?.status === 'durchgefuehrt' ? r.visit.findings : null,
      visit_reason: r.visit?.status === 'nicht_erforderlich' ? r.visit.reason : null,
      result: r.result?.value ?? null,
      completed_on: r.result?.completedOn ?? null,
      endangerment_types: r.result ? stats.types : [],
      danger_sources: r.result ? stats.sources : [],
      residence: r.result ? stats.residence : null,
      mother_age_group: r.result ? stats.motherAge : null,
      father_age_group: r.result ? stats.fatherAge : null,
      parent_foreign_origin: r.result ? stats.foreignOrigin : null,
      german_at_home: r.result ? stats.germanAtHome : null,
      services_in_use: r.result ? kinds.length > 0 : null,
      service_kinds: r.result ? kinds : [],
      result_note: r.result ? texts.resultNotes[r.result.value] : null,
      result_decided_by: r.result?.by ?? null,
      result_consultation_id: consultationId,
      status: r.closedAt ? 'abgeschlossen' : 'offen',
      closed_at: r.closedAt,
      closed_by: r.closedAt ? c.row.lead_user_id : null,
      created_by: r.takenBy,
      created_at: plus(r.receivedAt, HOUR / 4),
    });
    emitChecklist(e, r, checkId);
    const consequences = emitConsequences(e, r, checkId, mandateIds);
    if (withProcess && e.process) emitProcess(e, r, checkId, consequences);
  }
  emitReportNotes(e, r);
}

function statisticFields(e: Emitter, r: ReportSpec, mother?: Member, father?: Member) {
  const on = r.result?.completedOn ?? berlinDateOf(r.receivedAt);
  const ageGroup = (m: Member) => {
    const age = m.birth_date ? ageOn(m.birth_date, on) : 30;
    return age < 18 ? 'unter_18' : age < 27 ? 'von_18_bis_26' : 'ab_27';
  };
  let fatherAge = father ? ageGroup(father) : 'ab_27';
  if (!father && r.result && e.absentFathers++ % 4 === 3) fatherAge = 'unbekannt';
  const german = (mother?.language ?? 'deutsch') === 'deutsch';
  const endangering = r.result && (r.result.value === 'akut' || r.result.value === 'latent');
  const types = endangering
    ? (['vernachlaessigung', 'psychisch', 'koerperlich', 'sexuell'] as const).filter((_, i) =>
        e.rnd.chance([0.6, 0.35, 0.25, 0.04][i] ?? 0),
      )
    : [];
  const sources = endangering
    ? (['mutter', 'vater', 'stiefelternteil', 'sonstige'] as const).filter((_, i) =>
        e.rnd.chance([0.65, father ? 0.5 : 0.1, father ? 0.08 : 0.25, 0.05][i] ?? 0),
      )
    : [];
  const running = r.c.measures.filter((m) => m.begin_on <= on && (m.end_on === null || m.end_on >= on));
  const serviceKinds = [
    ...new Set(running.map((m) => (m.category === 'stationaer' ? 'hze_stationaer' : 'hze_ambulant'))),
    ...(e.rnd.chance(0.1) ? ['foerderung_familie'] : []),
  ];
  return {
    residence: father
      ? e.rnd.chance(0.85)
        ? 'eltern'
        : 'elternteil_partner'
      : e.rnd.weighted([
          ['alleinerziehend', 75],
          ['elternteil_partner', 20],
          ['verwandte', 5],
        ] as const),
    motherAge: mother ? ageGroup(mother) : 'unbekannt',
    fatherAge,
    foreignOrigin: german ? (e.rnd.chance(0.1) ? 'ja' : 'nein') : 'ja',
    germanAtHome: german ? 'ja' : e.rnd.chance(0.35) ? 'ja' : 'nein',
    types: endangering && types.length === 0 ? ['vernachlaessigung'] : [...types],
    sources: endangering && sources.length === 0 ? ['mutter'] : [...sources],
    serviceKinds,
  };
}

function emitChecklist(e: Emitter, r: ReportSpec, checkId: string) {
  if (!r.checklist || r.visit?.status !== 'durchgefuehrt') return;
  for (const area of cpChecklistAreas.values) {
    const rating = r.checklist.auffaellig.includes(area)
      ? 'auffaellig'
      : r.checklist.unclear.includes(area)
        ? 'nicht_beurteilbar'
        : 'unauffaellig';
    e.rows.push('visit_checklist_entry', {
      tenant_id: e.tenantId,
      check_id: checkId,
      area,
      rating,
      note:
        rating === 'auffaellig'
          ? (texts.checklistNotes[area] ?? 'Auffällig, siehe Vermerk.')
          : rating === 'nicht_beurteilbar'
            ? 'Beim Hausbesuch nicht zu beurteilen.'
            : null,
      recorded_by: r.takenBy,
      recorded_at: plus(r.visit.at, 2 * HOUR),
    });
  }
}

/** The consequences of one check; returns each id with the instant it was recorded (for the process). */
function emitConsequences(e: Emitter, r: ReportSpec, checkId: string, mandateIds: string[]) {
  const recorded: { id: string; at: Date }[] = [];
  const by = r.c.row.lead_user_id;
  const push = (kind: string, decidedOn: string, fields: Record<string, unknown>) => {
    const id = randomUuid(e.rnd);
    e.rows.push('protection_measure', {
      tenant_id: e.tenantId,
      id,
      check_id: checkId,
      kind,
      decided_on: decidedOn,
      description: null,
      review_dates: [],
      offer_kind: null,
      begin_at: null,
      place: null,
      carers_informed_at: null,
      carers_informed_how: null,
      end_at: null,
      end_reason: null,
      created_by: by,
      ...fields,
    });
    return id;
  };
  const after = r.result?.at ?? r.receivedAt;
  if (r.care) {
    e.inobhutnahmen++;
    const id = push('inobhutnahme', berlinDateOf(r.care.begin), {
      begin_at: r.care.begin,
      place: r.care.place,
      carers_informed_at: r.care.informedAt,
      carers_informed_how: r.care.how,
      end_at: r.care.end,
      end_reason: r.care.reason,
    });
    recorded.push({ id, at: plus(after, HOUR / 3) });
  }
  if (r.schutzplan) {
    const id = push('schutzplan', r.schutzplan.decidedOn, {
      description: r.schutzplan.text,
      review_dates: r.schutzplan.reviewDates,
    });
    for (const mandateId of mandateIds)
      e.rows.push('protection_measure_mandate', {
        tenant_id: e.tenantId,
        measure_id: id,
        mandate_id: mandateId,
      });
    recorded.push({ id, at: later(r.schutzplan.decidedOn, after) });
  }
  if (r.court) {
    const id = push('familiengericht', r.court.decidedOn, { description: r.court.text });
    recorded.push({ id, at: later(r.court.decidedOn, after) });
  }
  if (r.offer) {
    const id = push('hilfeangebot', r.offer.decidedOn, { offer_kind: r.offer.kind });
    recorded.push({ id, at: later(r.offer.decidedOn, after) });
  }
  if (r.closedAt) {
    const id = push('abschluss', berlinDateOf(r.closedAt), {
      description: 'Gefährdungseinschätzung abgeschlossen.',
    });
    recorded.push({ id, at: r.closedAt });
  }
  return recorded;
}

/** A consequence decided on a day is recorded that afternoon, and never before the result. */
function later(day: string, after: Date): Date {
  const afternoon = instantOfBerlinDateTime(`${day}T15:00`);
  return afternoon.getTime() > after.getTime() ? afternoon : plus(after, HOUR / 2);
}
