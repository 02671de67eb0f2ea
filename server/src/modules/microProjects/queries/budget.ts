import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/**
 * The micro-projects' budget: the annual frame, its allocation to districts, the projects' commitments. Every
 * change locks the year's frame row first (`lockFrame`), so that checks and writes of one year run one after the
 * other, also across connections (docs/decisions.md).
 */

/** The year's frame, locked until the transaction ends; undefined when none is set. */
export function lockFrame(db: Kysely<DB>, tenantId: string, year: number) {
  return db
    .selectFrom('micro_budget_frame')
    .select(['amount'])
    .where('tenant_id', '=', tenantId)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst();
}

export async function upsertFrame(db: Kysely<DB>, tenantId: string, year: number, amount: string) {
  await db
    .insertInto('micro_budget_frame')
    .values({ tenant_id: tenantId, year, amount })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'year']).doUpdateSet((eb) => ({
        amount,
        version: eb('micro_budget_frame.version', '+', 1),
      })),
    )
    .execute();
}

export async function upsertAllocation(
  db: Kysely<DB>,
  tenantId: string,
  a: { year: number; districtId: string; amount: string },
) {
  await db
    .insertInto('micro_budget_allocation')
    .values({ tenant_id: tenantId, year: a.year, district_id: a.districtId, amount: a.amount })
    .onConflict((oc) => oc.columns(['tenant_id', 'year', 'district_id']).doUpdateSet({ amount: a.amount }))
    .execute();
}

/** Sums of the year as exact decimal strings: allocations (but one district's) and commitments. */
export async function yearSums(
  db: Kysely<DB>,
  tenantId: string,
  year: number,
  except: { districtId?: string; projectId?: string } = {},
) {
  const result = await sql<{ allocated: string; committed: string }>`
    select
      (select coalesce(sum(amount), 0)::text from micro_budget_allocation
        where tenant_id = ${tenantId} and year = ${year}
          and (${except.districtId ?? null}::uuid is null or district_id <> ${except.districtId ?? null}::uuid)
      ) as allocated,
      (select coalesce(sum(committed), 0)::text from micro_project_budget
        where tenant_id = ${tenantId} and year = ${year}
          and (${except.projectId ?? null}::uuid is null or project_id <> ${except.projectId ?? null}::uuid)
      ) as committed`.execute(db);
  return result.rows[0] ?? { allocated: '0', committed: '0' };
}

/** A district's allocation in the year and what projects (but one) have committed there. */
export async function districtSums(
  db: Kysely<DB>,
  tenantId: string,
  year: number,
  districtId: string,
  exceptProjectId: string | null,
) {
  const result = await sql<{ allocated: string | null; committed: string }>`
    select
      (select amount::text from micro_budget_allocation
        where tenant_id = ${tenantId} and year = ${year} and district_id = ${districtId}) as allocated,
      (select coalesce(sum(committed), 0)::text from micro_project_budget
        where tenant_id = ${tenantId} and year = ${year} and district_id = ${districtId}
          and (${exceptProjectId}::uuid is null or project_id <> ${exceptProjectId}::uuid)) as committed`.execute(
    db,
  );
  return result.rows[0] ?? { allocated: null, committed: '0' };
}

export async function upsertCommitment(
  db: Kysely<DB>,
  tenantId: string,
  c: { projectId: string; year: number; districtId: string; committed: string; spent: string },
) {
  await db
    .insertInto('micro_project_budget')
    .values({
      tenant_id: tenantId,
      project_id: c.projectId,
      year: c.year,
      district_id: c.districtId,
      committed: c.committed,
      spent: c.spent,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'project_id', 'year', 'district_id'])
        .doUpdateSet({ committed: c.committed, spent: c.spent }),
    )
    .execute();
}

/** The year's frame (not locked), for reading. */
export function readFrame(db: Kysely<DB>, tenantId: string, year: number) {
  return db
    .selectFrom('micro_budget_frame')
    .select(['amount'])
    .where('tenant_id', '=', tenantId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Every district with its allocation, committed and spent in the year (zero where nothing). */
export async function districtBudgets(db: Kysely<DB>, tenantId: string, year: number) {
  const result = await sql<{ id: string; name: string; allocated: string; committed: string; spent: string }>`
    select d.id, d.name,
           coalesce(a.amount, 0)::text as allocated,
           coalesce(b.committed, 0)::text as committed,
           coalesce(b.spent, 0)::text as spent
      from district d
      left join micro_budget_allocation a on a.tenant_id = d.tenant_id and a.district_id = d.id and a.year = ${year}
      left join (
        select district_id, sum(committed) as committed, sum(spent) as spent
          from micro_project_budget where tenant_id = ${tenantId} and year = ${year}
         group by district_id
      ) b on b.district_id = d.id
     where d.tenant_id = ${tenantId}
     order by d.name, d.id`.execute(db);
  return result.rows;
}

/** Each project's commitment per district in the year. */
export function projectBudgets(db: Kysely<DB>, tenantId: string, year: number, projectId?: string) {
  let q = db
    .selectFrom('micro_project_budget as b')
    .innerJoin('micro_project as p', (j) =>
      j.onRef('p.tenant_id', '=', 'b.tenant_id').onRef('p.id', '=', 'b.project_id'),
    )
    .innerJoin('district as d', (j) =>
      j.onRef('d.tenant_id', '=', 'b.tenant_id').onRef('d.id', '=', 'b.district_id'),
    )
    .select([
      'b.year',
      'p.id as project_id',
      'p.name as project_name',
      'd.id as district_id',
      'd.name as district_name',
      sql<string>`b.committed::text`.as('committed'),
      sql<string>`b.spent::text`.as('spent'),
    ])
    .where('b.tenant_id', '=', tenantId);
  if (projectId) q = q.where('b.project_id', '=', projectId);
  else q = q.where('b.year', '=', year);
  return q.orderBy('b.year', 'desc').orderBy('p.name').orderBy('d.name').orderBy('p.id').execute();
}

/** Referrals into micro-projects per year and district, and how many came through case management. */
export async function referralCounts(db: Kysely<DB>, tenantId: string) {
  const result = await sql<{ year: number; id: string; name: string; referrals: number; through_cm: number }>`
    select extract(year from r.referred_on)::int as year, d.id, d.name,
           count(*)::int as referrals,
           (count(*) filter (where r.route = 'case_management'))::int as through_cm
      from micro_project_referral r
      join district d on d.tenant_id = r.tenant_id and d.id = r.district_id
     where r.tenant_id = ${tenantId}
     group by year, d.id, d.name
     order by year desc, d.name, d.id`.execute(db);
  return result.rows;
}
