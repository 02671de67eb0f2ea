import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import type { Ack } from './writers.ts';

/**
 * The checks after the last kill, on the stopped database: every acknowledged write is there with exactly the
 * acknowledged content; no write of the run is half there (all rows of one request or none); case numbers have no
 * gaps. Each returns violations as sentences; none is a pass.
 */

export interface Scope {
  tenantId: string;
  /** The case manager the writers signed in as. */
  userId: string;
  /** When the run began: rows and audit entries of the run are those written by `userId` since. */
  since: Date;
}

type Db = Kysely<DB>;

async function rows<T>(db: Db, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

const hex = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every acknowledged write, compared field by field with what was sent (and, for files, byte by byte). */
export async function checkAcknowledged(db: Db, scope: Scope, acks: Ack[]): Promise<string[]> {
  const bad: string[] = [];
  const t = scope.tenantId;
  for (const ack of acks) {
    const where = `${ack.kind} ${'id' in ack ? ack.id : ack.caseId}`;
    if (ack.kind === 'household') {
      const [h] = await rows<{ name: string }>(
        db,
        sql`select name from household where tenant_id = ${t} and id = ${ack.id}`,
      );
      if (!h) bad.push(`${where}: acknowledged but missing`);
      else if (h.name !== ack.name) bad.push(`${where}: name differs`);
      const members = await rows<Record<string, string>>(
        db,
        sql`select p.first_name as "firstName", p.last_name as "lastName", p.birth_date as "birthDate", m.role
          from household_member m join person p on p.tenant_id = m.tenant_id and p.id = m.person_id
          where m.tenant_id = ${t} and m.household_id = ${ack.id} order by m.position`,
      );
      if (!same(members, ack.members)) bad.push(`${where}: members differ`);
    } else if (ack.kind === 'case') {
      const [c] = await rows<{ case_number: string; household_id: string; concern: string }>(
        db,
        sql`select case_number, household_id, concern from case_file where tenant_id = ${t} and id = ${ack.id}`,
      );
      if (!c) bad.push(`${where}: acknowledged but missing`);
      else if (
        !same([c.case_number, c.household_id, c.concern], [ack.caseNumber, ack.householdId, ack.concern])
      )
        bad.push(`${where}: content differs`);
    } else if (ack.kind === 'note') {
      const [n] = await rows<{ case_id: string; text: string }>(
        db,
        sql`select case_id, text from case_note where tenant_id = ${t} and id = ${ack.id}`,
      );
      if (!n) bad.push(`${where}: acknowledged but missing`);
      else if (n.case_id !== ack.caseId || n.text !== ack.text) bad.push(`${where}: content differs`);
    } else if (ack.kind === 'goals') {
      const [w] = await rows<{ will: string; direction_goal: string }>(
        db,
        sql`select will, direction_goal from will_and_goals where tenant_id = ${t} and case_id = ${ack.caseId}`,
      );
      if (!w) bad.push(`${where}: acknowledged but missing`);
      else if (w.will !== ack.will || w.direction_goal !== ack.directionGoal)
        bad.push(`${where}: content differs`);
      const goals = await rows<{ id: string; text: string; dueOn: string }>(
        db,
        sql`select id, text, due_on as "dueOn" from goal where tenant_id = ${t} and case_id = ${ack.caseId}
          order by position`,
      );
      const stored = [];
      for (const g of goals) {
        const steps = await rows<Record<string, string>>(
          db,
          sql`select who, what, due_on as "dueOn" from action_step where tenant_id = ${t} and goal_id = ${g.id}
            order by position`,
        );
        stored.push({ text: g.text, dueOn: g.dueOn, steps });
      }
      if (!same(stored, ack.goals)) bad.push(`${where}: goals or their steps differ`);
    } else if (ack.kind === 'measure') {
      const [m] = await rows<{ case_id: string; person_id: string; amount: string; unit: string }>(
        db,
        sql`select case_id, person_id, individual_amount::text as amount, individual_unit as unit
          from measure where tenant_id = ${t} and id = ${ack.id}`,
      );
      if (!m) bad.push(`${where}: acknowledged but missing`);
      else if (
        !same([m.case_id, m.person_id, m.amount, m.unit], [ack.caseId, ack.personId, ack.amount, ack.unit])
      )
        bad.push(`${where}: content differs (amount ${m.amount}, acknowledged ${ack.amount})`);
    } else {
      const [d] = await rows<{ case_id: string; file_name: string; size: number; content: Uint8Array }>(
        db,
        sql`select case_id, file_name, size, content from case_document where tenant_id = ${t} and id = ${ack.id}`,
      );
      if (!d) bad.push(`${where}: acknowledged but missing`);
      else if (!same([d.case_id, d.file_name, Number(d.size)], [ack.caseId, ack.fileName, ack.size]))
        bad.push(`${where}: content differs`);
      else if (hex(d.content) !== ack.sha256) bad.push(`${where}: file content differs`);
    }
  }
  return bad;
}

/** One line per row of the run that breaks an invariant of its write (all rows of a request, or none). */
async function violations(db: Db, label: string, query: ReturnType<typeof sql<{ id: string }>>) {
  return (await rows(db, query)).map((r) => `${label}: ${r.id}`);
}

/**
 * Rows of the run that are half there, whether or not their write was acknowledged (the ones in flight at a kill
 * matter most): each write's rows and its audit entry come in one transaction.
 */
export async function checkWhole(db: Db, scope: Scope): Promise<string[]> {
  const { tenantId: t, userId: u, since } = scope;
  const audited = (type: string, id: ReturnType<typeof sql>) => sql`exists (select 1 from audit_log a
    where a.tenant_id = ${t} and a.entity_type = ${type} and a.entity_id = ${id}::text and a.action in ('create', 'update'))`;
  const runCases = sql`select id from case_file where tenant_id = ${t} and created_by = ${u} and created_at >= ${since}`;
  return [
    ...(await violations(
      db,
      'household without its two members or its audit entry',
      sql`select h.id from household h where h.tenant_id = ${t} and h.created_by = ${u} and h.created_at >= ${since}
        and ((select count(*) from household_member m where m.tenant_id = ${t} and m.household_id = h.id) <> 2
          or not ${audited('household', sql`h.id`)})`,
    )),
    ...(await violations(
      db,
      'case without its process, its steps, its lead or grant, or its audit entry',
      sql`select c.id from case_file c where c.tenant_id = ${t} and c.id in (${runCases})
        and (not exists (select 1 from process_instance p where p.tenant_id = ${t} and p.case_id = c.id)
          or not exists (select 1 from process_step s where s.tenant_id = ${t} and s.case_id = c.id)
          or (c.lead_user_id is null and not exists (select 1 from case_access_grant g
            where g.tenant_id = ${t} and g.case_id = c.id and g.user_id = ${u}))
          or not ${audited('case', sql`c.id`)})`,
    )),
    ...(await violations(
      db,
      'note without its audit entry',
      sql`select n.id from case_note n where n.tenant_id = ${t} and n.case_id in (${runCases})
        and not ${audited('case_note', sql`n.id`)}`,
    )),
    ...(await violations(
      db,
      'will and goals without two goals of two steps each, or without its audit entry',
      sql`select w.case_id as id from will_and_goals w where w.tenant_id = ${t} and w.case_id in (${runCases})
        and ((select count(*) from goal g where g.tenant_id = ${t} and g.case_id = w.case_id) <> 2
          or exists (select 1 from goal g where g.tenant_id = ${t} and g.case_id = w.case_id
            and (select count(*) from action_step s where s.tenant_id = ${t} and s.goal_id = g.id) <> 2)
          or not ${audited('will_and_goals', sql`w.case_id`)})`,
    )),
    ...(await violations(
      db,
      'goals without their will and goals',
      sql`select g.id from goal g where g.tenant_id = ${t} and g.case_id in (${runCases})
        and not exists (select 1 from will_and_goals w where w.tenant_id = ${t} and w.case_id = g.case_id)`,
    )),
    ...(await violations(
      db,
      'measure without its amount or its audit entry',
      sql`select m.id from measure m where m.tenant_id = ${t} and m.case_id in (${runCases})
        and (m.individual_amount is null or not ${audited('measure', sql`m.id`)})`,
    )),
    ...(await violations(
      db,
      'document whose stored content is not its recorded size, or without its audit entry',
      sql`select d.id from case_document d where d.tenant_id = ${t} and d.case_id in (${runCases})
        and (octet_length(d.content) <> d.size or not ${audited('case_document', sql`d.id`)})`,
    )),
    ...(await violations(
      db,
      'audit entry of a created record that is not there',
      sql`select a.pending_id::text as id from audit_log a where a.tenant_id = ${t} and a.actor_id = ${u}
        and a.at >= ${since} and a.action = 'create' and (
          (a.entity_type = 'household' and not exists (select 1 from household x where x.id::text = a.entity_id))
          or (a.entity_type = 'case' and not exists (select 1 from case_file x where x.id::text = a.entity_id))
          or (a.entity_type = 'case_note' and not exists (select 1 from case_note x where x.id::text = a.entity_id))
          or (a.entity_type = 'measure' and not exists (select 1 from measure x where x.id::text = a.entity_id))
          or (a.entity_type = 'case_document'
            and not exists (select 1 from case_document x where x.id::text = a.entity_id)))`,
    )),
  ];
}

/** Case numbers of each year run 1, 2, ... up to the year's counter, each used once (none lost in a crash). */
export async function checkCaseNumbers(db: Db, tenantId: string): Promise<string[]> {
  const years = await rows<{ year: number; last: number; used: number; distinct: number; max: number }>(
    db,
    sql`select k.year, k.last,
        count(c.id)::int as used, count(distinct c.case_number)::int as distinct,
        coalesce(max(split_part(c.case_number, '-', 2)::int), 0) as max
      from case_counter k left join case_file c
        on c.tenant_id = k.tenant_id and c.case_number like k.year::text || '-%'
      where k.tenant_id = ${tenantId} group by k.year, k.last order by k.year`,
  );
  return years
    .filter((y) => !(y.used === y.last && y.distinct === y.last && y.max === y.last))
    .map(
      (y) =>
        `case numbers ${y.year}: counter at ${y.last}, ${y.distinct} numbers used (highest ${y.max}): a gap`,
    );
}

export async function checkAll(db: Db, scope: Scope, acks: Ack[]): Promise<string[]> {
  return [
    ...(await checkAcknowledged(db, scope, acks)),
    ...(await checkWhole(db, scope)),
    ...(await checkCaseNumbers(db, scope.tenantId)),
  ];
}
