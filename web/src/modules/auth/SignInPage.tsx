import { ssoRefusalMessages } from '@leuchtturm/shared';
import { Alert, Button, Container, Divider, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { errorMessage } from '../../app/api.ts';
import { PasswordField } from '../../app/components/PasswordField.tsx';
import { useFormState } from '../../app/form.ts';
import { Page } from '../../app/Page.tsx';
import { ssoStartHref, useLogin, useSsoStatus } from './queries.ts';

export function SignInPage() {
  const search = useSearch({ from: '/anmelden' });
  const navigate = useNavigate();
  const login = useLogin();
  const sso = useSsoStatus();
  const form = useFormState({ username: '', password: '' });

  function submit(event: FormEvent) {
    event.preventDefault();
    // Checked by hand rather than with the shared zod schema: the sign-in page stays small without zod.
    const username = form.values.username.trim();
    const { password } = form.values;
    const errors = {
      ...(username ? {} : { username: 'Bitte den Benutzernamen eingeben.' }),
      ...(password ? {} : { password: 'Bitte das Passwort eingeben.' }),
    };
    if (!form.check(errors)) return;
    login.mutate(
      { username, password },
      { onSuccess: () => void navigate({ href: search.redirect ?? '/' }) },
    );
  }

  return (
    <Container component="main" size={420} py={64}>
      <Text fw={700} size="xl" c="blue.9" ta="center" mb="md">
        Leuchtturm
      </Text>
      <Paper withBorder shadow="sm" p="xl" radius="md">
        <Page title="Anmelden">
          {search.abgelaufen && !login.isError && (
            <Alert color="blue" title="Sitzung beendet" role="status">
              Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.
            </Alert>
          )}
          {search.sso && !login.isError && (
            <Alert color="red" title="Anmeldung mit Dienstkonto abgelehnt" role="alert">
              {ssoRefusalMessages[search.sso]}
            </Alert>
          )}
          {login.isError && (
            <Alert key={login.submittedAt} color="red" title="Anmeldung fehlgeschlagen" role="alert">
              {errorMessage(login.error)}
            </Alert>
          )}
          {sso.data?.enabled && (
            <>
              {/* A plain link: the server answers with the way to the identity provider, a full page change. */}
              <Button component="a" href={ssoStartHref} variant="filled" fullWidth>
                Mit Dienstkonto anmelden
              </Button>
              <Divider
                label={
                  <Text size="sm" c="gray.8">
                    oder mit lokalem Konto
                  </Text>
                }
                labelPosition="center"
              />
            </>
          )}
          <form onSubmit={submit} noValidate ref={form.formRef}>
            <Stack gap="md">
              <TextInput
                label="Benutzername"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                withAsterisk={false}
                required
                value={form.values.username}
                onChange={(e) => form.set('username', e.currentTarget.value)}
                error={form.errors.username}
              />
              <PasswordField
                label="Passwort"
                name="password"
                autoComplete="current-password"
                withAsterisk={false}
                required
                value={form.values.password}
                onChange={(e) => form.set('password', e.currentTarget.value)}
                error={form.errors.password}
              />
              <Button type="submit" loading={login.isPending} fullWidth>
                Anmelden
              </Button>
            </Stack>
          </form>
        </Page>
      </Paper>
    </Container>
  );
}
