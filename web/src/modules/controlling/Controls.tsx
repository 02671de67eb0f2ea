import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { type RegionEntry, type RegionKind, regionValue } from './queries.ts';
import { FIRST_YEAR, thisYear } from './search.ts';

const kindLabels: Record<RegionKind, string> = {
  city: 'Stadt',
  centre: 'Sozialzentren',
  team: 'Teams',
  district: 'Stadtteile',
  external: 'Externe Regionen',
};
const kinds: RegionKind[] = ['city', 'centre', 'team', 'district', 'external'];

/** The regions grouped by kind; the chosen one is kept even when the list does not (yet) name it. */
export function RegionSelect({
  regions,
  value,
  onChange,
  loading,
  label = 'Region',
  description = 'Stadt, Sozialzentrum, Team oder Stadtteil',
}: {
  regions: readonly RegionEntry[];
  value: string;
  onChange: (value: string) => void;
  loading: boolean;
  label?: string;
  description?: string;
}) {
  const data = useMemo(() => {
    const groups = kinds
      .map((kind) => ({
        group: kindLabels[kind],
        items: regions
          .filter((r) => r.kind === kind)
          .map((r) => ({ value: regionValue(r, regions), label: r.name })),
      }))
      .filter((g) => g.items.length > 0);
    const known = groups.some((g) => g.items.some((i) => i.value === value));
    if (!known && !loading) {
      const external = groups.find((g) => g.group === kindLabels.external);
      if (external) external.items.push({ value, label: value });
      else groups.push({ group: kindLabels.external, items: [{ value, label: value }] });
    }
    return groups;
  }, [regions, value, loading]);
  return (
    <Select
      label={label}
      data={loading ? [{ value, label: value === 'stadt' ? 'Stadt (gesamt)' : value }] : data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      searchable
      // Typing replaces the shown name instead of adding to it, so the list filters at once.
      onFocus={(e) => e.currentTarget.select()}
      w={280}
      description={description}
    />
  );
}

const years = () => {
  const list: string[] = [];
  for (let y = thisYear(); y >= FIRST_YEAR; y--) list.push(String(y));
  return list;
};

export function YearSelect({
  label,
  value,
  onChange,
  error,
  description,
  w = 150,
}: {
  label: string;
  value: number;
  onChange: (year: number) => void;
  error?: string | undefined;
  description?: string;
  w?: number;
}) {
  return (
    <Select
      label={label}
      data={years()}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      error={error}
      description={description}
      w={w}
    />
  );
}
