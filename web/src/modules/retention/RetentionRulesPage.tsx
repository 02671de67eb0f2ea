import { type RetentionRules, retentionClasses, retentionRulesInputSchema } from '@leuchtturm/shared';
import { Button, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormErrorAlert } from '../../app/components/FormErrorAlert.tsx';
import { useFormState } from '../../app/form.ts';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { useChangeRetentionRules, useRetentionRules } from './queries.ts';

const basis: Record<string, string> = {
  langfristig: 'Jahre nach dem 30. Geburtstag des jungen Menschen',
  kinderschutz: 'Jahre nach Ende des Abschlussjahres',
  sonstige: 'Jahre nach Ende des Abschlussjahres',
};

/** Aufbewahrungsfristen (docs/retention.md): the administration sets the years of each class. */
export function RetentionRulesPage() {
  const rules = useRetentionRules();
  return (
    <Page title="Aufbewahrungsfristen">
      {rules.isPending ? (
        <Loading />
      ) : rules.data === undefined ? (
        <ErrorAlert error={rules.error} title="Laden fehlgeschlagen" />
      ) : (
        <RulesForm key={rules.data.version} rules={rules.data} />
      )}
    </Page>
  );
}

function RulesForm({ rules }: { rules: RetentionRules }) {
  const initial = Object.fromEntries(rules.rules.map((r) => [r.recordClass, r.years as number | string]));
  const form = useFormState(initial);
  const save = useChangeRetentionRules();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.validate(retentionRulesInputSchema, {
      rules: retentionClasses.values.map((recordClass) => ({
        recordClass,
        years: Number(form.values[recordClass]),
      })),
      version: rules.version,
    });
    if (!input) return;
    form.send(
      save.mutateAsync(input, {
        onSuccess: () =>
          notifications.show({ color: 'green', title: 'Gespeichert', message: 'Aufbewahrungsfristen' }),
        onError: (error) => form.showServerError(error),
      }),
    );
  }

  return (
    <form onSubmit={submit} noValidate ref={form.formRef}>
      <Stack gap="md" maw={640}>
        <Text>
          Nach Ablauf der Frist erscheint eine abgeschlossene Akte zur Löschung. Für Hilfen zur Erziehung,
          Eingliederungshilfe und stationäre Hilfen gilt § 9b SGB VIII (70 Jahre nach dem 30. Geburtstag).
        </Text>
        {retentionClasses.values.map((c, i) => (
          <NumberInput
            key={c}
            label={retentionClasses.labels[c]}
            description={basis[c]}
            min={1}
            max={100}
            allowDecimal={false}
            required
            value={form.values[c]}
            onChange={(v) => form.set(c, v)}
            error={form.errors[`rules.${i}.years`]}
          />
        ))}
        <FormErrorAlert formError={form.formError} onReload={null} />
        <Button type="submit" w="fit-content" loading={save.isPending}>
          Speichern
        </Button>
      </Stack>
    </form>
  );
}
