import { type Role, rolePermissions, type SessionUser } from '@leuchtturm/shared';
import type { SessionUserRow } from './queries.ts';

export function presentSessionUser(row: SessionUserRow): SessionUser {
  const roles = row.roles as Role[];
  const permissions = [...new Set(['authenticated' as const, ...roles.flatMap((r) => rolePermissions[r])])];
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles,
    permissions,
    team: row.team_id && row.team_name ? { id: row.team_id, name: row.team_name } : null,
    socialCentre: row.centre_id && row.centre_name ? { id: row.centre_id, name: row.centre_name } : null,
    tenant: { slug: row.tenant_slug, name: row.tenant_name },
  };
}
