import { hzeEndReasonOf } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { bulkJson, listDemoCaseIds, listDemoHzeMeasures, setDemoHzeOffice } from './queries/hzeStatistics.ts';
import type { Random } from './random.ts';

/**
 * Plausible fields of the official HzE statistics (docs/hze-statistics.md) for the demo's helps and families, and
 * the demo office's identification: each help gets coded fields fitting its Hilfeart (place, sub-type, hours), a
 * few are left incomplete so that the plausibility check has something to show. A stream of its own, so that the
 * earlier draws (and figures) stay as they were; two bulk updates per 2,000 rows keep the demo fast.
 */

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

type DemoMeasure = Awaited<ReturnType<typeof listDemoHzeMeasures>>[number];

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
  await setDemoHzeOffice(db, tenantId, { land: '04', kreis: '04011', jugendamt: '401' });
  const measures = await listDemoHzeMeasures(db, tenantId);
  // About 3 % without statistics yet: the check lists them.
  const rows = measures.flatMap((m) =>
    rnd.chance(0.03) ? [] : [{ id: m.id, json: JSON.stringify(measureStatistics(rnd, m)) }],
  );
  await bulkJson(db, tenantId, 'measure', 'statistics', rows);

  const cases = await listDemoCaseIds(db, tenantId);
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
