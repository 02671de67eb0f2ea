import { formatMoney, formatMoneyPlain, moneySchema, parseMoney, z } from '@leuchtturm/shared';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useFormState } from '../../app/form.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { useFinanceSettings, useSaveFinanceSettings } from './queries.ts';

/** The body of PUT /finance/settings. */
const settingsSchema = z.object({ approvalThreshold: moneySchema });

/** Einstellungen: above this monthly estimate a measure waits for the team lead's approval. */
export function SettingsTab() {
  const settings = useFinanceSettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} title="Laden fehlgeschlagen" />;
  return <ThresholdForm current={settings.data.approvalThreshold} />;
}

function ThresholdForm({ current }: { current: string }) {
  const form = useFormState({ approvalThreshold: formatMoneyPlain(current) });
  const save = useSaveFinanceSettings();

  function submit(event: FormEvent) {
    event.preventDefault();
    const amount = parseMoney(form.values.approvalThreshold);
    const input = form.validate(
      settingsSchema,
      { approvalThreshold: amount.value },
      { approvalThreshold: amount.error },
    );
    if (!input) return;
    save.mutate(input, { onError: (error) => form.showServerError(error) });
  }

  return (
    <form onSubmit={submit} noValidate ref={form.formRef} aria-label="Betragsgrenze">
      <Stack gap="md" maw={640} align="flex-start">
        <Text>
          Hilfen, deren geschätzte Kosten im Monat über dieser Grenze liegen, bleiben geplant, bis die
          Referatsleitung des Teams sie bewilligt. Darunter genügt die Entscheidung der Fachkraft. Derzeit:{' '}
          {formatMoney(current)} im Monat.
        </Text>
        {form.formError && (
          <Alert color="red" role="alert" title="Nicht gespeichert" w="100%">
            {form.formError}
          </Alert>
        )}
        <TextInput
          label="Betragsgrenze für die Bewilligung durch die Referatsleitung (€ pro Monat)"
          description="z. B. 1500,00"
          required
          inputMode="decimal"
          value={form.values.approvalThreshold}
          onChange={(e) => form.set('approvalThreshold', e.currentTarget.value)}
          error={form.errors.approvalThreshold}
          w="100%"
        />
        <Button type="submit" loading={save.isPending}>
          Speichern
        </Button>
      </Stack>
    </form>
  );
}
