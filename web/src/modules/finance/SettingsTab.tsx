import { moneySchema } from '@leuchtturm/shared';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { useFormState } from '../../app/form.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { formatMoney, formatMoneyPlain, moneyInput } from '../measures/money.ts';
import { germanExamples } from '../measures/validate.ts';
import { useFinanceMutation, useFinanceSettings } from './queries.ts';

/** Einstellungen: above this monthly estimate a measure waits for the team lead's approval. */
export function SettingsTab() {
  const settings = useFinanceSettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} title="Laden fehlgeschlagen" />;
  return <ThresholdForm current={settings.data.approvalThreshold} />;
}

function ThresholdForm({ current }: { current: string }) {
  const form = useFormState({ approvalThreshold: formatMoneyPlain(current) });
  const save = useFinanceMutation(
    (input: { approvalThreshold: string }) => api.put('/finance/settings', input),
    'Die Betragsgrenze wurde gespeichert.',
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const amount = moneyInput(form.values.approvalThreshold);
    const result = moneySchema.safeParse(amount);
    if (
      !form.check(
        result.success ? {} : { approvalThreshold: germanExamples(result.error.issues[0]?.message ?? '') },
      )
    )
      return;
    save.mutate(
      { approvalThreshold: amount },
      { onError: (error) => form.showServerError(error, ['approvalThreshold']) },
    );
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
