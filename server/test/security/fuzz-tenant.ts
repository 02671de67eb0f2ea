import { roles } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { openTestCase } from '../cases.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../factories.ts';
import { Client } from '../http.ts';

/**
 * The fuzzer's world: a fresh tenant (factories.ts) with one case, and a user holding every role in team A, so that
 * a refusal is about the input, not about rights.
 */
export interface FuzzWorld {
  tenant: TestTenant;
  client: Client;
  /** Ids of the tenant's own records, for path parameters that reach the handlers. */
  ids: string[];
}

export const FUZZ_USER = 'fuzzer';

export async function fuzzWorld(app: FastifyInstance, db: Database): Promise<FuzzWorld> {
  const tenant = await createTestTenant(db);
  await db
    .insertInto('app_user')
    .values({
      tenant_id: tenant.id,
      username: FUZZ_USER,
      display_name: 'Test Fuzzer',
      email: null,
      password_hash: await hashPassword(TEST_PASSWORD),
      roles: [...roles],
      team_id: tenant.teams.a,
    })
    .execute();
  const client = await signIn(app, tenant);
  const opened = await openTestCase(client);
  const ids = [
    opened.caseId,
    opened.householdId,
    tenant.centreId,
    ...Object.values(tenant.teams),
    ...Object.values(tenant.districts),
    ...Object.values(tenant.streets),
    ...Object.values(tenant.users).map((u) => u.id),
  ];
  const detail = (await client.get(`/cases/${opened.caseId}`)).json();
  for (const member of detail.household?.members ?? []) ids.push(member.person.id);
  return { tenant, client, ids };
}

/** Signs the fuzz user in again (a fuzzed request may have ended its session, e.g. the sign-out route). */
export async function signIn(app: FastifyInstance, tenant: TestTenant): Promise<Client> {
  const client = new Client(app, tenant);
  // An address of its own: the fuzzed sign-ins must not lock the fuzzer out by address.
  const res = await client.login(FUZZ_USER, TEST_PASSWORD, '10.250.0.1');
  if (res.statusCode !== 200) throw new Error(`fuzz sign-in failed: ${res.statusCode}`);
  return client;
}

/**
 * Tables a refused request may legitimately write: the audit trail (refusals are audited) with its chain head, the
 * session's last-seen time, and the failed sign-ins the lock-out counts.
 */
export const writtenOnRefusal = new Set(['audit_log', 'audit_head', 'session', 'login_failure']);

let tenantTables: Promise<string[]> | undefined;

/** Every table with a tenant_id column, read from the catalogue (a new table is fingerprinted without a change here). */
function tablesOf(db: Database): Promise<string[]> {
  tenantTables ??= sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
    order by 1`
    .execute(db)
    .then((r) => r.rows.map((row) => row.table_name).filter((t) => !writtenOnRefusal.has(t)));
  return tenantTables;
}

/**
 * Per table of the tenant: row count and an order-independent checksum of its rows (the sum of a 64-bit hash of each
 * row's text), read with bare SQL.
 */
export type Fingerprint = Record<string, string>;

export async function fingerprint(db: Database, tenantId: string): Promise<Fingerprint> {
  if (!/^[0-9a-f-]{36}$/.test(tenantId)) throw new Error('tenant id expected');
  const tables = await tablesOf(db);
  const parts = [
    `select 'tenant' as t, count(*)::int || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) as h from tenant x where id = '${tenantId}'`,
    ...tables.map(
      (t) =>
        `select '${t}', count(*)::int || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) from "${t}" x where tenant_id = '${tenantId}'`,
    ),
  ];
  const { rows } = await sql.raw<{ t: string; h: string }>(parts.join(' union all ')).execute(db);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
