import { Select } from '@mantine/core';
import { useState } from 'react';
import { useAtlasPick } from './queries.ts';

/**
 * Picks an entry of the Stadtteilatlas by typing part of its name (the server searches); the chosen entry stays
 * in the choices while other text is typed.
 */
export function AtlasPicker({
  value,
  onChange,
  error,
}: {
  value: { id: string; name: string } | null;
  onChange: (entry: { id: string; name: string } | null) => void;
  error?: string | undefined;
}) {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const typed = search === value?.name ? '' : search.trim();
  const choices = useAtlasPick(typed, open || typed !== '');
  const items = choices.data?.items ?? [];
  const data = [
    ...(value && !items.some((e) => e.id === value.id) ? [{ value: value.id, label: value.name }] : []),
    ...items.map((e) => ({ value: e.id, label: `${e.name} (${e.district.name})` })),
  ];
  return (
    <Select
      label="Einrichtung aus dem Stadtteilatlas"
      description="Optional: Namen eingeben und aus der Liste wählen."
      placeholder="Einrichtung suchen"
      searchable
      clearable
      filter={({ options }) => options}
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpen(true)}
      nothingFoundMessage={choices.isFetching ? 'Wird gesucht …' : 'Keine Einrichtung gefunden'}
      onChange={(id) => {
        const label = data.find((d) => d.value === id)?.label ?? '';
        onChange(id ? { id, name: label.replace(/ \([^)]*\)$/, '') } : null);
      }}
      error={error}
    />
  );
}
