import {
  type Role,
  roleLabels,
  roles,
  type SsoSettingsResponse,
  ssoSettingsInputSchema,
} from '@leuchtturm/shared';
import {
  Alert,
  Button,
  Code,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useFormState } from '../../app/form.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { useTeams } from '../organisation/queries.ts';
import { useSaveSsoSettings, useSsoSettings } from './queries.ts';

const NO_TEAM = 'kein-team';
const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

interface MappingRow {
  group: string;
  role: string | null;
  teamId: string;
}

/** The tab "Anmeldung (Single Sign-On)" of the organisation page, for admins (docs/security.md). */
export function SsoSettingsPanel() {
  const settings = useSsoSettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError)
    return <ErrorAlert error={settings.error} title="Einstellung konnte nicht geladen werden" />;
  return <SsoForm key={settings.data.settings?.version ?? 0} data={settings.data} />;
}

function SsoForm({ data }: { data: SsoSettingsResponse }) {
  const teams = useTeams();
  const save = useSaveSsoSettings();
  const current = data.settings;
  const form = useFormState({
    enabled: current?.enabled ?? false,
    issuer: current?.issuer ?? '',
    clientId: current?.clientId ?? '',
    clientSecretEnv: current?.clientSecretEnv ?? '',
    scopes: current?.scopes ?? 'openid profile email',
    groupClaim: current?.groupClaim ?? 'groups',
    groupMappings: (current?.groupMappings ?? []).map(
      (m): MappingRow => ({ group: m.group, role: m.role, teamId: m.teamId ?? NO_TEAM }),
    ),
  });
  const teamOptions = [
    { value: NO_TEAM, label: 'Kein Team' },
    ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];
  const rows = form.values.groupMappings;
  const setRow = (i: number, change: Partial<MappingRow>) =>
    form.set(
      'groupMappings',
      rows.map((r, j) => (j === i ? { ...r, ...change } : r)),
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    const { clientSecretEnv, groupMappings, ...rest } = form.values;
    const input = {
      ...rest,
      issuer: rest.issuer.trim(),
      clientId: rest.clientId.trim(),
      clientSecretEnv: clientSecretEnv.trim() === '' ? null : clientSecretEnv.trim(),
      groupMappings: groupMappings.map((m) => ({
        group: m.group.trim(),
        role: m.role as Role | null,
        teamId: m.teamId === NO_TEAM ? null : m.teamId,
      })),
      ...(current ? { version: current.version } : {}),
    };
    const valid = form.validate(ssoSettingsInputSchema, input);
    if (!valid) return;
    save.mutate(valid, { onError: (error) => form.showServerError(error) });
  }

  return (
    <form onSubmit={submit} noValidate ref={form.formRef} aria-labelledby="sso-heading">
      <Stack gap="md" maw={760}>
        <Title order={2} id="sso-heading" size="h3">
          Anmeldung mit Dienstkonto (OpenID Connect)
        </Title>
        <Text>
          Mitarbeitende melden sich über den Identitätsanbieter der Stadt an (z. B. Keycloak, ADFS, Azure AD).
          Ihr Konto entsteht bei der ersten Anmeldung; Rollen und Team ergeben sich bei jeder Anmeldung aus
          ihren Gruppen. Lokale Konten (z. B. das Notfall-Konto der Administration) melden sich weiter mit
          Passwort an.
        </Text>
        <Text size="sm">
          Beim Identitätsanbieter einzutragen – Weiterleitungsadresse: <Code>{data.redirectUri}</Code>,
          Adresse nach dem Abmelden: <Code>{data.postLogoutRedirectUri}</Code>
        </Text>
        {form.formError && (
          <Alert color="red" role="alert" title="Nicht gespeichert">
            {form.formError}
          </Alert>
        )}
        <Switch
          label="Anmeldung mit Dienstkonto anbieten"
          checked={form.values.enabled}
          onChange={(e) => form.set('enabled', e.currentTarget.checked)}
        />
        <TextInput
          label="Issuer (Adresse des Identitätsanbieters)"
          description="z. B. https://login.stadt.de/realms/jugendamt"
          required
          value={form.values.issuer}
          onChange={(e) => form.set('issuer', e.currentTarget.value)}
          error={form.errors.issuer}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Client-ID"
            required
            value={form.values.clientId}
            onChange={(e) => form.set('clientId', e.currentTarget.value)}
            error={form.errors.clientId}
          />
          <TextInput
            label="Umgebungsvariable mit dem Client-Secret"
            description="Nur der Name, z. B. LEUCHTTURM_OIDC_SECRET; leer bei einem öffentlichen Client."
            value={form.values.clientSecretEnv}
            onChange={(e) => form.set('clientSecretEnv', e.currentTarget.value)}
            error={form.errors.clientSecretEnv}
          />
          <TextInput
            label="Scopes"
            required
            value={form.values.scopes}
            onChange={(e) => form.set('scopes', e.currentTarget.value)}
            error={form.errors.scopes}
          />
          <TextInput
            label="Claim mit den Gruppen"
            description="Im ID-Token, z. B. groups"
            required
            value={form.values.groupClaim}
            onChange={(e) => form.set('groupClaim', e.currentTarget.value)}
            error={form.errors.groupClaim}
          />
        </SimpleGrid>

        <Title order={3} size="h4">
          Gruppen → Rolle und Team
        </Title>
        {form.errors.groupMappings && (
          <Text c="red.8" size="sm" role="alert">
            {form.errors.groupMappings}
          </Text>
        )}
        {rows.length === 0 && <Text>Noch keine Gruppe zugeordnet.</Text>}
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while edited
          <Group key={i} align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={`Gruppe ${i + 1}`}
              required
              value={row.group}
              onChange={(e) => setRow(i, { group: e.currentTarget.value })}
              error={form.errors[`groupMappings.${i}.group`]}
            />
            <Select
              label={`Rolle für Gruppe ${i + 1}`}
              required
              data={roleOptions}
              value={row.role}
              onChange={(value) => setRow(i, { role: value })}
              error={form.errors[`groupMappings.${i}.role`]}
            />
            <Select
              label={`Team für Gruppe ${i + 1}`}
              data={teamOptions}
              value={row.teamId}
              allowDeselect={false}
              onChange={(value) => setRow(i, { teamId: value ?? NO_TEAM })}
              error={form.errors[`groupMappings.${i}.teamId`]}
            />
            <Button
              variant="default"
              onClick={() =>
                form.set(
                  'groupMappings',
                  rows.filter((_, j) => j !== i),
                )
              }
            >
              Gruppe {i + 1} entfernen
            </Button>
          </Group>
        ))}
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => form.set('groupMappings', [...rows, { group: '', role: null, teamId: NO_TEAM }])}
          >
            Gruppe zuordnen
          </Button>
          <Button type="submit" loading={save.isPending}>
            Speichern
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
