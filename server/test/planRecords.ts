import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { classify, openTestCase } from './cases.ts';
import { testDatabase } from './db.ts';
import { createTestTenant } from './factories.ts';
import { Client } from './http.ts';
import { inspectPdf, runningText } from './pdf-layout.ts';

/**
 * A case with the planning records § 65 can mark (docs/data-protection.md), written by caseManagerA: a resource, a
 * network entry, Wille und Ziele with two Handlungsziele (the first with a step) and a first Hilfeplan. Each secret
 * word appears in one record only, so a test can tell which mark withheld what.
 */
export const PLAN = 'Traumatherapie';
export const GOAL = 'Schuldnerberatung';
export const STEP = 'Insolvenzantrag';
export const OTHER_GOAL = 'Kitaplatz';
export const RESOURCE = 'Patenoma';
export const TIE = 'Bewährungshelfer';

export async function planRecords(app: FastifyInstance) {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const lead = await Client.as(app, tenant, 'teamLeadA');
  const { caseId } = await openTestCase(cm);
  await classify(cm, caseId, 'leistung', [tenant.users.caseManagerA.id, tenant.users.colleagueA.id]);
  const resource = await cm.post(`/cases/${caseId}/resources`, {
    area: 'sozial',
    description: `Die ${RESOURCE} holt Muharem ab.`,
    goalId: null,
    directoryEntryId: null,
  });
  expect(resource.statusCode, resource.body).toBe(201);
  const tie = await cm.post(`/cases/${caseId}/network`, {
    name: TIE,
    kind: 'person',
    closeness: 2,
    quality: 'mittel',
    angle: 90,
  });
  expect(tie.statusCode, tie.body).toBe(201);
  const will = await cm.put(`/cases/${caseId}/will-and-goals`, {
    will: 'Wir wollen zusammenbleiben.',
    directionGoal: 'Die Familie lebt schuldenfrei zusammen.',
    actionGoals: [
      {
        id: null,
        text: `Termin bei der ${GOAL} ist vereinbart.`,
        dueOn: '2026-06-30',
        steps: [{ who: 'Mutter', what: `${STEP} stellen`, dueOn: '2026-05-31', resourceId: null }],
      },
      { id: null, text: `Ein ${OTHER_GOAL} ist gefunden.`, dueOn: '2026-08-31', steps: [] },
    ],
    version: 0,
  });
  expect(will.statusCode, will.body).toBe(204);
  const plan = await cm.post(`/cases/${caseId}/help-plans`, {
    applicationOn: '2026-01-20',
    applicant: 'Mara Beispiel',
    meetingOn: '2026-02-01',
    participants: ['Mara Beispiel', 'Muharem Beispiel'],
    childParticipated: true,
    agreedMeasures: `Sozialpädagogische Familienhilfe und ${PLAN}`,
    reviewOn: '2026-07-01',
    attainment: [],
    supersedesId: null,
  });
  expect(plan.statusCode, plan.body).toBe(201);
  const read = await cm.get(`/cases/${caseId}`);
  expect(read.statusCode, read.body.slice(0, 2000)).toBe(200);
  const detail = read.json();
  const ids = {
    help_plan: plan.json().id as string,
    goal: detail.willAndGoals.actionGoals[0].id as string,
    resource: resource.json().id as string,
    network_tie: tie.json().id as string,
  };
  return { db, tenant, cm, lead, caseId, ids, personId: detail.household.members[0].person.id as string };
}
export type PlanRecords = Awaited<ReturnType<typeof planRecords>>;
export type PlanItem = keyof PlanRecords['ids'];

export async function mark(
  client: Client,
  caseId: string,
  itemType: string,
  itemId: string,
  to: string | null = null,
) {
  return client.post(`/cases/${caseId}/confided`, { itemType, itemId, confidedTo: to });
}

/** Records a release (the mother's written consent) on every § 65 mark of the case. */
export async function releaseAll(s: Pick<PlanRecords, 'db' | 'tenant' | 'cm' | 'caseId'>) {
  const marks = await s.db
    .selectFrom('confided_mark')
    .select('id')
    .where('tenant_id', '=', s.tenant.id)
    .where('case_id', '=', s.caseId)
    .execute();
  for (const { id } of marks) {
    const res = await s.cm.put(`/cases/${s.caseId}/confided/${id}/release`, {
      basis: 'einwilligung',
      note: 'Schriftliche Einwilligung der Mutter liegt vor.',
    });
    expect(res.statusCode).toBe(204);
  }
}

export const planPdf = async (client: Client, s: PlanRecords) => {
  const res = await client.get(`/cases/${s.caseId}/forms/hilfeplan?item=${s.ids.help_plan}`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return runningText(await inspectPdf(res.rawPayload));
};
