import { sql } from 'kysely';
import { worklistWindow } from '../src/modules/worklist/buckets.ts';
import { type BenchContext, type Figure, figure, p95Pair, signIn } from './measure.ts';

/**
 * Issue 10's target: the work list of a case manager and of a team lead under 50 ms at p95; the floor is the bare
 * SQL of its sources.
 */
export async function worklistBench(ctx: BenchContext): Promise<Figure[]> {
  const { app, db, tenantId } = ctx;
  const user = (username: string) =>
    db
      .selectFrom('app_user')
      .select(['id', 'team_id'])
      .where('tenant_id', '=', tenantId)
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
  const cm = await user('fachkraft');
  const lead = await user('teamleitung');
  const w = worklistWindow(new Date());

  const cmHeaders = await signIn(ctx, 'fachkraft');
  const first = await app.inject({ method: 'GET', url: '/api/v1/worklist', headers: cmHeaders });
  const leadHeaders = await signIn(ctx, 'teamleitung');
  const team = await app.inject({ method: 'GET', url: '/api/v1/worklist/team', headers: leadHeaders });
  ctx.log(
    `  worklist: fachkraft ${first.json().items.length} Einträge, Team ${team.json().items.length} Einträge, ${team.json().caseload.length} Zeilen Fallbelastung`,
  );

  const mineCall = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/worklist', headers: cmHeaders });
    if (res.statusCode !== 200) throw new Error(res.body);
  };
  const teamListCall = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/worklist/team', headers: leadHeaders });
    if (res.statusCode !== 200) throw new Error(res.body);
  };

  // The floors: the cases and each source's rows by plain SQL, no access rule, audit or shaping.
  const floor = async (cases: ReturnType<typeof sql>) => {
    const found = await sql<{
      id: string;
    }>`select c.id, c.case_number, h.name, u.display_name from case_file c
      join household h on h.tenant_id = c.tenant_id and h.id = c.household_id
      left join app_user u on u.tenant_id = c.tenant_id and u.id = c.lead_user_id
      where c.tenant_id = ${tenantId} and ${cases} and c.status = 'offen'`.execute(db);
    const ids = found.rows.map((r) => r.id);
    const any = sql`= any(${ids}::uuid[])`;
    await sql`select id, case_id, assessment_due_at from child_protection_check where tenant_id = ${tenantId}
      and case_id ${any} and status = 'offen' and assessment_held_at is null
      and assessment_due_at <= ${w.untilAt}`.execute(db);
    await sql`select s.id, s.case_id, s.due_at, d.name from process_step s
      join process_instance i on i.tenant_id = s.tenant_id and i.id = s.instance_id
      join process_definition d on d.tenant_id = i.tenant_id and d.id = i.definition_id
      where s.tenant_id = ${tenantId} and s.case_id ${any} and s.state = 'offen'
      and s.due_at <= ${w.untilAt}`.execute(db);
    await sql`select id, case_id, review_on from help_plan where tenant_id = ${tenantId} and case_id ${any}
      and review_on <= ${w.weekEnd}`.execute(db);
    await sql`select id, case_id, due_on, review_on from mandate where tenant_id = ${tenantId} and case_id ${any}
      and result = 'offen' and (due_on <= ${w.weekEnd} or review_on <= ${w.weekEnd})`.execute(db);
    await sql`select id, case_id, planned_end_on from measure where tenant_id = ${tenantId} and case_id ${any}
      and status = 'bewilligt' and end_on is null and planned_end_on <= ${w.weekEnd}`.execute(db);
  };
  const mineFloorCall = () => floor(sql`c.lead_user_id = ${cm.id}`);
  const [mine, mineFloor, mineSql] = await p95Pair(ctx.runs(100), mineCall, mineFloorCall);
  const teamFloorCall = () => floor(sql`c.team_id = ${lead.team_id}`);
  const [teamList, teamFloor, teamListSql] = await p95Pair(ctx.runs(100), teamListCall, teamFloorCall);

  return [
    figure('worklist.case_manager_p95', mine, 50, mineFloor, mineSql),
    figure('worklist.team_lead_p95', teamList, 50, teamFloor, teamListSql),
  ];
}
