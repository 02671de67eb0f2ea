import type { Role, SsoSettings, SsoSettingsInput, SsoSettingsResponse } from '@leuchtturm/shared';
import type { Config } from '../../config.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError, type FieldError } from '../../shared/errors.ts';
import { expectOneUpdated } from '../../shared/versioned.ts';
import { callbackPath, issuerAllowed, postLogoutPath } from './oidcClient.ts';
import {
  existingTeamIds,
  findSsoSetting,
  insertSsoSetting,
  listGroupMappings,
  replaceGroupMappings,
  updateSsoSetting,
} from './queries/sso.ts';

/** The admin screen's single sign-on setting (permission sso:manage, admins only). */
export async function readSsoSettings(ctx: Ctx, origin: string): Promise<SsoSettingsResponse> {
  const tenantId = ctx.actor.tenantId;
  const row = await findSsoSetting(ctx.db, tenantId);
  const mappings = row ? await listGroupMappings(ctx.db, tenantId) : [];
  const settings: SsoSettings | null = row
    ? {
        enabled: row.enabled,
        issuer: row.issuer,
        clientId: row.client_id,
        clientSecretEnv: row.client_secret_env,
        scopes: row.scopes,
        groupClaim: row.group_claim,
        groupMappings: mappings.map((m) => ({
          group: m.group_name,
          role: m.role as Role,
          teamId: m.team_id,
        })),
        version: row.version,
      }
    : null;
  return {
    settings,
    redirectUri: `${origin}${callbackPath}`,
    postLogoutRedirectUri: `${origin}${postLogoutPath}`,
  };
}

export async function saveSsoSettings(ctx: Ctx, config: Config, input: SsoSettingsInput): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const errors: FieldError[] = [];
  if (!issuerAllowed(config, input.issuer)) {
    errors.push({
      field: 'issuer',
      message: config.production
        ? 'Der Identitätsanbieter muss über https erreichbar sein.'
        : 'Der Identitätsanbieter muss über https erreichbar sein (http nur auf diesem Rechner: 127.0.0.1 oder localhost).',
    });
  }
  if (input.clientSecretEnv && !process.env[input.clientSecretEnv]) {
    errors.push({
      field: 'clientSecretEnv',
      message: `Die Umgebungsvariable ${input.clientSecretEnv} ist auf dem Server nicht gesetzt.`,
    });
  }
  const teams = await existingTeamIds(
    ctx.db,
    tenantId,
    input.groupMappings.flatMap((m) => (m.teamId ? [m.teamId] : [])),
  );
  const seen = new Set<string>();
  input.groupMappings.forEach((m, i) => {
    if (m.teamId && !teams.has(m.teamId)) {
      errors.push({ field: `groupMappings.${i}.teamId`, message: 'Dieses Team gibt es nicht.' });
    }
    const key = `${m.group}\u0000${m.role}`;
    if (seen.has(key)) {
      errors.push({
        field: `groupMappings.${i}.group`,
        message: 'Diese Gruppe ist dieser Rolle schon zugeordnet.',
      });
    }
    seen.add(key);
  });
  if (input.enabled && input.groupMappings.length === 0) {
    errors.push({ field: 'groupMappings', message: 'Bitte mindestens einer Gruppe eine Rolle zuordnen.' });
  }
  if (errors.length > 0) {
    throw new AppError('validation', errors[0]?.message ?? 'Ungültige Eingabe.', { fieldErrors: errors });
  }

  const values = {
    enabled: input.enabled,
    issuer: input.issuer.replace(/\/+$/, ''),
    client_id: input.clientId,
    client_secret_env: input.clientSecretEnv,
    scopes: input.scopes.trim().split(/\s+/).join(' '),
    group_claim: input.groupClaim,
  };
  const before = await findSsoSetting(ctx.db, tenantId);
  if (before) {
    if (input.version === undefined) throw AppError.versionConflict();
    const result = await updateSsoSetting(ctx.db, tenantId, input.version, values);
    await expectOneUpdated(result, () => findSsoSetting(ctx.db, tenantId), 'Die Einstellung');
  } else {
    await insertSsoSetting(ctx.db, { tenant_id: tenantId, ...values });
  }
  await replaceGroupMappings(
    ctx.db,
    tenantId,
    input.groupMappings.map((m) => ({ group_name: m.group, role: m.role, team_id: m.teamId })),
  );
  // What changed, by field name; the setting holds no secret (only the variable's name) and no personal data.
  const changed = before
    ? (Object.keys(values) as (keyof typeof values)[]).filter((k) => before[k] !== values[k])
    : Object.keys(values);
  await ctx.audit({
    action: before ? 'update' : 'create',
    entityType: 'sso_setting',
    entityId: null,
    details: { fields: changed, groupMappings: input.groupMappings.length },
  });
}
