import { addDays } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { parseSteps } from '../processes/steps.ts';
import { DEMO_TODAY } from './cases.ts';
import { emitEverydayNotes } from './everydayNotes.ts';
import { type LiveStage, liveReport, OTHER_LIVE_CHECKS, OTHER_STAGES, OWN_STAGES } from './liveWork.ts';
import { historicReport, planReports, type ReportPlan, type TeamStaff } from './protectionHistory.ts';
import { type CaseContext, type Emitter, emitReport, type Member } from './protectionRecords.ts';
import {
  listCasesForChildProtection,
  listConsultationAreas,
  listHouseholdMembers,
  listHouseholdNames,
  listMeasuresOfCases,
  listPersons,
  type ProtectionCaseRow,
} from './queries/childProtection.ts';
import { listDefinitions } from './queries/processes.ts';
import { listTeamMembers } from './queries/reads.ts';
import type { Random } from './random.ts';
import { RowBuffer } from './rows.ts';

/**
 * Child protection and the contact log of the demo city (docs/child-protection.md, docs/case-notes.md): the § 8a
 * reports of ten years with their checks, results, consequences and notes (protectionHistory.ts), the checks under
 * way today (liveWork.ts) and the everyday notes of open cases (everydayNotes.ts). Checks of open cases carry their
 * "Kinderschutz" process. Everything is collected first and inserted in bulk, parents first.
 */

const INSERT_ORDER = [
  'risk_consultation',
  'mandate',
  'child_protection_check',
  'protection_measure',
  'protection_measure_mandate',
  'visit_checklist_entry',
  'case_note',
  'notification',
  'process_instance',
  'process_step',
] as const satisfies readonly (keyof DB)[];

export interface LivePeople {
  caseManagerId: string | null;
  teamLeadId: string | null;
}

export async function insertDemoChildProtection(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  factor: number,
  counts: Record<string, number>,
  options: LivePeople & { today: string; now: Date },
) {
  const { today } = options;
  const cases = await loadCases(db, tenantId);
  const plans = new Map<string, ReportPlan[]>();
  for (const c of cases) {
    const planned = planReports(rnd, c, addDays(DEMO_TODAY, -30));
    if (planned.length > 0) plans.set(c.id, planned);
  }
  // Checks under way: in open cases known for two months at least, by the history's day and by today's.
  const cutoff = [addDays(today, -60), DEMO_TODAY].sort()[0] as string;
  const open = cases.filter((c) => c.status === 'offen');
  const settled = open.filter((c) => c.opened_on <= cutoff);
  const own = settled.filter((c) => c.lead_user_id === options.caseManagerId);
  const wanted = Math.max(1, Math.round(OTHER_LIVE_CHECKS * factor));
  const others = drawDistinct(
    rnd,
    settled.filter((c) => c.lead_user_id !== options.caseManagerId),
    wanted * 3,
  );

  const chosen = new Set([...plans.keys(), ...own.map((c) => c.id), ...others.map((c) => c.id)]);
  const membersOf = await loadMembers(
    db,
    tenantId,
    cases.filter((c) => chosen.has(c.id)),
  );
  const measures = await listMeasuresOfCases(db, tenantId, [...chosen]);
  const staffRows = await listTeamMembers(db, tenantId);
  const definitions = await listDefinitions(db, tenantId);
  const measuresOf = group(measures);
  const staff = new Map<string, TeamStaff>();
  for (const u of staffRows) {
    if (!u.team_id) continue;
    const team = staff.get(u.team_id) ?? { managers: [], lead: null };
    if (u.roles.includes('case_manager')) team.managers.push(u.id);
    if (u.roles.includes('team_lead')) team.lead = u.id;
    staff.set(u.team_id, team);
  }
  const definition = definitions.find((d) => d.key === 'kinderschutz');
  const e: Emitter = {
    tenantId,
    rnd,
    rows: new RowBuffer(),
    now: options.now,
    process: definition ? { id: definition.id, steps: parseSteps(definition.steps) } : null,
    absentFathers: 0,
    inobhutnahmen: 0,
  };
  const contextOf = (row: ProtectionCaseRow): CaseContext => ({
    row,
    lastName: row.family.replace(/^Familie /, ''),
    members: membersOf.get(row.household_id) ?? [],
    measures: measuresOf.get(row.id) ?? [],
  });

  let reports = 0;
  for (const c of cases) {
    for (const plan of plans.get(c.id) ?? []) {
      const spec = historicReport(
        rnd,
        contextOf(c),
        plan,
        c.team_id ? staff.get(c.team_id) : undefined,
        DEMO_TODAY,
      );
      if (!spec) continue;
      emitReport(e, spec, c.status === 'offen');
      reports++;
    }
  }
  const live = (
    cs: readonly ProtectionCaseRow[],
    stages: (i: number) => LiveStage | undefined,
    shift: () => number,
  ) => {
    let n = 0;
    for (const c of cs) {
      const stage = stages(n);
      if (!stage) break;
      const spec = liveReport(
        rnd,
        contextOf(c),
        c.team_id ? staff.get(c.team_id) : undefined,
        stage,
        today,
        shift(),
      );
      if (!spec) continue;
      emitReport(e, spec, true);
      n++;
    }
    return n;
  };
  const liveOwn = live(
    own,
    (i) => OWN_STAGES[i],
    () => 0,
  );
  const liveOthers = live(
    others,
    (i) => (i < wanted ? rnd.pick(OTHER_STAGES) : undefined),
    () => rnd.int(0, 4),
  );
  emitEverydayNotes(e, open, options, today, DEMO_TODAY);
  await e.rows.flush(db, INSERT_ORDER, counts);
  counts.reports8a = reports + liveOwn + liveOthers;
  counts.liveChecks = liveOwn + liveOthers;
  counts.inobhutnahmen = e.inobhutnahmen;
}

/** The cases with their family name and intake classification, in case-number order. */
async function loadCases(db: Kysely<DB>, tenantId: string): Promise<ProtectionCaseRow[]> {
  const [cases, households, consultations] = await Promise.all([
    listCasesForChildProtection(db, tenantId),
    listHouseholdNames(db, tenantId),
    listConsultationAreas(db, tenantId),
  ]);
  const names = new Map(households.map((h) => [h.id, h.name]));
  const intake = new Map<string, { on: string; area: string }>();
  for (const r of consultations)
    if (!intake.has(r.case_id)) intake.set(r.case_id, { on: r.held_on, area: r.area });
  return cases.map((c) => ({
    ...c,
    family: names.get(c.household_id) ?? '',
    intake_on: intake.get(c.id)?.on ?? null,
    intake_area: intake.get(c.id)?.area ?? null,
  }));
}

/** The members of these cases' households in their order, by household. */
async function loadMembers(db: Kysely<DB>, tenantId: string, cases: readonly ProtectionCaseRow[]) {
  const members = await listHouseholdMembers(db, tenantId, [...new Set(cases.map((c) => c.household_id))]);
  const persons = new Map(
    (await listPersons(db, tenantId, [...new Set(members.map((m) => m.person_id))])).map((p) => [p.id, p]),
  );
  const out = new Map<string, Member[]>();
  for (const m of [...members].sort((a, b) => a.position - b.position)) {
    const p = persons.get(m.person_id);
    if (!p) continue;
    const list = out.get(m.household_id) ?? [];
    list.push({ person_id: m.person_id, role: m.role, ...p });
    out.set(m.household_id, list);
  }
  return out;
}

function group<T extends { case_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.case_id);
    if (list) list.push(r);
    else map.set(r.case_id, [r]);
  }
  return map;
}

/** Up to n items, drawn without repetition, in the order drawn. */
function drawDistinct<T>(rnd: Random, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rnd.int(0, pool.length - 1), 1)[0] as T);
  return out;
}
