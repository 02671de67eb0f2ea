import { idSchema, lineSchema, nameSchema, versionSchema } from './common.ts';
import { roles } from './roles.ts';
import { z } from './zod.ts';

/**
 * Single sign-on by OpenID Connect (docs/security.md): a tenant's identity provider and which of its groups give
 * which role and team. The client secret is never stored: the setting names the server's environment variable
 * that holds it, and only variables starting with LEUCHTTURM_OIDC_ may be named (an administrator must not be able
 * to send, say, the database password to a provider of their choosing).
 */
export const ssoSecretEnvPattern = /^LEUCHTTURM_OIDC_[A-Z0-9_]{1,60}$/;

export const ssoGroupMappingSchema = z.object({
  group: nameSchema(200),
  role: z.enum(roles, { error: 'Bitte eine Rolle wählen.' }),
  teamId: idSchema.nullable(),
});
export type SsoGroupMapping = z.infer<typeof ssoGroupMappingSchema>;

export const ssoSettingsInputSchema = z.object({
  enabled: z.boolean(),
  issuer: nameSchema(500).refine((v) => URL.canParse(v), {
    error:
      'Bitte die Adresse des Identitätsanbieters (Issuer) als URL angeben, z. B. https://login.stadt.de/realms/jugendamt.',
  }),
  clientId: nameSchema(200),
  clientSecretEnv: lineSchema(80)
    .regex(ssoSecretEnvPattern, {
      error:
        'Der Name der Umgebungsvariable muss mit LEUCHTTURM_OIDC_ beginnen (Großbuchstaben, Ziffern, _).',
    })
    .nullable(),
  scopes: nameSchema(300).refine((v) => v.split(/\s+/).includes('openid'), {
    error: 'Die Scopes müssen „openid“ enthalten.',
  }),
  groupClaim: nameSchema(100),
  groupMappings: z.array(ssoGroupMappingSchema).max(200),
  /** The version read; absent when no setting exists yet. */
  version: versionSchema.optional(),
});
export type SsoSettingsInput = z.infer<typeof ssoSettingsInputSchema>;

export const ssoSettingsSchema = ssoSettingsInputSchema.extend({ version: versionSchema });
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

/**
 * What the admin screen reads: the setting, or null while there is none, and the addresses to register at the
 * provider (redirect URI, post-logout redirect URI).
 */
export const ssoSettingsResponseSchema = z.object({
  settings: ssoSettingsSchema.nullable(),
  redirectUri: z.string(),
  postLogoutRedirectUri: z.string(),
});
export type SsoSettingsResponse = z.infer<typeof ssoSettingsResponseSchema>;

/** What the sign-in page asks before it offers "Mit Dienstkonto anmelden". */
export const ssoStatusSchema = z.object({ enabled: z.boolean() });

export const logoutResponseSchema = z.object({
  /** The provider's end-session address, when the session came through single sign-on and the provider has one. */
  endSessionUrl: z.string().nullable(),
});
export type LogoutResponse = z.infer<typeof logoutResponseSchema>;

/**
 * Why a sign-in through the provider was refused: the code goes into the audit trail and into the sign-in page's
 * address (`/anmelden?sso=<code>`), the sign-in page shows the message.
 */
export const ssoRefusalMessages = {
  not_configured: 'Die Anmeldung mit Dienstkonto ist für dieses Jugendamt nicht eingerichtet.',
  state:
    'Die Anmeldung mit Dienstkonto ist abgelaufen oder wurde nicht in diesem Browser begonnen. Bitte erneut anmelden.',
  provider_denied: 'Der Identitätsanbieter hat die Anmeldung abgebrochen oder abgelehnt.',
  provider_unreachable: 'Der Identitätsanbieter ist nicht erreichbar. Bitte später erneut versuchen.',
  wrong_issuer:
    'Das Anmeldetoken stammt nicht vom eingerichteten Identitätsanbieter (Aussteller stimmt nicht).',
  wrong_audience: 'Das Anmeldetoken ist nicht für Leuchtturm ausgestellt (Empfänger stimmt nicht).',
  wrong_nonce: 'Das Anmeldetoken gehört nicht zu dieser Anmeldung (Nonce stimmt nicht).',
  expired: 'Das Anmeldetoken ist abgelaufen. Bitte erneut anmelden.',
  invalid_token: 'Das Anmeldetoken des Identitätsanbieters ist ungültig.',
  unknown_group:
    'Ihr Dienstkonto gehört keiner Gruppe an, der Leuchtturm eine Rolle zuordnet. Bitte wenden Sie sich an die Administration.',
  ambiguous_team: 'Ihre Gruppen ordnen Sie mehreren Teams zu. Bitte wenden Sie sich an die Administration.',
  username_taken:
    'Ein lokales Konto mit Ihrem Benutzernamen besteht bereits. Die Administration muss es umbenennen oder deaktivieren.',
  inactive: 'Ihr Konto ist deaktiviert. Bitte wenden Sie sich an die Administration.',
} as const;
export type SsoRefusal = keyof typeof ssoRefusalMessages;
export const ssoRefusals = Object.keys(ssoRefusalMessages) as SsoRefusal[];
export const isSsoRefusal = (v: string): v is SsoRefusal => Object.hasOwn(ssoRefusalMessages, v);
