import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { openTestCase } from './cases.ts';
import { testDatabase } from './db.ts';
import { createTestTenant, type TestTenant } from './factories.ts';
import { Client } from './http.ts';

/**
 * Controlling's test city. A hand-built Stadtteil "Nordhafen" (NH) with 1,000 young inhabitants in 2025 and three cases:
 * X (Kostenfall: measure M1 from 1 Jul, open; M3 1 Sep - 31 Oct), Y (no measure, closes on the Stichtag),
 * Z (a measure M2 that is planned, not approved). Südhafen (SH) has no inhabitants.
 */
export async function handBuilt(app: FastifyInstance) {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const fin = await Client.as(app, tenant, 'finance');
  await db
    .insertInto('population')
    .values(
      [
        ['0-5', 400],
        ['6-9', 300],
        ['10-13', 200],
        ['14-17', 100],
        ['18-20', 0],
      ].map(([band, residents]) => ({
        tenant_id: tenant.id,
        district_id: tenant.districts.a,
        year: 2025,
        age_band: band as string,
        residents: residents as number,
      })),
    )
    .execute();
  const types = (await cm.get('/help-types')).json() as { id: string; code: string }[];
  const spfh = types.find((t) => t.code === '31')?.id as string;
  const provider = (await fin.post('/providers', { name: 'Träger Test', kind: 'frei' })).json().id;
  const offer = (
    await fin.post('/offers', {
      providerId: provider,
      name: 'Tagessatz 100',
      helpTypeId: spfh,
      unit: 'day',
      rate: { amount: '100.00', validFrom: '2020-01-01' },
    })
  ).json().id;
  const x = await openTestCase(cm, { openedOn: '2025-01-10' });
  const y = await openTestCase(cm, { openedOn: '2025-03-01', childFirstName: 'Yara' });
  const z = await openTestCase(cm, { openedOn: '2025-05-01', childFirstName: 'Zoe' });
  await cm.post(`/cases/${y.caseId}/close`, {
    closedOn: '2025-12-31',
    reason: 'keine_hilfe_noetig',
    outcome: 'positiv',
    tip: null,
    version: 1,
  });
  const measure = (caseId: string, begin: string, end: string | null, status: 'geplant' | 'bewilligt') => ({
    caseId,
    begin,
    end,
    status,
  });
  for (const m of [
    measure(x.caseId, '2025-07-01', null, 'bewilligt'),
    measure(x.caseId, '2025-09-01', '2025-10-31', 'bewilligt'),
    measure(z.caseId, '2025-06-01', null, 'geplant'),
  ]) {
    await insertMeasure(db, tenant, m.caseId, spfh, offer, m.begin, m.end, m.status);
  }
  return { db, tenant, cm, cases: { x: x.caseId, y: y.caseId, z: z.caseId }, spfh, offer };
}

export async function insertMeasure(
  db: Database,
  tenant: TestTenant,
  caseId: string,
  helpTypeId: string,
  offerId: string,
  begin: string,
  end: string | null,
  status: 'geplant' | 'bewilligt',
) {
  const c = await db
    .selectFrom('case_file')
    .select('household_id')
    .where('tenant_id', '=', tenant.id)
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const child = await db
    .selectFrom('household_member')
    .select('person_id')
    .where('tenant_id', '=', tenant.id)
    .where('household_id', '=', c.household_id)
    .where('role', '=', 'kind')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('measure')
    .values({
      tenant_id: tenant.id,
      case_id: caseId,
      person_id: child.person_id,
      help_type_id: helpTypeId,
      offer_id: offerId,
      individual_amount: null,
      individual_unit: null,
      category: 'ambulant',
      underlying_help_type_id: null,
      begin_on: begin,
      planned_end_on: null,
      end_on: end,
      end_reason: end ? 'planmaessig' : null,
      hours_per_week: null,
      help_plan_id: null,
      status,
    })
    .execute();
}
