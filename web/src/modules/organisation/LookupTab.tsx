import { addressLookupQuerySchema } from '@leuchtturm/shared';
import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useFormState } from '../../app/form.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { type LookupQuery, useResponsibleTeam } from './queries.ts';

/** "Which team is responsible for this address?" */
export function LookupTab() {
  const form = useFormState({ street: '', houseNumber: '', postalCode: '' });
  const [query, setQuery] = useState<LookupQuery | null>(null);
  const result = useResponsibleTeam(query);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { street, houseNumber, postalCode } = form.values;
    const input = form.validate(addressLookupQuerySchema, {
      street,
      houseNumber: houseNumber.trim() === '' ? undefined : houseNumber.trim(),
      postalCode: postalCode.trim() === '' ? undefined : postalCode.trim(),
    });
    if (!input) return;
    setQuery({
      street: input.street,
      ...(input.houseNumber !== undefined ? { houseNumber: input.houseNumber } : {}),
      ...(input.postalCode !== undefined ? { postalCode: input.postalCode } : {}),
    });
  }

  return (
    <Stack gap="lg" maw={720}>
      <form onSubmit={submit} noValidate ref={form.formRef} aria-label="Adresse prüfen">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label="Straße"
              withAsterisk={false}
              required
              value={form.values.street}
              onChange={(e) => form.set('street', e.currentTarget.value)}
              error={form.errors.street}
            />
            <TextInput
              label="Hausnummer"
              inputMode="numeric"
              value={form.values.houseNumber}
              onChange={(e) => form.set('houseNumber', e.currentTarget.value)}
              error={form.errors.houseNumber}
            />
            <TextInput
              label="Postleitzahl (optional)"
              inputMode="numeric"
              maxLength={5}
              value={form.values.postalCode}
              onChange={(e) => form.set('postalCode', e.currentTarget.value)}
              error={form.errors.postalCode}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={result.isFetching}>
              Prüfen
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {query && result.isPending && <Loading />}
        {result.isError && <ErrorAlert error={result.error} title="Keine Zuständigkeit gefunden" />}
        {result.data && !result.isError && (
          <Card withBorder padding="lg" component="section" aria-labelledby="ergebnis-titel">
            <Title order={2} size="h3" id="ergebnis-titel" mb="sm">
              Zuständig für {result.data.street.name}
              {query?.houseNumber !== undefined ? ` ${query.houseNumber}` : ''} (
              {result.data.street.postalCode})
            </Title>
            <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} spacing="md" m={0}>
              <div>
                <Text component="dt" fw={600} size="sm" c="gray.8">
                  Team
                </Text>
                <Text component="dd" m={0} fw={700} size="lg">
                  {result.data.team.name}
                </Text>
              </div>
              <div>
                <Text component="dt" fw={600} size="sm" c="gray.8">
                  Stadtteil
                </Text>
                <Text component="dd" m={0}>
                  {result.data.district.name}
                </Text>
              </div>
              <div>
                <Text component="dt" fw={600} size="sm" c="gray.8">
                  Sozialzentrum
                </Text>
                <Text component="dd" m={0}>
                  {result.data.socialCentre.name}
                </Text>
              </div>
            </SimpleGrid>
          </Card>
        )}
      </div>
    </Stack>
  );
}
