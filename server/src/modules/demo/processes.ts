import { randomUUID } from 'node:crypto';
import { addDays, dayNumber, instantOfBerlinDateTime } from '@leuchtturm/shared';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type ReplayEvent, replay } from '../processes/engine.ts';
import { parseSteps } from '../processes/steps.ts';
import { DEMO_TODAY } from './cases.ts';
import { insertChunked } from './queries/insert.ts';
import { listDefinitions, listOpenCaseRecords, listOpenCases } from './queries/processes.ts';

/**
 * The processes of the open demo cases, replayed from their records by the rules of a running instance
 * (processes/engine.ts): help for education for every open case with a help plan (application, kollegiale
 * Beratung, plans, approval and begin of its measures, reviews), counselling for the open cases of the last year
 * without one (Kurzberatung, Wille und Ziele). What happened after the demo's "today" is left out; what is open is
 * due or overdue as the work list will show it.
 */
export async function insertDemoProcesses(db: Kysely<DB>, tenantId: string, counts: Record<string, number>) {
  const definitions = new Map(
    (await listDefinitions(db, tenantId)).map((d) => [d.key, { id: d.id, steps: parseSteps(d.steps) }]),
  );
  const counselling = definitions.get('beratung');
  const hze = definitions.get('hilfe_zur_erziehung');
  if (!counselling || !hze) return;
  const records = await listOpenCaseRecords(db, tenantId);
  const byCase = <T extends { case_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.case_id, [...(map.get(r.case_id) ?? []), r]);
    return map;
  };
  const consultations = byCase(records.consultations);
  const goals = byCase(records.goals);
  const peers = byCase(records.peers);
  const plans = byCase(records.plans);
  const measures = byCase(records.measures);
  const today = instantOfBerlinDateTime(`${DEMO_TODAY}T12:00`);
  const at = (day: string, time: string) => instantOfBerlinDateTime(`${day}T${time}`);
  const yearAgo = dayNumber(DEMO_TODAY) - 365;

  const instances: Insertable<DB['process_instance']>[] = [];
  const steps: Insertable<DB['process_step']>[] = [];
  for (const c of await listOpenCases(db, tenantId)) {
    const by = c.lead_user_id;
    const casePlans = (plans.get(c.id) ?? []).sort((a, b) => a.meeting_on.localeCompare(b.meeting_on));
    const first = casePlans[0];
    let definition = counselling;
    let startedAt = at(c.opened_on, '09:00');
    const events: ReplayEvent[] = [];
    if (first) {
      definition = hze;
      startedAt = at(first.application_on, '09:00');
      events.push({ at: at(first.application_on, '11:00'), by, step: 'antrag' });
      for (const p of peers.get(c.id) ?? [])
        events.push({ at: at(p.held_on, '15:00'), by, record: { type: 'peer_consultation', id: p.id } });
      for (const p of casePlans)
        events.push({ at: at(p.meeting_on, '16:00'), by, record: { type: 'help_plan', id: p.id } });
      for (const m of measures.get(c.id) ?? []) {
        const approved = m.approved_at ?? at(m.begin_on, '08:00');
        events.push({ at: approved, by, record: { type: 'measure_approval', id: m.id } });
        events.push({ at: at(addDays(m.begin_on, 1), '10:00'), by, step: 'massnahme' });
        if (m.end_on)
          events.push({ at: at(m.end_on, '12:00'), by, record: { type: 'measure_end', id: m.id } });
      }
      // Kollegiale Beratungen before the system are not recorded: the step was skipped, with that reason.
      if (!peers.has(c.id))
        events.push({
          at: at(first.application_on, '11:30'),
          by,
          step: 'kollegiale_beratung',
          skipReason: 'Vor Einführung der Prozesse beraten.',
        });
    } else {
      if (dayNumber(c.opened_on) < yearAgo) continue;
      for (const r of consultations.get(c.id) ?? [])
        events.push({ at: at(r.held_on, '10:00'), by, record: { type: 'risk_consultation', id: r.id } });
      for (const g of goals.get(c.id) ?? [])
        events.push({ at: g.updated_at, by, record: { type: 'will_and_goals', id: c.id } });
    }
    const replayed = replay(
      definition.steps,
      startedAt,
      events.filter((e) => e.at.getTime() <= today.getTime()),
    );
    const id = randomUUID();
    instances.push({
      tenant_id: tenantId,
      id,
      case_id: c.id,
      definition_id: definition.id,
      status: replayed.endedAt ? 'done' : 'running',
      urgency: null,
      started_at: startedAt,
      started_by: by,
      ended_at: replayed.endedAt,
      cancel_reason: null,
    });
    for (const s of replayed.steps) {
      steps.push({
        tenant_id: tenantId,
        instance_id: id,
        case_id: c.id,
        step_key: s.key,
        position: s.position,
        occurrence: s.occurrence,
        state: s.state,
        skip_reason: s.skipReason,
        due_at: s.dueAt,
        done_at: s.doneAt,
        done_by: s.doneAt ? s.doneBy : null,
        completed_by_type: s.record?.type ?? null,
        completed_by_id: s.record?.id ?? null,
      });
    }
  }
  await insertChunked(db, 'process_instance', instances, []);
  await insertChunked(db, 'process_step', steps, []);
  counts.process_instance = instances.length;
  counts.process_step = steps.length;
}
