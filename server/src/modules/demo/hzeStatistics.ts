import { hzeEndReasonOf } from '@leuchtturm/shared';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Random } from './random.ts';

/**
 * Plausible fields of the official HzE statistics (docs/hze-statistics.md) for the demo's helps and families, and
 * the demo office's identification: each help gets coded fields fitting its Hilfeart (place, sub-type, hours), a
 * few are left incomplete so that the plausibility check has something to show. A stream of its own, so that the
 * earlier draws (and figures) stay as they were; two bulk updates per 2,000 rows keep the demo fast.
 */

const CHUNK = 2000;

const subTypes: Record<string, string[]> = {
  '27.2': ['1', '1', '2', '3'],
  '33': ['1', '1', '1', '2', '3'],
  '34': ['1', '2', '2', '3'],
};
const places: Record<string, string[]> = {
  '33': ['3', '3', '3', '2'],
  '34': ['4', '5', '5', '6'],
  '35': ['5', '6', '4'],
};

interface DemoMeasure {
  id: string;
  code: string;
  category: string;
  end_on: string | null;
  end_reason: string | null;
  hours_per_week: string | null;
}

function measureStatistics(rnd: Random, m: DemoMeasure) {
  const subType =
    m.code === '35a'
      ? m.category === 'ambulant'
        ? '1'
        : '4'
      : subTypes[m.code]
        ? rnd.pick(subTypes[m.code] ?? [])
        : null;
  const place =
    m.code === '35a' && subType === '4'
      ? '4'
      : places[m.code] && !(m.code === '35' && m.category === 'ambulant')
        ? rnd.pick(places[m.code] ?? [])
        : '1';
  const main = rnd.pick(['2', '4', '4', '5', '6', '7', '8', '9', '3']);
  const further = [rnd.pick(['2', '4', '5', '6', '7', '9']), rnd.pick(['1', '6', '8', '9'])].filter(
    (g, i, all) => g !== main && all.indexOf(g) === i,
  );
  const ended = m.end_on !== null;
  const coded = m.end_reason ? hzeEndReasonOf[m.end_reason] : undefined;
  return {
    subType,
    placeOfHelp: place,
    residenceBefore: rnd.chance(0.85) ? '1' : rnd.pick(['2', '3', '4', '9']),
    mainGround: main,
    furtherGrounds: further.slice(0, rnd.int(0, 2)),
    hoursPerWeek: m.hours_per_week === null ? null : Number(m.hours_per_week),
    initiator: rnd.pick(['2', '2', '2', '4', '4', '3', '3', '1', '5', '6', '7']),
    familyCourt: rnd.chance(0.9) ? '0' : rnd.pick(['1', '2']),
    endReason: ended && !coded ? rnd.pick(['2', '2', '3', '4']) : null,
    residenceAfter: ended ? (place === '1' ? '1' : rnd.pick(['1', '1', '3', '5', '6'])) : null,
  };
}

export async function insertDemoHzeStatistics(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  counts: Record<string, number>,
): Promise<void> {
  await db
    .updateTable('finance_setting')
    .set({ hze_office: JSON.stringify({ land: '04', kreis: '04011', jugendamt: '401' }) })
    .where('tenant_id', '=', tenantId)
    .execute();
  const measures = await db
    .selectFrom('measure as m')
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .innerJoin('case_file as c', (j) =>
      j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
    )
    .select(['m.id', 'h.code', 'm.category', 'm.end_on', 'm.end_reason', 'm.hours_per_week'])
    .where('m.tenant_id', '=', tenantId)
    .where('h.is_hze', '=', true)
    // Ids are drawn by the database: an order of what the seed decides keeps the draws deterministic.
    .orderBy('c.case_number')
    .orderBy('m.begin_on')
    .orderBy('p.first_name')
    .orderBy('p.birth_date')
    .orderBy('h.code')
    .execute();
  // About 3 % without statistics yet: the check lists them.
  const rows = measures.flatMap((m) =>
    rnd.chance(0.03) ? [] : [{ id: m.id, json: JSON.stringify(measureStatistics(rnd, m)) }],
  );
  await bulkJson(db, tenantId, 'measure', 'statistics', rows);

  const cases = await db
    .selectFrom('case_file')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .orderBy('case_number')
    .execute();
  const families = cases.map((c) => {
    const foreign = rnd.chance(0.38);
    return {
      id: c.id,
      json: JSON.stringify({
        parentForeignOrigin: foreign ? '1' : rnd.chance(0.95) ? '2' : '9',
        germanAtHome: foreign && rnd.chance(0.55) ? '2' : '1',
        familySituation: rnd.pick(['1', '1', '2', '2', '2', '3', '3', '4', '9']),
        transferBenefits: rnd.chance(0.6) ? '1' : rnd.chance(0.9) ? '2' : '9',
      }),
    };
  });
  await bulkJson(db, tenantId, 'case_file', 'family_statistics', families);
  counts.hze_statistics = rows.length;
}

/** Sets a jsonb column of many rows, one statement per chunk (the same SQL on PGlite and PostgreSQL). */
async function bulkJson(
  db: Kysely<DB>,
  tenantId: string,
  table: 'measure' | 'case_file',
  column: 'statistics' | 'family_statistics',
  rows: { id: string; json: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = sql.join(rows.slice(i, i + CHUNK).map((r) => sql`(${r.id}, ${r.json})`));
    await sql`update ${sql.table(table)} as t set ${sql.ref(column)} = v.s::jsonb
      from (values ${values}) as v(id, s)
      where t.tenant_id = ${tenantId} and t.id = v.id::uuid`.execute(db);
  }
}
