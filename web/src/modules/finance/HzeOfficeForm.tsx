import { type HzeOffice, hzeOfficeSchema } from '@leuchtturm/shared';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useFormState } from '../../app/form.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { useHzeOffice, useSaveHzeOffice } from '../measures/statisticsQueries.ts';

/** The office's identification in every record of the HzE statistics (Land, Kreis, Jugendamtsnummer). */
export function HzeOfficeForm() {
  const office = useHzeOffice();
  if (office.isPending) return <Loading />;
  if (office.isError) return <ErrorAlert error={office.error} title="Laden fehlgeschlagen" />;
  return <OfficeFields current={office.data.office} />;
}

function OfficeFields({ current }: { current: HzeOffice | null }) {
  const form = useFormState({
    land: current?.land ?? '',
    kreis: current?.kreis ?? '',
    jugendamt: current?.jugendamt ?? '',
  });
  const save = useSaveHzeOffice();

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = form.validate(hzeOfficeSchema, form.values);
    if (!valid) return;
    save.mutate({ id: '', body: valid }, { onError: (error) => form.showServerError(error) });
  }

  return (
    <form onSubmit={submit} noValidate ref={form.formRef} aria-label="Kennung des Jugendamts">
      <Stack gap="sm" align="flex-start">
        {form.formError && (
          <Alert color="red" role="alert" title="Nicht gespeichert" w="100%">
            {form.formError}
          </Alert>
        )}
        <Group align="flex-start">
          <TextInput
            label="Land"
            description="Schlüssel, z. B. 04"
            required
            inputMode="numeric"
            maxLength={2}
            value={form.values.land}
            onChange={(e) => form.set('land', e.currentTarget.value)}
            error={form.errors.land}
            w={140}
          />
          <TextInput
            label="Kreis / kreisfreie Stadt"
            description="fünfstellig, z. B. 04011"
            required
            inputMode="numeric"
            maxLength={5}
            value={form.values.kreis}
            onChange={(e) => form.set('kreis', e.currentTarget.value)}
            error={form.errors.kreis}
            w={200}
          />
          <TextInput
            label="Jugendamtsnummer"
            description="laut Statistischem Landesamt"
            required
            inputMode="numeric"
            maxLength={6}
            value={form.values.jugendamt}
            onChange={(e) => form.set('jugendamt', e.currentTarget.value)}
            error={form.errors.jugendamt}
            w={200}
          />
        </Group>
        <Button type="submit" loading={save.isPending}>
          Kennung speichern
        </Button>
      </Stack>
    </form>
  );
}
