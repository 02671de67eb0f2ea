import {
  confidedItemTypes,
  type Disclosure,
  familyConferencePhases,
  measureStatuses,
  type WithheldPart,
} from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { sumMoney } from '../../shared/money.ts';
import { conferencesOfCases } from '../cases/queries/familyConference.ts';
import type { ContentViewer } from '../confided/queries/visibility.ts';
import { measuresOfCases } from '../measures/queries/measures.ts';
import { paymentsOfMeasures } from './queries.ts';

/**
 * The Hilfen (with their payments) and the Familienrat in the Auskunft (docs/data-protection.md). A § 65 mark
 * withholds their free text only: help type, period, provider, status, payments, the Familienrat's date and phase
 * are given; the withheld texts are listed by kind and reason.
 */

type CaseMeasures = Disclosure['cases'][number]['measures'];
type CaseConference = Disclosure['cases'][number]['familyConference'];

export interface CaseRecordParts {
  measuresOf: (caseId: string) => CaseMeasures;
  conferenceOf: (caseId: string) => CaseConference;
  withheld: WithheldPart[];
}

const label = <T extends string>(labels: Record<T, string>, value: string) => labels[value as T] ?? value;

export async function measuresAndConferences(
  db: Kysely<DB>,
  tenantId: string,
  caseIds: readonly string[],
  viewer: ContentViewer,
  numberOf: ReadonlyMap<string, string>,
  reason: string,
): Promise<CaseRecordParts> {
  const [measures, conferences] = await Promise.all([
    measuresOfCases(db, tenantId, caseIds, viewer),
    conferencesOfCases(db, tenantId, caseIds, viewer),
  ]);
  const payments = await paymentsOfMeasures(
    db,
    tenantId,
    measures.map((m) => m.id),
  );
  const withheld: WithheldPart[] = [
    ...measures
      .filter((m) => !m.shown && m.has_text)
      .map((m) => ({
        kind: `${confidedItemTypes.labels.measure} ${m.help_type_name}: Begründungen`,
        caseNumber: numberOf.get(m.case_id) ?? null,
        date: m.begin_on,
        reason,
      })),
    ...conferences
      .filter((f) => !f.shown)
      .map((f) => ({
        kind: `${confidedItemTypes.labels.family_conference}: Anliegen, Familienplan und Entscheidung`,
        caseNumber: numberOf.get(f.case_id) ?? null,
        date: f.held_on,
        reason,
      })),
  ];
  return {
    measuresOf: (caseId) =>
      measures
        .filter((m) => m.case_id === caseId)
        .map((m) => {
          const own = payments.filter((p) => p.measure_id === m.id);
          return {
            helpType: `${m.help_type_name} (${m.paragraph})`,
            person: `${m.first_name} ${m.last_name}`,
            provider: m.provider_name,
            beginOn: m.begin_on,
            plannedEndOn: m.planned_end_on,
            endOn: m.end_on,
            status: label(measureStatuses.labels, m.status),
            beginReason: m.shown ? m.begin_reason : null,
            withdrawReason: m.shown ? m.withdraw_reason : null,
            payments: own.map((p) => ({ month: p.month, amount: p.amount })),
            paid: sumMoney(own.map((p) => p.amount)),
          };
        }),
    conferenceOf: (caseId) => {
      const f = conferences.find((c) => c.case_id === caseId);
      if (!f) return null;
      return {
        phase: label(familyConferencePhases.labels, f.phase),
        heldOn: f.held_on,
        followUpOn: f.follow_up_on,
        concern: f.shown ? f.concern : null,
        familyPlan: f.shown ? f.family_plan : null,
        officeDecision: f.shown ? f.office_decision : null,
      };
    },
    withheld,
  };
}
