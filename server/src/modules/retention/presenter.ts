import type { CaseRetention } from '@leuchtturm/shared';
import type { Actor } from '../../shared/actor.ts';
import {
  type CaseAccessReason,
  mayConfirmErasure,
  mayProposeErasure,
  mayRestrictCase,
} from '../access/policy.ts';
import type { RetentionFactsRow } from './queries/files.ts';
import { type RetentionYears, retainUntil, retentionClassOf, retentionStateOf } from './rules.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A closed file's retention as the asking user sees it: no family name, no reason of a proposal. */
export function presentCaseRetention(
  actor: Actor,
  row: RetentionFactsRow,
  reason: CaseAccessReason,
  years: RetentionYears,
  today: string,
): CaseRetention {
  const facts = {
    status: row.status,
    closedOn: row.closed_on,
    hasLongHelp: row.has_long_help,
    longBirthDate: row.long_birth_date,
    longBirthUnknown: row.long_birth_unknown,
    hasProtection: row.has_protection,
  };
  const state = retentionStateOf(facts, row.state, years, today);
  return {
    caseId: row.id,
    caseNumber: row.case_number,
    closedOn: row.closed_on,
    recordClass: retentionClassOf(facts),
    retainUntil: retainUntil(facts, years),
    state,
    proposedByName: row.proposed_by_name ?? null,
    proposedAt: iso(row.proposed_at),
    restrictionReason: state === 'gesperrt' ? row.restriction_reason : null,
    erasedAt: iso(row.erased_at),
    mayPropose: state === 'faellig' && mayProposeErasure(reason),
    mayConfirm: state === 'vorgeschlagen' && mayConfirmErasure(actor, reason, row.proposed_by),
    // Restrict, or lift a restriction: the team lead, on a closed file not erased.
    mayRestrict: row.status === 'abgeschlossen' && state !== 'geloescht' && mayRestrictCase(reason),
    version: row.retention_version,
  };
}
