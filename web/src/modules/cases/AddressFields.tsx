import { addressKinds, type StreetSuggestion } from '@leuchtturm/shared';
import { Fieldset, Group, Loader, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { FieldErrors } from '../../app/form.ts';
import { type AddressKind, type HouseholdDraft, rangesText } from './householdDraft.ts';
import { useStreetSuggestions } from './intakeQueries.ts';

const streetLabel = (s: StreetSuggestion) => `${s.name} · ${s.postalCode} ${s.district.name}`;

/**
 * The household's address: a fixed address (a street chosen from the directory's suggestions as one types, and the
 * house number) or none (wohnungslos, unbekannt verzogen). The chosen street shows its postal code, district and
 * which team serves which house numbers; no postal code is asked for.
 */
export function AddressFields({
  address,
  errors,
  onChange,
}: {
  address: HouseholdDraft['address'];
  errors: Readonly<FieldErrors>;
  onChange: (patch: Partial<HouseholdDraft['address']>) => void;
}) {
  const [search, setSearch] = useState(address.street ? streetLabel(address.street) : '');
  const [debounced] = useDebouncedValue(search, 200);
  // Typing after a choice searches again; the chosen street's own label is no search.
  const term = address.street && debounced === streetLabel(address.street) ? '' : debounced.trim();
  const suggestions = useStreetSuggestions(term);
  const found = suggestions.data ?? [];
  const options =
    address.street && !found.some((s) => s.id === address.street?.id) ? [address.street, ...found] : found;

  const nothingFound =
    term.length < 2
      ? 'Bitte mindestens zwei Buchstaben eingeben.'
      : suggestions.isError
        ? 'Die Straßen konnten nicht geladen werden. Bitte erneut versuchen.'
        : suggestions.isFetching
          ? 'Straßen werden gesucht …'
          : 'Keine Straße dieses Namens im Straßenverzeichnis.';

  return (
    <Fieldset legend="Adresse">
      <Stack gap="sm">
        <Radio.Group
          label="Wohnsituation"
          value={address.kind}
          onChange={(value) => onChange({ kind: value as AddressKind })}
        >
          <Group gap="lg" mt={4}>
            {addressKinds.values.map((kind) => (
              <Radio key={kind} value={kind} label={addressKinds.labels[kind]} />
            ))}
          </Group>
        </Radio.Group>
        {address.kind === 'fest' ? (
          <>
            <Text size="sm" c="gray.8">
              Die Adresse bestimmt den Stadtteil und das zuständige Team.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <Select
                label="Straße"
                placeholder="Straßennamen eintippen"
                required
                withAsterisk={false}
                searchable
                clearable
                style={{ gridColumn: 'span 2' }}
                data={options.map((s) => ({ value: s.id, label: streetLabel(s) }))}
                // The directory searches; the list shows its answer as it is.
                filter={({ options: all }) => all}
                value={address.street?.id ?? null}
                searchValue={search}
                onSearchChange={setSearch}
                onChange={(id) => onChange({ street: options.find((s) => s.id === id) ?? null })}
                nothingFoundMessage={nothingFound}
                rightSection={
                  suggestions.isFetching ? (
                    <Loader size="xs" aria-label="Straßen werden gesucht" />
                  ) : undefined
                }
                description={
                  address.street ? rangesText(address.street) : 'Straße aus dem Straßenverzeichnis wählen.'
                }
                error={errors['address.streetId']}
              />
              <TextInput
                label="Hausnummer"
                required
                withAsterisk={false}
                value={address.houseNumber}
                onChange={(e) => onChange({ houseNumber: e.currentTarget.value })}
                error={errors['address.houseNumber']}
              />
            </SimpleGrid>
          </>
        ) : (
          <Text size="sm" c="gray.8">
            Ohne feste Adresse ist kein Team zuständig: Der Fall kommt auf die Zuteilungsliste der
            Referatsleitungen.
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
