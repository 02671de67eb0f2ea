import { addDays, instantOfBerlinDateTime, todayIso, weekdayOf } from '@leuchtturm/shared';
import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../src/db/database.ts';
import { openTestCase } from './cases.ts';
import { hoursAgo, openFamilyCase, reportBody } from './childProtection.ts';
import type { TestTenant } from './factories.ts';
import type { Client } from './http.ts';

/** Test helpers for the work list (server/src/modules/worklist). */

/**
 * A Wednesday at least two days ahead, 10:00 Berlin time: the work list's clock in the tests, so that Tuesday is
 * overdue, Wednesday today, Friday this week and next Monday later, whatever day the tests run. A report received
 * now with 24 hours is overdue by then.
 */
export function nextWednesday(from = todayIso()): { day: string; clock: Date } {
  let day = addDays(from, 2);
  while (weekdayOf(day) !== 3) day = addDays(day, 1);
  return { day, clock: instantOfBerlinDateTime(`${day}T10:00`) };
}

async function ok(res: Promise<LightMyRequestResponse>) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${r.statusCode}: ${r.body}`);
  return r.body ? r.json() : null;
}

/**
 * A case of team A (led by the client) with a deadline of every kind around `day` (a Wednesday): an Auftrag due the
 * day before with its review on Friday, an Auflage due that day with its review next Monday, a help plan to review
 * on Friday, a measure past its planned end and one ending that day, and a help-for-education process whose
 * Antrag is due at 09:00 that day. The case ends in the danger area.
 */
export async function caseWithDeadlines(
  cm: Client,
  tenant: TestTenant,
  db: Database,
  day: string,
  street = 'Ankerweg',
) {
  const today = todayIso();
  const { caseId, caseNumber } = await openTestCase(cm, {
    openedOn: addDays(today, -60),
    householdName: 'Familie Fristen',
    street,
  });
  const pair =
    street === 'Ankerweg'
      ? [tenant.users.caseManagerA.id, tenant.users.colleagueA.id]
      : [tenant.users.caseManagerB.id, tenant.users.teamLeadB.id];
  const mandate = (kind: 'auftrag' | 'auflage', dueOn: string, reviewOn: string) => ({
    kind,
    purpose: kind === 'auflage' ? 'abwendung' : 'klaerung',
    text: 'Das Kind wird täglich pünktlich zur Schule gebracht.',
    addressee: 'Frau Beispiel',
    dueOn,
    checkMethod: 'Rückmeldung der Schule',
    reviewOn,
    consequence: null,
  });
  const classify = (area: string, heldOn: string) =>
    ok(
      cm.post(`/cases/${caseId}/risk-consultations`, {
        heldOn,
        participantIds: pair,
        facts: 'Schule meldet Fehlzeiten; Mutter kooperativ.',
        area,
        nextSteps: 'Gespräch mit der Familie',
      }),
    );
  await classify('grau', addDays(today, -50));
  await ok(cm.post(`/cases/${caseId}/mandates`, mandate('auftrag', addDays(day, -1), addDays(day, 2))));
  await classify('gefaehrdung', addDays(today, -45));
  await ok(cm.post(`/cases/${caseId}/mandates`, mandate('auflage', day, addDays(day, 5))));
  await ok(
    cm.put(`/cases/${caseId}/will-and-goals`, {
      will: 'Muharem soll auf seiner Schule bleiben.',
      directionGoal: 'Muharem bleibt auf seiner Schule.',
      actionGoals: [
        { id: null, text: 'Muharem ist täglich in der Schule.', dueOn: addDays(day, 90), steps: [] },
      ],
      version: 0,
    }),
  );
  await ok(
    cm.post(`/cases/${caseId}/help-plans`, {
      applicationOn: addDays(today, -40),
      applicant: 'Mara Beispiel',
      meetingOn: addDays(today, -30),
      participants: ['Mara Beispiel', 'Test caseManagerA'],
      childParticipated: true,
      agreedMeasures: 'Flexible Hilfe',
      reviewOn: addDays(day, 2),
      attainment: [],
      supersedesId: null,
    }),
  );
  const detail = await ok(cm.get(`/cases/${caseId}`));
  const child = detail.household.members.find((m: { role: string }) => m.role === 'kind').person.id;
  const flexible = ((await ok(cm.get('/help-types'))) as { id: string; code: string }[]).find(
    (t) => t.code === '27.2',
  )?.id;
  const measure = (plannedEndOn: string) => ({
    personId: child,
    helpTypeId: flexible,
    offerId: null,
    individualRate: { amount: '300.00', unit: 'month' },
    category: null,
    underlyingHelpTypeId: null,
    beginOn: addDays(today, -20),
    plannedEndOn,
    hoursPerWeek: null,
    helpPlanId: null,
    reasons: ['eingeschränkte Erziehungskompetenz'],
  });
  await ok(cm.post(`/cases/${caseId}/measures`, measure(addDays(day, -1))));
  await ok(cm.post(`/cases/${caseId}/measures`, measure(day)));
  const started = await ok(cm.post(`/cases/${caseId}/processes`, { definitionKey: 'hilfe_zur_erziehung' }));
  // The Antrag as if the process had started a week earlier: due at 09:00 on the day, an hour before the clock. The
  // Hilfeplangespräch too, which the list leaves out: the case's help plan and its review date are there already.
  await db
    .updateTable('process_step')
    .set({ due_at: instantOfBerlinDateTime(`${day}T09:00`) })
    .where('tenant_id', '=', tenant.id)
    .where('instance_id', '=', started.id)
    .where('step_key', 'in', ['antrag', 'hilfeplangespraech'])
    .execute();
  return { caseId, caseNumber };
}

/**
 * A family case of team A in the grey area with a § 8a report received an hour ago and the urgency "within 24
 * hours" (the Kurzberatung closes the counselling's first step, so that the case has child-protection deadlines
 * only).
 */
export async function caseWithReport(cm: Client, tenant: TestTenant) {
  const family = await openFamilyCase(cm);
  await ok(
    cm.post(`/cases/${family.caseId}/risk-consultations`, {
      heldOn: addDays(todayIso(), -29),
      participantIds: [tenant.users.caseManagerA.id, tenant.users.colleagueA.id],
      facts: 'Kita meldet blaue Flecken.',
      area: 'grau',
      nextSteps: 'Gespräch mit der Mutter',
    }),
  );
  const base = `/cases/${family.caseId}/child-protection`;
  const check = await ok(cm.post(base, reportBody(family.lina, tenant.users.caseManagerA.id, hoursAgo(1))));
  const res = await cm.put(`${base}/${check.id}/urgency`, {
    urgency: 'innerhalb_24h',
    decidedAt: hoursAgo(0.5),
    reason: null,
    version: 1,
  });
  if (res.statusCode !== 204) throw new Error(`urgency: ${res.body}`);
  return { ...family, checkId: check.id as string };
}
