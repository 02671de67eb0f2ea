import {
  addDays,
  addWorkingDays,
  ageOn,
  berlinDateOf,
  type CpResult,
  dayNumber,
  instantOfBerlinDateTime,
} from '@leuchtturm/shared';
import {
  type Area,
  LATER_REPORT_RATE,
  REPORT_RATE,
  REPORTER_BY_ROUTE,
  REPORTERS,
  RESULTS_BY_AREA,
  ROUTE_MEAN,
  ROUTE_WEIGHT,
  URGENCY_BY_RESULT,
} from './protectionRates.ts';
import type { CaseContext, MandateSpec, Member, ReportSpec } from './protectionRecords.ts';
import * as texts from './protectionTexts.ts';
import type { ProtectionCaseRow } from './queries/childProtection.ts';
import type { Random } from './random.ts';

/**
 * The § 8a reports of the demo city's history (the rates and their reasons: protectionRates.ts), up to a month
 * before its reference day (DEMO_TODAY), so that each has been assessed, decided and closed.
 */

export interface ReportPlan {
  receivedOn: string;
  result: CpResult;
  reporterKind: string;
}

/** Whether and when the case got § 8a reports before `lastDay`, and what they came to. */
export function planReports(rnd: Random, c: ProtectionCaseRow, lastDay: string): ReportPlan[] {
  const area = (c.intake_area ?? 'leistung') as Area;
  const plans: ReportPlan[] = [];
  const routeFactor = (ROUTE_WEIGHT[c.access_route] ?? 1) / ROUTE_MEAN;
  if (rnd.chance(REPORT_RATE[area] * routeFactor) && c.opened_on <= lastDay)
    plans.push({
      receivedOn: c.opened_on,
      result: rnd.weighted(RESULTS_BY_AREA[area]),
      reporterKind: rnd.weighted(REPORTER_BY_ROUTE[c.access_route] ?? REPORTERS),
    });
  const end = [c.closed_on ?? lastDay, lastDay].sort()[0] as string;
  const span = dayNumber(end) - dayNumber(c.opened_on);
  if (span >= 60 && rnd.chance(LATER_REPORT_RATE))
    plans.push({
      receivedOn: addDays(c.opened_on, rnd.int(30, span - 25)),
      result: rnd.weighted(RESULTS_BY_AREA[area]),
      reporterKind: rnd.weighted(REPORTERS),
    });
  return plans;
}

export interface TeamStaff {
  managers: string[];
  lead: string | null;
}

const HOUR = 3_600_000;
const at = (day: string, hour: number, minute = 0) =>
  instantOfBerlinDateTime(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
const latest = (...ds: Date[]) => new Date(Math.max(...ds.map((d) => d.getTime())));

/** A colleague of the case's lead in the team (the second professional), or the team lead. */
export function colleagueOf(rnd: Random, staff: TeamStaff | undefined, lead: string): string {
  const others = (staff?.managers ?? []).filter((m) => m !== lead);
  return others.length > 0 ? rnd.pick(others) : (staff?.lead ?? lead);
}

/** The children of the household a report on `day` can concern (under 18 then), one or all of them. */
export function concernedChildren(rnd: Random, members: Member[], day: string): Member[] {
  const minors = members.filter(
    (m) => m.role === 'kind' && m.birth_date !== null && ageOn(m.birth_date, day) < 18 && m.birth_date <= day,
  );
  if (minors.length <= 1 || rnd.chance(0.25)) return minors;
  return [rnd.pick(minors)];
}

export function channelFor(rnd: Random, kind: string): string {
  if (kind === 'polizei_gericht') return rnd.chance(0.6) ? 'email' : 'telefonisch';
  if (kind === 'eltern' || kind === 'minderjaehrige_selbst')
    return rnd.chance(0.7) ? 'persoenlich' : 'telefonisch';
  if (kind === 'anonym') return rnd.chance(0.8) ? 'telefonisch' : 'schriftlich';
  return rnd.weighted([
    ['telefonisch', 60],
    ['email', 25],
    ['persoenlich', 10],
    ['schriftlich', 5],
  ]);
}

/** The whole course of a planned report, or null when it could not have been completed by `limitDay`. */
export function historicReport(
  rnd: Random,
  c: CaseContext,
  plan: ReportPlan,
  staff: TeamStaff | undefined,
  demoToday: string,
): ReportSpec | null {
  const lead = c.row.lead_user_id;
  const children = concernedChildren(rnd, c.members, plan.receivedOn);
  if (children.length === 0) return null;
  const limitDay = [c.row.closed_on ?? demoToday, addDays(demoToday, -1)].sort()[0] as string;
  const { result, reporterKind } = plan;
  const night = reporterKind === 'polizei_gericht' && rnd.chance(0.4);
  const receivedAt = at(
    plan.receivedOn,
    night ? rnd.pick([0, 1, 2, 20, 21, 22, 23]) : rnd.int(8, 16),
    rnd.int(0, 11) * 5,
  );
  const colleague = colleagueOf(rnd, staff, lead);
  const takenBy = rnd.chance(0.8) ? lead : colleague;
  const urgency = rnd.weighted(URGENCY_BY_RESULT[result]);
  const urgencyAt = plus(receivedAt, (urgency === 'sofort' ? rnd.int(10, 30) : rnd.int(30, 180)) * 60_000);
  const late = rnd.chance(0.05);
  const receivedDay = berlinDateOf(receivedAt);
  let assessmentAt: Date;
  if (urgency === 'sofort') assessmentAt = plus(receivedAt, rnd.int(60, 180) * 60_000);
  else if (urgency === 'innerhalb_24h')
    assessmentAt = plus(receivedAt, (late ? rnd.int(26, 40) : rnd.int(3, 20)) * HOUR);
  else
    assessmentAt = at(
      addDays(
        receivedDay,
        urgency === 'innerhalb_72h' ? rnd.int(1, late ? 5 : 2) : rnd.int(3, late ? 18 : 12),
      ),
      rnd.int(9, 14),
    );
  const urgent = urgency === 'sofort' || urgency === 'innerhalb_24h';
  const participants = [lead, colleague, ...(result === 'akut' && staff?.lead ? [staff.lead] : [])];
  const assessment = {
    at: assessmentAt,
    participants: [...new Set(participants)].length >= 2 ? [...new Set(participants)] : [lead, colleague],
    facts: rnd.pick(texts.assessmentFacts[result]),
  };
  const visitKind = rnd.weighted([
    ['hausbesuch', 70],
    ['einrichtung', 15],
    ['einbestellung', 12],
    ['sonstige', 3],
  ] as const);
  const visit: ReportSpec['visit'] =
    result === 'kein_bedarf' && rnd.chance(0.06)
      ? {
          status: 'nicht_erforderlich',
          at: plus(assessmentAt, HOUR / 2),
          reason: rnd.pick(texts.noVisitReasons),
        }
      : {
          status: 'durchgefuehrt',
          at: urgent
            ? plus(assessmentAt, rnd.int(1, 4) * HOUR)
            : at(addDays(berlinDateOf(assessmentAt), rnd.int(0, 3)), rnd.int(10, 16)),
          kind: visitKind,
          childSeen: rnd.chance(0.95),
          findings: rnd.pick(texts.visitFindings[result]),
        };
  const lastStep = latest(assessmentAt, visit.at);
  const completedDay = urgent
    ? berlinDateOf(lastStep)
    : addWorkingDays(berlinDateOf(lastStep), rnd.int(0, 3));
  let resultAt = latest(at(completedDay, 15), plus(lastStep, 2 * HOUR));
  if (c.row.intake_on && berlinDateOf(resultAt) < c.row.intake_on) resultAt = at(c.row.intake_on, 15);
  const completedOn = berlinDateOf(resultAt);
  if (completedOn > limitDay) return null;

  const clamp = (day: string) => [day, limitDay].sort()[0] as string;
  const decided = (offset: number) => clamp(addWorkingDays(completedOn, offset));
  const spec: ReportSpec = {
    c,
    children,
    reporterKind,
    reporterName: rnd.pick(texts.reporterNames[reporterKind] ?? [null]),
    channel: channelFor(rnd, reporterKind),
    reportText: rnd.pick(texts.reportTexts[reporterKind] ?? texts.reportTexts.sonstige ?? []),
    receivedAt,
    takenBy,
    urgency: { value: urgency, at: urgencyAt, by: takenBy },
    assessment,
    visit,
    checklist:
      visit.status === 'durchgefuehrt' &&
      visit.kind === 'hausbesuch' &&
      completedOn >= '2025-01-01' &&
      rnd.chance(0.7)
        ? checklistFor(rnd, result)
        : null,
    result: { value: result, at: resultAt, by: staff?.lead ?? lead, completedOn },
    schutzplan: null,
    offer: null,
    court: null,
    care: null,
    closedAt: null,
  };
  if (result === 'akut' && visit.status === 'durchgefuehrt' && rnd.chance(0.12)) {
    const begin = plus(visit.at, rnd.int(20, 90) * 60_000);
    const reason = rnd.weighted([
      ['rueckkehr', 45],
      ['hilfe', 40],
      ['andere_stelle', 8],
      ['sonstige', 5],
      ['entweichung', 2],
    ] as const);
    const days = {
      rueckkehr: [2, 20],
      hilfe: [14, 90],
      andere_stelle: [3, 30],
      sonstige: [5, 40],
      entweichung: [1, 10],
    }[reason] as [number, number];
    let end: Date | null = plus(begin, rnd.int(days[0], days[1]) * 24 * HOUR);
    if (c.row.closed_on && berlinDateOf(end) > c.row.closed_on)
      end = latest(at(c.row.closed_on, 18), plus(begin, HOUR));
    if (berlinDateOf(end) >= demoToday) end = null;
    spec.care = {
      begin,
      place: rnd.pick(texts.carePlaces),
      informedAt: plus(begin, rnd.int(1, 5) * HOUR),
      how: rnd.pick(texts.carersInformed),
      end,
      reason: end ? reason : null,
    };
  }
  if (result === 'akut' && (rnd.chance(0.3) || (spec.care && rnd.chance(0.5))))
    spec.court = { decidedOn: decided(rnd.int(1, 4)), text: rnd.pick(texts.courtReasons) };
  if (result === 'akut' || result === 'latent') {
    if (rnd.chance(result === 'akut' ? 0.85 : 0.65) || !(spec.care || spec.court)) {
      const decidedOn = decided(rnd.int(0, 2));
      spec.schutzplan = {
        decidedOn,
        text: rnd.pick(texts.schutzplanTexts[result]),
        reviewDates: [addDays(decidedOn, 14), addDays(decidedOn, 42)],
        mandates: mandatesFor(rnd, result, decidedOn, demoToday),
      };
    }
    if (rnd.chance(result === 'akut' ? 0.5 : 0.75))
      spec.offer = {
        decidedOn: decided(rnd.int(1, 5)),
        kind:
          result === 'akut'
            ? spec.care
              ? 'hze_stationaer'
              : 'hze_ambulant'
            : rnd.weighted([
                ['hze_ambulant', 60],
                ['foerderung_familie', 30],
                ['eingliederungshilfe', 5],
                ['sonstige', 5],
              ]),
      };
  } else if (result === 'hilfebedarf' && rnd.chance(0.85)) {
    spec.offer = {
      decidedOn: decided(rnd.int(0, 5)),
      kind: rnd.weighted([
        ['foerderung_familie', 35],
        ['hze_ambulant', 40],
        ['kindertagesbetreuung', 10],
        ['eingliederungshilfe', 8],
        ['sonstige', 7],
      ]),
    };
  }
  const lastDecision = [completedOn, spec.schutzplan?.decidedOn, spec.offer?.decidedOn, spec.court?.decidedOn]
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1) as string;
  spec.closedAt = latest(at(clamp(addDays(lastDecision, rnd.int(0, 7))), 16, 30), plus(resultAt, 2 * HOUR));
  return spec;
}

export function checklistFor(rnd: Random, result: CpResult): { auffaellig: string[]; unclear: string[] } {
  const areas = ['wohnsituation', 'versorgung', 'aufsicht', 'gesundheit', 'entwicklung'];
  const n = { akut: rnd.int(2, 3), latent: rnd.int(1, 2), hilfebedarf: rnd.int(0, 1), kein_bedarf: 0 }[
    result
  ];
  const shuffled = [...areas];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  const auffaellig = shuffled.slice(0, n);
  const unclear = rnd.chance(0.15) ? shuffled.slice(n, n + 1) : [];
  return { auffaellig, unclear };
}

function mandatesFor(
  rnd: Random,
  result: 'akut' | 'latent',
  decidedOn: string,
  demoToday: string,
): MandateSpec[] {
  const out: MandateSpec[] = [];
  for (let i = result === 'akut' && rnd.chance(0.5) ? 2 : 1; i > 0; i--) {
    const dueOn = addDays(decidedOn, rnd.int(14, 42));
    const kind = result === 'akut' ? 'auflage' : 'auftrag';
    out.push({
      kind,
      purpose: kind === 'auflage' || rnd.chance(0.6) ? 'abwendung' : 'klaerung',
      text: rnd.pick(texts.mandateTexts[kind]),
      dueOn,
      reviewOn: addDays(dueOn, 7),
      result:
        addDays(dueOn, 7) < demoToday
          ? rnd.weighted([
              ['erfuellt', 55],
              ['teilweise', 25],
              ['nicht_erfuellt', 20],
            ])
          : 'offen',
    });
  }
  return out;
}
