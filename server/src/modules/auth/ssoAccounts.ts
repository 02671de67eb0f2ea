import { createHash } from 'node:crypto';
import {
  roles as knownRoles,
  type Role,
  type SsoRefusal,
  singleLineTextPattern,
  usernameSchema,
} from '@leuchtturm/shared';
import type { IDToken } from 'openid-client';
import type { Ctx } from '../../shared/context.ts';
import {
  findExternalAccount,
  insertExternalAccount,
  listGroupMappings,
  type SsoSettingRow,
  updateExternalAccount,
  usernameTaken,
} from './queries/sso.ts';

/**
 * The account of a person signed in through the provider (docs/decisions.md, "Single sign-on accounts"): found by
 * (tenant, issuer, subject) only. The first sign-in creates it just in time; roles and team come from the groups
 * the provider names, at every sign-in, so that a change in the city's directory applies at the next sign-in.
 * A name or e-mail address never links a provider's person to an existing local account.
 */
export async function provisionAccount(
  ctx: Ctx,
  setting: SsoSettingRow,
  claims: IDToken,
): Promise<{ userId: string } | { refused: SsoRefusal; userId: string | null }> {
  const tenantId = ctx.actor.tenantId;
  const existing = await findExternalAccount(ctx.db, tenantId, setting.issuer, claims.sub);
  const userId = existing?.id ?? null;
  if (existing && !existing.active) return { refused: 'inactive', userId };

  const groups = groupsOf(claims, setting.group_claim);
  const mappings = (await listGroupMappings(ctx.db, tenantId)).filter((m) => groups.has(m.group_name));
  if (mappings.length === 0) return { refused: 'unknown_group', userId };
  const roles = knownRoles.filter((r) => mappings.some((m) => m.role === r)) as Role[];
  const teams = [...new Set(mappings.flatMap((m) => (m.team_id ? [m.team_id] : [])))];
  if (teams.length > 1) return { refused: 'ambiguous_team', userId };
  const profile = {
    display_name: text(claims.name, 200) ?? text(claims.preferred_username, 200) ?? claims.sub.slice(0, 200),
    email: text(claims.email, 320),
    roles,
    team_id: teams[0] ?? null,
  };

  if (existing) {
    const changed = (['display_name', 'email', 'roles', 'team_id'] as const).filter(
      (f) => JSON.stringify(existing[f]) !== JSON.stringify(profile[f]),
    );
    if (changed.length > 0) {
      await updateExternalAccount(ctx.db, tenantId, existing.id, profile);
      // Names of the fields only: the values are personal data.
      await ctx.audit({
        action: 'update',
        entityType: 'user',
        entityId: existing.id,
        details: { fields: changed, method: 'oidc' },
      });
    }
    return { userId: existing.id };
  }

  const username = usernameOf(claims);
  if (await usernameTaken(ctx.db, tenantId, username)) return { refused: 'username_taken', userId: null };
  const created = await insertExternalAccount(ctx.db, {
    tenant_id: tenantId,
    username,
    ...profile,
    external_issuer: setting.issuer,
    external_subject: claims.sub,
  });
  await ctx.audit({
    action: 'create',
    entityType: 'user',
    entityId: created,
    details: { method: 'oidc', roles, team: profile.team_id },
  });
  return { userId: created };
}

/**
 * The account's user name: the provider's preferred_username (else the e-mail address) in the form local names
 * take (Mitarbeitende can then edit the account), else one derived from the subject.
 */
function usernameOf(claims: IDToken): string {
  for (const candidate of [claims.preferred_username, claims.email]) {
    if (typeof candidate !== 'string') continue;
    const name = candidate
      .trim()
      .toLowerCase()
      .replace('@', '.')
      .replace(/[^a-z0-9._-]/g, '-')
      .slice(0, 60);
    if (usernameSchema.safeParse(name).success) return name;
  }
  return `sso-${createHash('sha256').update(claims.sub).digest('hex').slice(0, 12)}`;
}

/** The groups in the configured claim: a list of names or one name; a dotted name reads a nested claim. */
function groupsOf(claims: IDToken, claimName: string): Set<string> {
  let value: unknown = claims;
  for (const part of claimName.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  }
  const list = Array.isArray(value) ? value : [value];
  return new Set(list.filter((g): g is string => typeof g === 'string'));
}

/** A claim usable as one line of text, cut to the column's length; anything else counts as absent. */
function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed && singleLineTextPattern.test(trimmed) ? trimmed.slice(0, max) : null;
}
