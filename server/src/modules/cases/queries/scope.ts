import { type RawBuilder, sql } from 'kysely';
import type { CaseListFilter } from '../../access/policy.ts';

/**
 * The ids of the cases a list filter admits (access/policy.ts caseListFilter): led by one of `leadUserIds`, of the
 * team `teamLeadOf`, or granted to `grantee` (a grant counts while `today` is not past its last day). A union of
 * index lookups rather than an `or` over every case row: an `or` with the grant's `exists` cannot use an index, so
 * the planner read the tenant's whole case table for a list of a few dozen cases. `status`, when given, narrows
 * the lead and team lookups (the caller filters the cases by it as well). Null: the filter admits no case.
 */
export function caseIdsInScope(
  tenantId: string,
  filter: CaseListFilter,
  today: string,
  status: string | null = null,
): RawBuilder<{ id: string }> | null {
  const ofStatus = status === null ? sql`` : sql` and s.status = ${status}`;
  const parts = [
    ...(filter.leadUserIds.length > 0
      ? [
          sql`select s.id from case_file s where s.tenant_id = ${tenantId}
            and s.lead_user_id = any(${filter.leadUserIds}::uuid[])${ofStatus}`,
        ]
      : []),
    ...(filter.teamLeadOf
      ? [
          sql`select s.id from case_file s where s.tenant_id = ${tenantId}
            and s.team_id = ${filter.teamLeadOf}${ofStatus}`,
        ]
      : []),
    ...(filter.grantee
      ? [
          sql`select g.case_id from case_access_grant g where g.tenant_id = ${tenantId}
            and g.user_id = ${filter.grantee} and (g.valid_until is null or g.valid_until >= ${today}::date)`,
        ]
      : []),
  ];
  return parts.length === 0 ? null : sql<{ id: string }>`${sql.join(parts, sql` union `)}`;
}
