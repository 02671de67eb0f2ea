import { afterAll, describe, expect, it } from 'vitest';
import { migratedDataDir, removeTempDirs, runCli } from '../../test/cli.ts';
import { testDatabase, testDatabaseUrl } from '../../test/db.ts';
import { createTestTenant } from '../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/database.ts';
import { importAggregates } from '../modules/controlling/aggregates.ts';
import { upsertExtraCost } from '../modules/controlling/queries/steering.ts';
import { systemActor } from '../shared/actor.ts';
import { inTransaction } from '../shared/context.ts';

/**
 * `leuchtturm report rentabilitaet --from/--to` as an operator runs it, on the engine of this test run: a copy of a
 * migrated embedded database, or with TEST_DATABASE_URL the run's PostgreSQL database.
 */
afterAll(() => removeTempDirs());

const csv = [
  'region,period,metric,value',
  'Walle,2011,costs_ambulant,1652880.00',
  'Walle,2011,costs_stationaer,4500000.00',
  'Walle,2011,costs_sonstige,400000.00',
  'Walle,2012,costs_ambulant,1542774.85',
  'Walle,2012,costs_stationaer,4300000.00',
  'Walle,2013,costs_ambulant,1927052.34',
  'Walle,2013,costs_stationaer,4500000.00',
  'Bremen,2011,costs_ambulant,25000000',
  'Bremen,2011,costs_stationaer,65000000',
  'Bremen,2012,costs_ambulant,26059000',
  'Bremen,2012,costs_stationaer,68000000',
  'Bremen,2013,costs_ambulant,27000000',
  'Bremen,2013,costs_stationaer,68940180',
].join('\n');

async function seed(db: Database) {
  const tenant = await createTestTenant(db);
  await inTransaction(db, systemActor(tenant.id), (ctx) => importAggregates(ctx, csv));
  await upsertExtraCost(db, tenant.id, {
    region: 'Walle',
    year: 2012,
    staff: '235398',
    training: '20349',
    other: '0',
  });
  await upsertExtraCost(db, tenant.id, {
    region: 'Walle',
    year: 2013,
    staff: '200000',
    training: '15000',
    other: '5000',
  });
  return tenant.slug;
}

async function target(): Promise<{ env: Record<string, string>; slug: string }> {
  const url = testDatabaseUrl();
  if (url) return { env: { DATABASE_URL: url }, slug: await seed((await testDatabase()).db) };
  const dir = await migratedDataDir();
  const handle = await openDatabase({ dataDir: dir });
  try {
    return { env: { LEUCHTTURM_DATA_DIR: dir }, slug: await seed(handle.db) };
  } finally {
    await handle.close();
  }
}

describe('leuchtturm report rentabilitaet --from --to', () => {
  it('gives the series with the cumulative net effect, negative savings included, as the API does', async () => {
    const { env, slug } = await target();
    const args = ['report', 'rentabilitaet', '--site', 'Walle', '--reference', 'Bremen', '--tenant', slug];
    const json = await runCli([...args, '--from', '2012', '--to', '2013', '--json'], env);
    expect(json.err).toBe('');
    expect(json.code).toBe(0);
    const s = JSON.parse(json.out);
    // Hand-computed in rentabilitaet.int.test.ts: 2012 net 331,853.04; 2013 savings -467,421.99, net -687,421.99.
    expect(
      s.rows.map((r: { year: number; savings: string; net: string; cumulativeNet: string }) => [
        r.year,
        r.savings,
        r.net,
        r.cumulativeNet,
      ]),
    ).toEqual([
      [2012, '587600.04', '331853.04', '331853.04'],
      [2013, '-467421.99', '-687421.99', '-355568.95'],
    ]);
    // Refused before the database is opened.
    const reversed = await runCli([...args, '--from', '2013', '--to', '2012'], env);
    expect(reversed.code).toBe(2);
    expect(reversed.err).toContain('„Bis“ liegt vor „Von“.');
  }, 180_000);
});
