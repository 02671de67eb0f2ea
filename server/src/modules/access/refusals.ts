import type { Permission } from '@leuchtturm/shared';
import { AppError } from '../../shared/errors.ts';
import type { AuditEntityType, AuditEntry } from '../audit/chain.ts';

/**
 * Refused access to social data is audited like granted access. Services that refuse an action on a case throw
 * `forbiddenOnCase`, whose entry `inTransaction` records after the rollback. Any other refusal (the role check
 * before the handler, a 403 thrown without an entry) is recorded by the HTTP layer with the entry
 * `refusalOfRoute` derives from the route: entity and id from its first parameter, the route pattern, and the
 * permission lacking. Never the URL as sent or the body: those can carry personal data.
 */
export function forbiddenOnCase(
  caseId: string,
  purpose: 'read' | 'write' | string,
  message: string,
): AppError {
  return new AppError('forbidden', message, {
    audit: { action: 'access_denied', entityType: 'case', entityId: caseId, details: { purpose } },
  });
}

/** The audit entity of a route's resource segment (the segment before its first parameter, or its last one). */
const entityTypes: Partial<Record<string, AuditEntityType>> = {
  cases: 'case',
  persons: 'person',
  duplicates: 'person',
  households: 'household',
  measures: 'measure',
  approvals: 'measure_list',
  teams: 'team',
  staff: 'user',
  absences: 'absence',
  streets: 'street',
  districts: 'district',
  'social-centres': 'social_centre',
  responsibilities: 'responsibility',
  'responsible-team': 'responsibility',
  'street-suggestions': 'street',
  'address-check': 'responsibility',
  allocation: 'case_allocation',
  retention: 'case_retention',
  offers: 'service_offer',
  rates: 'rate',
  providers: 'provider',
  'help-types': 'help_type',
  needs: 'need',
  'micro-projects': 'micro_project',
  conferences: 'conference',
  topics: 'conference',
  knowledge: 'knowledge_page',
  expertise: 'user',
  training: 'training_status',
  budget: 'micro_budget',
  'access-share': 'micro_budget',
  costs: 'monthly_costs',
  payments: 'payment',
  settings: 'finance_setting',
  hze: 'hze_statistics',
  aggregates: 'aggregate',
  notes: 'case_note',
  'child-protection': 'child_protection_check',
  statistics: 'child_protection_statistics',
  processes: 'process_instance',
  definitions: 'process_definition',
  steps: 'process_step',
  notifications: 'notification',
  worklist: 'worklist',
  'process-definitions': 'process_definition',
  sso: 'sso_setting',
  outlines: 'district_outline',
  visits: 'institution_visit',
  institutions: 'institution_visit',
  walks: 'district_walk',
  talks: 'district_talk',
  networks: 'district_network',
};

/** A route whose resource names no record is named by its area (details.route says which route). */
const areaEntityTypes: Partial<Record<string, AuditEntityType>> = {
  controlling: 'controlling',
  finance: 'finance',
  organisation: 'organisation',
  audit: 'audit_log',
  auth: 'user',
  'child-protection': 'child_protection_statistics',
  notifications: 'notification',
  'process-definitions': 'process_definition',
  worklist: 'worklist',
  needs: 'need',
  'micro-projects': 'micro_project',
  atlas: 'atlas_entry',
  'district-work': 'district_work',
  retention: 'case_retention',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const API_PREFIX = '/api/v1';

export interface RefusedRoute {
  method: string;
  /** The route pattern as registered, e.g. `/api/v1/cases/:id/lead`. */
  route: string;
  params: Record<string, unknown>;
  /** The role permission the actor lacks, when the role check refused. */
  permission?: Permission;
}

/**
 * The entry for a refusal on a route: the entity is named by the segment before the route's first parameter (the
 * record asked for, e.g. the case of `/cases/:id/lead`), or by the last segment when there is no parameter. The id
 * is kept only when it is a well-formed id; anything else typed into an address is not stored.
 */
export function refusalOfRoute(refused: RefusedRoute): AuditEntry {
  const segments = refused.route.replace(API_PREFIX, '').split('/').filter(Boolean);
  const paramAt = segments.findIndex((s) => s.startsWith(':'));
  const resource = (paramAt > 0 ? segments[paramAt - 1] : segments.at(-1)) ?? 'route';
  const param = paramAt > 0 ? refused.params[segments[paramAt]?.slice(1) ?? ''] : undefined;
  return {
    action: 'access_denied',
    entityType: entityTypes[resource] ?? areaEntityTypes[segments[0] ?? ''] ?? 'route',
    entityId: typeof param === 'string' && UUID.test(param) ? param.toLowerCase() : null,
    details: {
      purpose: ['GET', 'HEAD'].includes(refused.method) ? 'read' : 'write',
      route: `${refused.method} ${refused.route}`,
      ...(refused.permission ? { permission: refused.permission } : {}),
    },
  };
}

/**
 * The entry for a request answered 404: a signed-in user asked for a record the tenant does not have (another
 * tenant's id, one erased, or one never issued). Recorded like a refusal (docs/decisions.md, "404 probes are
 * audited"), with its own action, so that `access_denied` still means a record that exists was refused; whether
 * the id exists in another tenant is not looked up (that would cross the tenant boundary) and not recorded.
 */
export function probeOfRoute(refused: RefusedRoute): AuditEntry {
  return { ...refusalOfRoute(refused), action: 'not_found' };
}
