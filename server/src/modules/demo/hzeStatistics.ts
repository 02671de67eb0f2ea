import { hzeEndReasonOf } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { setDemoHzeOffice } from './queries/hzeStatistics.ts';
import { Random } from './random.ts';

/**
 * Plausible fields of the official HzE statistics (docs/hze-statistics.md) for the demo's helps and families, and
 * the demo office's identification: each help gets coded fields fitting its Hilfeart (place, sub-type, hours), a
 * few are left incomplete so that the plausibility check has something to show. Set as the rows are built
 * (cases.ts, measures.ts), so the demo needs no extra pass over its tables.
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

interface DemoMeasure {
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

/** A stream of its own for the statistics fields, so that every earlier draw (and figure) stays as it was. */
export const hzeStatisticsStream = (what: string) => new Random(`leuchtturm-hze-statistik-${what}`);

/** The coded fields of a demo help as JSON (null for § 42 and for about 3 %, left for the check to list). */
export function demoMeasureStatistics(rnd: Random, m: DemoMeasure): string | null {
  if (m.code === '42' || m.code === '19' || rnd.chance(0.03)) return null;
  return JSON.stringify(measureStatistics(rnd, m));
}

/** The coded fields of a demo family as JSON. */
export function demoFamilyStatistics(rnd: Random): string {
  const foreign = rnd.chance(0.38);
  return JSON.stringify({
    parentForeignOrigin: foreign ? '1' : rnd.chance(0.95) ? '2' : '9',
    germanAtHome: foreign && rnd.chance(0.55) ? '2' : '1',
    familySituation: rnd.pick(['1', '1', '2', '2', '2', '3', '3', '4', '9']),
    transferBenefits: rnd.chance(0.6) ? '1' : rnd.chance(0.9) ? '2' : '9',
  });
}

/** The demo office's identification in every record (a Land-Bremen-like key). */
export async function insertDemoHzeOffice(db: Kysely<DB>, tenantId: string): Promise<void> {
  await setDemoHzeOffice(db, tenantId, { land: '04', kreis: '04011', jugendamt: '401' });
}
