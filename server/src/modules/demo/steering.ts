import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { insertChunked } from './queries/insert.ts';

/**
 * Steering inputs of the demo office (docs/controlling-rentabilitaet.md): the extra costs of a project in the
 * Sozialzentrum Nord (SZ-N) as the ESPQ project had them (staff, training, other), and targets for the city in the
 * last full year, so the tab "Rentabilität" and the traffic lights show something. No randomness: a few rows.
 */
export async function insertDemoSteering(
  db: Kysely<DB>,
  tenantId: string,
  lastYear: number,
  counts: Record<string, number>,
) {
  const extra: Insertable<DB['rentab_extra_cost']>[] = [];
  for (let year = lastYear - 5; year < lastYear; year++) {
    extra.push({
      tenant_id: tenantId,
      region: 'SZ-N',
      year,
      staff: '198003.00',
      training: '20349.00',
      other: '37395.00',
    });
  }
  await insertChunked(db, 'rentab_extra_cost', extra, []);
  const targets: [figure: string, target: string][] = [
    ['per_jew_total', '800.00'],
    ['density_per1000', '25.00'],
    ['share_beratung', '40.00'],
    ['cases_per_vze', '35.00'],
  ];
  await insertChunked(
    db,
    'controlling_target',
    targets.map(([figure, target]) => ({
      tenant_id: tenantId,
      figure,
      region: 'stadt',
      year: lastYear - 1,
      target,
      tolerance_pct: 5,
    })),
    [],
  );
  counts.steering = extra.length + targets.length;
}
