import { changePasswordRequestSchema, passwordPolicy, z } from '@leuchtturm/shared';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useUser } from '../../app/auth.ts';
import { PasswordField } from '../../app/components/PasswordField.tsx';
import { useFormState } from '../../app/form.ts';
import { Page } from '../../app/Page.tsx';
import { AbsenceForm, AbsenceList } from '../organisation/AbsenceSection.tsx';
import { useChangePassword } from './queries.ts';

const passwordFormSchema = changePasswordRequestSchema
  .and(z.object({ repeatPassword: z.string() }))
  .refine((v) => v.newPassword === v.repeatPassword, {
    error: 'Die beiden neuen Passwörter stimmen nicht überein.',
    path: ['repeatPassword'],
  });

const empty = { currentPassword: '', newPassword: '', repeatPassword: '' };

export function AccountPage() {
  const user = useUser();
  const form = useFormState(empty);
  const change = useChangePassword();

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(passwordFormSchema, form.values);
    if (!input) return;
    change.mutate(
      { currentPassword: input.currentPassword, newPassword: input.newPassword },
      {
        onSuccess: () => {
          form.reset(empty);
          notifications.show({
            color: 'green',
            title: 'Gespeichert',
            message:
              'Ihr Passwort wurde geändert. Ihre Anmeldungen in anderen Browsern und auf anderen Geräten wurden beendet.',
          });
        },
        onError: (error) => form.showServerError(error),
      },
    );
  }

  return (
    <Page title="Mein Konto">
      <Text>
        Angemeldet als <strong>{user.displayName}</strong> (Benutzername: {user.username})
      </Text>
      <Card withBorder padding="lg" maw={520} component="section" aria-labelledby="passwort-aendern">
        <Title order={2} size="h3" id="passwort-aendern" mb="sm">
          Passwort ändern
        </Title>
        <form onSubmit={submit} noValidate ref={form.formRef}>
          <Stack gap="md">
            {form.formError && (
              <Alert color="red" role="alert" title="Nicht gespeichert">
                {form.formError}
              </Alert>
            )}
            <PasswordField
              label="Bisheriges Passwort"
              autoComplete="current-password"
              withAsterisk={false}
              required
              value={form.values.currentPassword}
              onChange={(e) => form.set('currentPassword', e.currentTarget.value)}
              error={form.errors.currentPassword}
            />
            <PasswordField
              label="Neues Passwort"
              description={`Mindestens ${passwordPolicy.minLength} Zeichen.`}
              autoComplete="new-password"
              withAsterisk={false}
              required
              value={form.values.newPassword}
              onChange={(e) => form.set('newPassword', e.currentTarget.value)}
              error={form.errors.newPassword}
            />
            <PasswordField
              label="Neues Passwort wiederholen"
              autoComplete="new-password"
              withAsterisk={false}
              required
              value={form.values.repeatPassword}
              onChange={(e) => form.set('repeatPassword', e.currentTarget.value)}
              error={form.errors.repeatPassword}
            />
            <Group>
              <Button type="submit" loading={change.isPending}>
                Passwort ändern
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <AbsenceForm />
      <AbsenceList />
    </Page>
  );
}
