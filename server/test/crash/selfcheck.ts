import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { checkAll, type Scope } from './verify.ts';
import type { Ack } from './writers.ts';

/**
 * The checker's own test: on the database the run has just left, each kind of damage a crash could do is made
 * in a transaction that is rolled back, and the checks must find it. A checker that passes damaged data fails
 * the suite.
 */

type Db = Kysely<DB>;

class RolledBack extends Error {}

const first = <K extends Ack['kind']>(acks: Ack[], kind: K) =>
  acks.find((a): a is Extract<Ack, { kind: K }> => a.kind === kind);

export function damages(acks: Ack[], tenantId: string) {
  const note = first(acks, 'note');
  const measure = first(acks, 'measure');
  const goals = first(acks, 'goals');
  const doc = first(acks, 'document');
  const opened = first(acks, 'case');
  const household = first(acks, 'household');
  const list: { name: string; damage: (db: Db) => Promise<unknown> }[] = [
    {
      name: 'a case number lost (the counter ahead of the cases)',
      damage: (db) =>
        sql`insert into case_counter (tenant_id, year, last) values (${tenantId}, 2026, 1)
          on conflict (tenant_id, year) do update set last = case_counter.last + 1`.execute(db),
    },
  ];
  if (note)
    list.push({
      name: 'an acknowledged note deleted',
      damage: async (db) => {
        // Notes are never deleted (a trigger refuses it); the damage goes round the triggers.
        await sql`set local session_replication_role = replica`.execute(db);
        await sql`delete from case_note where id = ${note.id}`.execute(db);
      },
    });
  if (measure)
    list.push({
      name: 'an acknowledged amount changed by a cent',
      damage: (db) =>
        sql`update measure set individual_amount = individual_amount + 0.01 where id = ${measure.id}`.execute(
          db,
        ),
    });
  if (goals)
    list.push({
      name: 'one step of an acknowledged goal deleted',
      damage: (db) =>
        sql`delete from action_step where id = (select s.id from action_step s join goal g on g.id = s.goal_id
          where g.case_id = ${goals.caseId} order by g.position, s.position limit 1)`.execute(db),
    });
  if (doc)
    list.push({
      name: "an acknowledged document's content cut short",
      damage: (db) =>
        sql`update case_document set content = substring(content from 1 for 10) where id = ${doc.id}`.execute(
          db,
        ),
    });
  if (opened)
    list.push({
      name: 'a case without its process',
      damage: async (db) => {
        await sql`delete from process_step where case_id = ${opened.id}`.execute(db);
        await sql`delete from process_instance where case_id = ${opened.id}`.execute(db);
      },
    });
  if (household)
    list.push({
      name: 'a household without one of its members',
      damage: (db) =>
        sql`delete from household_member where household_id = ${household.id} and position = (
          select max(position) from household_member where household_id = ${household.id})`.execute(db),
    });
  return list;
}

/** Names of the damages the checks did not find (or that could not be made); empty when the checker works. */
export async function selfCheck(
  db: Db,
  scope: Scope,
  acks: Ack[],
): Promise<{ tried: number; missed: string[] }> {
  const list = damages(acks, scope.tenantId);
  const missed: string[] = [];
  for (const { name, damage } of list) {
    let found: string[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        await damage(trx);
        found = await checkAll(trx, scope, acks);
        throw new RolledBack();
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) {
        missed.push(`${name}: could not be made (${(error as Error).message})`);
        continue;
      }
    }
    if (found.length === 0) missed.push(`${name}: not detected`);
  }
  return { tried: list.length, missed };
}
