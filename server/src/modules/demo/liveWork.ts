import {
  addDays,
  addWorkingDays,
  type CpResult,
  type CpUrgency,
  instantOfBerlinDateTime,
  isWorkingDay,
} from '@leuchtturm/shared';
import { checklistFor, colleagueOf, concernedChildren, type TeamStaff } from './protectionHistory.ts';
import type { CaseContext, ReportSpec } from './protectionRecords.ts';
import * as texts from './protectionTexts.ts';
import type { Random } from './random.ts';

/**
 * The § 8a checks under way when the demo is generated, dated back from the real "today" (Berlin) rather than from
 * the history's reference day, so that the work lists are never empty on a first start, whatever the date
 * (docs/decisions.md, "Demo data have a fixed reference date"). The demo case manager (`fachkraft`) gets one of
 * each stage in her own open cases:
 * - `overdue`: a school's report three days ago, urgency "innerhalb 24 Stunden", no assessment yet: overdue.
 *   (Steps fall on working days: a report "three days ago" came on the last working day that far back.)
 * - `visited`: assessed and visited; the result (the team lead's step) is due today when today is a working day.
 * - `inCare`: an acute endangerment five weeks ago with a running Inobhutnahme, the family court called, a
 *   Schutzplan whose review and Auflage are due today.
 * - `reported`: a Kita's report on the last working day, the Ersteinschätzung due 24 hours later (today, after a
 *   weekend already passed).
 * - `resulted`: a latent endangerment recorded three days ago, its consequences due within the week.
 * A few other open cases of the city get one stage each (about twelve at `city` scale, one at `small`).
 */

export type LiveStage = 'overdue' | 'visited' | 'inCare' | 'reported' | 'resulted';
export const OWN_STAGES: readonly LiveStage[] = ['overdue', 'visited', 'inCare', 'reported', 'resulted'];
export const OTHER_STAGES: readonly LiveStage[] = ['overdue', 'visited', 'reported', 'resulted'];
export const OTHER_LIVE_CHECKS = 12;

const at = (day: string, hour: number, minute = 0) =>
  instantOfBerlinDateTime(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
const plusMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/** The latest working day whose third working day after is `today` (or the next working day), or `earliest`. */
function threeWorkingDaysBefore(today: string, earliest: string): string {
  let target = today;
  while (!isWorkingDay(target)) target = addDays(target, 1);
  for (let back = 1; back <= 10; back++) {
    const day = addDays(target, -back);
    if (day < earliest) break;
    if (isWorkingDay(day) && addWorkingDays(day, 3) === target) return day;
  }
  return earliest;
}

/** One check at a stage, `shift` days further back than the demo case manager's. Null without a child under 18. */
export function liveReport(
  rnd: Random,
  c: CaseContext,
  staff: TeamStaff | undefined,
  stage: LiveStage,
  today: string,
  shift = 0,
): ReportSpec | null {
  // Offices, schools and Kitas work on working days: each step falls on the last working day so far back.
  const d = (n: number) => {
    let day = addDays(today, -(n + shift));
    while (!isWorkingDay(day)) day = addDays(day, -1);
    return day;
  };
  const lead = c.row.lead_user_id;
  const colleague = colleagueOf(rnd, staff, lead);
  const teamLead = staff?.lead ?? colleague;
  const receivedOn =
    stage === 'inCare'
      ? addDays(today, -35 - shift)
      : d({ overdue: 3, visited: 6, reported: 1, resulted: 9 }[stage]);
  const children = concernedChildren(rnd, c.members, receivedOn);
  if (children.length === 0) return null;
  const reporterKind = {
    overdue: 'schule',
    visited: 'polizei_gericht',
    inCare: 'polizei_gericht',
    reported: 'kita',
    resulted: 'anonym',
  }[stage];
  const receivedAt = {
    overdue: at(receivedOn, 9, 20),
    visited: at(receivedOn, 8, 40),
    inCare: at(receivedOn, 22, 40),
    reported: at(receivedOn, 16, 10),
    resulted: at(receivedOn, 10),
  }[stage];
  const urgency: CpUrgency | null = {
    overdue: 'innerhalb_24h',
    visited: 'innerhalb_72h',
    inCare: 'sofort',
    reported: null,
    resulted: 'innerhalb_72h',
  }[stage] as CpUrgency | null;
  const result: CpResult | null = stage === 'inCare' ? 'akut' : stage === 'resulted' ? 'latent' : null;
  const spec: ReportSpec = {
    c,
    children: stage === 'inCare' ? children : children.slice(0, 1),
    reporterKind,
    reporterName: reporterKind === 'anonym' ? null : (texts.reporterNames[reporterKind]?.[0] ?? null),
    channel: reporterKind === 'schule' || stage === 'visited' ? 'email' : 'telefonisch',
    reportText: texts.reportTexts[reporterKind]?.[stage === 'overdue' ? 1 : 0] ?? '',
    receivedAt,
    takenBy: lead,
    urgency: urgency
      ? { value: urgency, at: plusMinutes(receivedAt, urgency === 'sofort' ? 15 : 45), by: lead }
      : null,
    assessment: null,
    visit: null,
    checklist: null,
    result: null,
    schutzplan: null,
    offer: null,
    court: null,
    care: null,
    closedAt: null,
  };
  if (stage === 'overdue' || stage === 'reported') return spec;
  const participants = stage === 'inCare' ? [lead, colleague, teamLead] : [lead, colleague];
  const unique = [...new Set(participants)];
  const facts = texts.assessmentFacts[result ?? 'latent'][0] as string;
  if (stage === 'visited') {
    const visitDay = shift === 0 ? threeWorkingDaysBefore(today, d(5)) : d(3);
    spec.assessment = { at: at(d(5), 10, 30), participants: unique, facts };
    spec.visit = {
      status: 'durchgefuehrt',
      at: at(visitDay, 14),
      kind: 'hausbesuch',
      childSeen: true,
      findings: texts.visitFindings.latent[0] as string,
    };
    spec.checklist = { auffaellig: ['versorgung', 'aufsicht'], unclear: [] };
    return spec;
  }
  if (stage === 'resulted') {
    spec.assessment = { at: at(d(8), 11), participants: unique, facts };
    spec.visit = {
      status: 'durchgefuehrt',
      at: at(d(7), 15),
      kind: 'hausbesuch',
      childSeen: true,
      findings: texts.visitFindings.latent[1] as string,
    };
    spec.checklist = checklistFor(rnd, 'latent');
    spec.result = { value: 'latent', at: at(d(3), 14), by: teamLead, completedOn: d(3) };
    return spec;
  }
  // inCare: the police at night, the visit within the hour, the child taken into care from there.
  const visitAt = plusMinutes(receivedAt, 50);
  const begin = plusMinutes(visitAt, 40);
  spec.visit = {
    status: 'durchgefuehrt',
    at: visitAt,
    kind: 'hausbesuch',
    childSeen: true,
    findings: texts.visitFindings.akut[1] as string,
  };
  spec.assessment = { at: plusMinutes(receivedAt, 150), participants: unique, facts };
  spec.checklist = { auffaellig: ['wohnsituation', 'versorgung', 'aufsicht'], unclear: [] };
  const after = (n: number) => addWorkingDays(receivedOn, n);
  spec.result = { value: 'akut', at: at(after(1), 15), by: teamLead, completedOn: after(1) };
  spec.care = {
    begin,
    place: texts.carePlaces[0],
    informedAt: plusMinutes(begin, 30),
    how: texts.carersInformed[0],
    end: null,
    reason: null,
  };
  spec.court = { decidedOn: after(2), text: texts.courtReasons[1] };
  spec.schutzplan = {
    decidedOn: after(4),
    text: texts.schutzplanTexts.akut[0] as string,
    reviewDates: [today, addDays(today, 28)],
    mandates: [
      {
        kind: 'auflage',
        purpose: 'abwendung',
        text: texts.mandateTexts.auflage[1] as string,
        dueOn: today,
        reviewOn: addDays(today, 7),
        result: 'offen',
      },
    ],
  };
  spec.offer = { decidedOn: after(4), kind: 'hze_stationaer' };
  return spec;
}
