import { todayIso } from '@leuchtturm/shared';
import type { Harness } from './harness.ts';

/** Records of the demo city the browser tests start from, chosen by query (never by what the demo happens to hold). */

/**
 * The open cases led by fachkraft, with the case's id and number and fachkraft's id (`userId`), as a query the
 * caller narrows and orders.
 */
export function openCasesOfFachkraft(h: Harness) {
  return h.db
    .selectFrom('case_file as c')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
    )
    .select(['c.id', 'c.case_number as caseNumber', 'u.id as userId'])
    .where('c.tenant_id', '=', h.tenantId)
    .where('u.username', '=', 'fachkraft')
    .where('c.status', '=', 'offen');
}

/** The first open case led by fachkraft, by case number. */
export function caseOfFachkraft(h: Harness) {
  return openCasesOfFachkraft(h).orderBy('c.case_number').executeTakeFirstOrThrow();
}

/** An open case led by fachkraft whose household has a child under 18, not in the danger area, without a report. */
export async function caseWithChild(h: Harness) {
  const today = todayIso();
  const adultBorn = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
  return (
    h.db
      .selectFrom('case_file as c')
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
      )
      .innerJoin('household_member as hm', (j) =>
        j.onRef('hm.tenant_id', '=', 'c.tenant_id').onRef('hm.household_id', '=', 'c.household_id'),
      )
      .innerJoin('person as p', (j) =>
        j.onRef('p.tenant_id', '=', 'hm.tenant_id').onRef('p.id', '=', 'hm.person_id'),
      )
      .select(['c.id', 'c.case_number'])
      .where('c.tenant_id', '=', h.tenantId)
      .where('u.username', '=', 'fachkraft')
      .where('c.status', '=', 'offen')
      .where('p.birth_date', '>', adultBorn)
      .where('p.birth_date', '<=', today)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('risk_consultation as r')
              .select('r.id')
              .whereRef('r.tenant_id', '=', 'c.tenant_id')
              .whereRef('r.case_id', '=', 'c.id')
              .where('r.area', '=', 'gefaehrdung'),
          ),
        ),
      )
      // No report of the demo city's: this test's report is the case's only one.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('child_protection_check as k')
              .select('k.id')
              .whereRef('k.tenant_id', '=', 'c.tenant_id')
              .whereRef('k.case_id', '=', 'c.id'),
          ),
        ),
      )
      .orderBy('c.case_number')
      .executeTakeFirstOrThrow()
  );
}
