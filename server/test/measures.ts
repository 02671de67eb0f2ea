import type { FastifyInstance } from 'fastify';
import { openTestCase } from './cases.ts';
import { testDatabase } from './db.ts';
import { createTestTenant } from './factories.ts';
import { Client } from './http.ts';

async function created(res: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return (r.json() as { id: string }).id;
}

/** The tenant's help types by their code ('31' is the SpFH, '34' the Heimerziehung). */
export async function helpTypesOf(client: Client): Promise<(code: string) => string> {
  const types = (await client.get('/help-types')).json() as { id: string; code: string }[];
  return (code) => {
    const id = types.find((t) => t.code === code)?.id;
    if (!id) throw new Error(`no help type ${code}`);
    return id;
  };
}

/** A provider (finance creates it); its id. */
export function createProvider(fin: Client, name: string): Promise<string> {
  return created(fin.post('/providers', { name, kind: 'frei' }), 'provider');
}

/** An offer of the provider with one rate from 2025 (finance creates it); its id. */
export function createOffer(
  fin: Client,
  offer: { providerId: string; name: string; helpTypeId: string; unit: string; amount: string },
): Promise<string> {
  const { amount, ...rest } = offer;
  return created(fin.post('/offers', { ...rest, rate: { amount, validFrom: '2025-01-01' } }), 'offer');
}

/** The body of a new SpFH for `personId` from March 2026 to the end of the year, 5 hours a week, with `over` changed. */
export function spfhMeasure(
  personId: string,
  helpTypeId: string,
  offerId: string,
  over: Record<string, unknown> = {},
) {
  return {
    personId,
    helpTypeId,
    offerId,
    individualRate: null,
    category: null,
    underlyingHelpTypeId: null,
    beginOn: '2026-03-01',
    plannedEndOn: '2026-12-31',
    hoursPerWeek: '5',
    helpPlanId: null,
    reasons: ['eingeschränkte Erziehungskompetenz'],
    ...over,
  };
}

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
  const type = await helpTypesOf(cm);
  const providerId = await createProvider(fin, 'Kinderhaus am Deich e. V.');
  const offer = (name: string, code: string, unit: string, amount: string) =>
    createOffer(fin, { providerId, name, helpTypeId: type(code), unit, amount });
  const spfh = await offer('SpFH', '31', 'hour', '70.00');
  const heim = await offer('Wohngruppe', '34', 'day', '180.00');
  // Between the SpFH (50.00 a day: 1550.00 in March) and the Wohngruppe (180.00 a day: 5580.00 in March)
  await fin.put('/finance/settings', { approvalThreshold: '2000.00' });
  const detail = (await cm.get(`/cases/${opened.caseId}`)).json();
  const child = detail.household.members.find((m: { role: string }) => m.role === 'kind').person.id as string;
  const mother = detail.household.members.find((m: { role: string }) => m.role === 'mutter').person
    .id as string;
  const measure = (over: Record<string, unknown>) => spfhMeasure(child, type('31'), spfh, over);
  return { db, tenant, cm, fin, type, spfh, heim, child, mother, measure, ...opened };
}
