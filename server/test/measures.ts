import type { FastifyInstance } from 'fastify';
import { openTestCase } from './cases.ts';
import { testDatabase } from './db.ts';
import { createTestTenant } from './factories.ts';
import { Client } from './http.ts';

/**
 * A fresh tenant with an open case of caseManagerA whose child can get help: a provider with an SpFH offer (70.00 an
 * hour: 50.00 a day at 5 hours a week) and a Wohngruppe (180.00 a day), and an approval threshold of 2000.00
 * between the two. `measure(over)` is the body of a new SpFH from March 2026, with `over` changed.
 */
export async function setupMeasures(app: FastifyInstance) {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const fin = await Client.as(app, tenant, 'finance');
  const opened = await openTestCase(cm);
  const types = (await cm.get('/help-types')).json() as { id: string; code: string }[];
  const type = (code: string) => types.find((t) => t.code === code)?.id as string;
  const provider = (await fin.post('/providers', { name: 'Kinderhaus am Deich e. V.', kind: 'frei' })).json()
    .id;
  const offer = async (name: string, code: string, unit: string, amount: string) =>
    (
      await fin.post('/offers', {
        providerId: provider,
        name,
        helpTypeId: type(code),
        unit,
        rate: { amount, validFrom: '2025-01-01' },
      })
    ).json().id as string;
  const spfh = await offer('SpFH', '31', 'hour', '70.00');
  const heim = await offer('Wohngruppe', '34', 'day', '180.00');
  // Between the SpFH (50.00 a day: 1550.00 in March) and the Wohngruppe (180.00 a day: 5580.00 in March)
  await fin.put('/finance/settings', { approvalThreshold: '2000.00' });
  const detail = (await cm.get(`/cases/${opened.caseId}`)).json();
  const child = detail.household.members.find((m: { role: string }) => m.role === 'kind').person.id as string;
  const mother = detail.household.members.find((m: { role: string }) => m.role === 'mutter').person
    .id as string;
  const measure = (over: Record<string, unknown>) => ({
    personId: child,
    helpTypeId: type('31'),
    offerId: spfh,
    individualRate: null,
    category: null,
    underlyingHelpTypeId: null,
    beginOn: '2026-03-01',
    plannedEndOn: '2026-12-31',
    hoursPerWeek: '5',
    helpPlanId: null,
    reasons: ['eingeschränkte Erziehungskompetenz'],
    ...over,
  });
  return { db, tenant, cm, fin, type, spfh, heim, child, mother, measure, ...opened };
}
