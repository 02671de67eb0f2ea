import type { SessionUser } from '@leuchtturm/shared';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useKeepSessionAlive, useSignInAgain } from '../modules/auth/queries.ts';
import {
  errorMessage,
  lastUserActivity,
  onSessionEnded,
  onUserActivity,
  sessionIdleTimeoutMs,
} from './api.ts';
import { PasswordField } from './components/PasswordField.tsx';
import { formatDateTimeDe } from './dateTime.ts';

/** The warning shows this long before the idle timeout. */
const WARN_BEFORE_MS = 5 * 60_000;
/**
 * The server notes activity at most once a minute, so its idle time may have started up to a minute before the
 * last request; the warning counts from then.
 */
const SERVER_TOUCH_GRAIN_MS = 60_000;

/**
 * The dialogs of the session inside the app shell (docs/drafts-and-sessions.md): the warning before the idle
 * timeout ("Weiterarbeiten"), and signing in again in place when the session has ended, after which the API
 * client sends the refused request again, so that nothing typed is lost.
 */
export function SessionDialogs({ user }: { user: SessionUser }) {
  return (
    <>
      <IdleWarning />
      <SignInAgain user={user} />
    </>
  );
}

function IdleWarning() {
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const keepAlive = useKeepSessionAlive();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    function schedule() {
      clearTimeout(timer);
      setEndsAt(null);
      const ends = lastUserActivity() - SERVER_TOUCH_GRAIN_MS + sessionIdleTimeoutMs();
      timer = setTimeout(() => setEndsAt(ends), Math.max(0, ends - WARN_BEFORE_MS - Date.now()));
    }
    schedule();
    const stop = onUserActivity(schedule);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);

  return (
    <Modal
      opened={endsAt !== null}
      onClose={() => keepAlive.mutate()}
      title="Ihre Sitzung läuft bald ab"
      closeOnClickOutside={false}
      zIndex={400}
    >
      <Stack gap="md">
        <Text size="sm">
          Ohne weitere Aktivität endet Ihre Sitzung um{' '}
          {endsAt ? formatDateTimeDe(new Date(endsAt).toISOString()) : ''}. Ihre Eingaben sind als Entwurf
          gesichert; nach dem Ende können Sie sich an Ort und Stelle erneut anmelden.
        </Text>
        {keepAlive.isError && (
          <Alert color="red" role="alert" title="Nicht verlängert">
            {errorMessage(keepAlive.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => keepAlive.mutate()} loading={keepAlive.isPending} data-autofocus>
            Weiterarbeiten
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SignInAgain({ user }: { user: SessionUser }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const answer = useRef<((signedIn: boolean) => void) | null>(null);
  const signIn = useSignInAgain(user);
  const resetSignIn = signIn.reset;

  // Behind the dialog the page waits (app.css stops its spinners).
  useEffect(() => {
    if (!open) return;
    document.documentElement.dataset.sessionPaused = '';
    return () => {
      delete document.documentElement.dataset.sessionPaused;
    };
  }, [open]);

  // Registered while the shell is shown; leaving it answers a waiting request "not signed in".
  useEffect(() => {
    onSessionEnded(
      () =>
        new Promise<boolean>((resolve) => {
          answer.current = resolve;
          setPassword('');
          setMissing(false);
          resetSignIn();
          setOpen(true);
        }),
    );
    return () => {
      onSessionEnded(null);
      answer.current?.(false);
    };
  }, [resetSignIn]);

  function finish(signedIn: boolean) {
    setOpen(false);
    setPassword('');
    const resolve = answer.current;
    answer.current = null;
    resolve?.(signedIn);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setMissing(true);
      return;
    }
    signIn.mutate(password, { onSuccess: () => finish(true) });
  }

  return (
    <Modal
      opened={open}
      onClose={() => finish(false)}
      title="Sitzung abgelaufen: bitte erneut anmelden"
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
      zIndex={400}
      className="session-dialog"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            Ihre Sitzung ist abgelaufen. Melden Sie sich mit Ihrem Passwort wieder an; danach wird Ihre letzte
            Aktion ausgeführt. Was Sie eingegeben haben, bleibt erhalten.
          </Text>
          {signIn.isError && (
            <Alert color="red" role="alert" title="Anmeldung fehlgeschlagen">
              {errorMessage(signIn.error)}
            </Alert>
          )}
          <TextInput
            label="Benutzername"
            name="username"
            autoComplete="username"
            value={user.username}
            readOnly
          />
          <PasswordField
            label="Passwort"
            name="password"
            autoComplete="current-password"
            required
            withAsterisk={false}
            data-autofocus
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? 'Bitte das Passwort eingeben.' : undefined}
          />
          <Group justify="space-between">
            <Button variant="default" onClick={() => finish(false)}>
              Zur Anmeldeseite
            </Button>
            <Button type="submit" loading={signIn.isPending}>
              Anmelden und fortfahren
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
