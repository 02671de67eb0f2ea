import { addDays, todayIso, type Worklist } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursAgo } from '../../../test/childProtection.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { caseWithReport, nextWednesday } from '../../../test/worklist.ts';

const { day, clock } = nextWednesday();
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp({}, () => clock);
});
afterAll(() => app.close());

/** A case with a § 8a check (report and urgency through the API) and a consequence recorded beside it. */
async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const report = await caseWithReport(cm, tenant);
  // The consequences are written as the child-protection module stores them; the assessment and result before
  // them are that module's business (its own tests), the list only reads what is recorded.
  const consequence = (values: Record<string, unknown>) =>
    db
      .insertInto('protection_measure')
      .values({
        tenant_id: tenant.id,
        check_id: report.checkId,
        decided_on: todayIso(),
        created_by: tenant.users.caseManagerA.id,
        kind: 'schutzplan',
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  return { db, tenant, cm, report, consequence };
}

const protectionItems = async (cm: Client) =>
  ((await cm.get('/worklist')).json() as Worklist).items.filter(
    (i) => i.kind === 'schutzplan_ueberpruefung' || i.kind === 'inobhutnahme_laeuft',
  );

describe('child protection beyond the deadlines on the work list', () => {
  it('lists the Schutzplan review dates up to Sunday until a Kurzberatung on or after the date holds them', async () => {
    const { cm, tenant, report, consequence } = await setup();
    const today = todayIso();
    const plan = await consequence({
      kind: 'schutzplan',
      description: 'Schutzvereinbarung',
      review_dates: [addDays(today, -5), addDays(day, 2), addDays(day, 10)],
    });
    const before = await protectionItems(cm);
    expect(before.map((i) => [i.id, i.bucket, i.childProtection, i.link?.section])).toEqual([
      [`protection_plan:${plan.id}:${addDays(today, -5)}`, 'ueberfaellig', true, 'kinderschutz'],
      [`protection_plan:${plan.id}:${addDays(day, 2)}`, 'diese_woche', true, 'kinderschutz'],
    ]);
    expect(before[0]?.title).toBe('Überprüfung des Schutzplans (Kurzberatung zur Risikoeinschätzung)');

    // The review in the team, recorded as a Kurzberatung after the first date: that date is held, the next is not.
    const held = await cm.post(`/cases/${report.caseId}/risk-consultations`, {
      heldOn: addDays(today, -2),
      participantIds: [tenant.users.caseManagerA.id, tenant.users.colleagueA.id],
      facts: 'Schutzplan überprüft: Vereinbarungen werden eingehalten.',
      area: 'grau',
      nextSteps: 'Weitere Überprüfung wie vereinbart',
    });
    expect(held.statusCode).toBe(201);
    const after = await protectionItems(cm);
    expect(after.map((i) => i.id)).toEqual([`protection_plan:${plan.id}:${addDays(day, 2)}`]);
  });

  it('keeps a running Inobhutnahme under "Heute", marked child protection, until its end is recorded', async () => {
    const { db, tenant, cm, consequence } = await setup();
    const care = await consequence({
      kind: 'inobhutnahme',
      begin_at: new Date(hoursAgo(30)),
      place: 'Kinder- und Jugendnotdienst',
      carers_informed_how: 'Mutter telefonisch informiert',
    });
    const list = ((await cm.get('/worklist')).json() as Worklist).items;
    const item = list.find((i) => i.id === `care_order:${care.id}`);
    expect(item).toMatchObject({
      kind: 'inobhutnahme_laeuft',
      bucket: 'heute',
      dueOn: day,
      overdue: false,
      childProtection: true,
      link: { section: 'kinderschutz' },
    });
    expect(item?.title).toMatch(/^Inobhutnahme seit \d{2}\.\d{2}\.\d{4}: Ende oder Anschlusshilfe klären$/);
    await db
      .updateTable('protection_measure')
      .set({ end_at: new Date(hoursAgo(1)), end_reason: 'rueckkehr' })
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', care.id)
      .execute();
    expect(await protectionItems(cm)).toEqual([]);
  });
});
