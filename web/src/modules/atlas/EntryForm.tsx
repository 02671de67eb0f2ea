import { type AtlasEntryDetail, atlasEntryInputSchema, todayIso } from '@leuchtturm/shared';
import { Checkbox, MultiSelect, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { DateField } from '../cases/sections/ui.tsx';
import { useDistricts, useStaff } from '../organisation/queries.ts';
import { cohortOptions, kindOptions } from './labels.ts';
import { useChangeEntry, useCreateEntry } from './queries.ts';

/** A decimal typed the German way ("53,08") or with a point; '' stays empty, anything else NaN (the schema says so). */
const decimal = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));

function initial(entry: AtlasEntryDetail | null) {
  return {
    name: entry?.name ?? '',
    kind: (entry?.kind ?? null) as string | null,
    districtId: (entry?.district.id ?? null) as string | null,
    address: entry?.address ?? '',
    lat: entry?.coordinates ? String(entry.coordinates.lat).replace('.', ',') : '',
    lon: entry?.coordinates ? String(entry.coordinates.lon).replace('.', ',') : '',
    ageCohorts: entry?.ageCohorts ?? ([] as string[]),
    contact: entry?.contact ?? '',
    openingHours: entry?.openingHours ?? '',
    lowThreshold: entry?.lowThreshold ?? false,
    languages: entry?.languages.join(', ') ?? 'Deutsch',
    description: entry?.description ?? '',
    staffIds: entry?.staff.map((s) => s.id) ?? ([] as string[]),
    lastCheckedOn: todayIso(),
  };
}

/** "Neuer Eintrag" or "Eintrag bearbeiten"; saving a change also marks the entry checked today (editable). */
export function EntryForm({
  opened,
  onClose,
  entry,
}: {
  opened: boolean;
  onClose: () => void;
  entry: AtlasEntryDetail | null;
}) {
  const form = useFormState(initial(entry), entry ? {} : { draft: 'atlas:neu' });
  const districts = useDistricts();
  const staff = useStaff({}, { activeOnly: true });
  const create = useCreateEntry();
  const change = useChangeEntry(entry?.id ?? '');
  const navigate = useNavigate();
  const v = form.values;

  function toInput() {
    const lat = decimal(v.lat);
    const lon = decimal(v.lon);
    const coordinates =
      lat === null && lon === null ? null : { lat: lat ?? Number.NaN, lon: lon ?? Number.NaN };
    const input = {
      ...v,
      coordinates,
      languages: v.languages
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    };
    const { lat: _a, lon: _b, ...rest } = input;
    return form.validate(atlasEntryInputSchema, rest);
  }
  const mutation = entry
    ? {
        mutateAsync: (
          input: NonNullable<ReturnType<typeof toInput>>,
          options: { onSuccess: () => void; onError: (e: unknown) => void },
        ) => change.mutateAsync({ ...input, version: entry.version }, options),
        isPending: change.isPending,
      }
    : {
        mutateAsync: (
          input: NonNullable<ReturnType<typeof toInput>>,
          options: { onSuccess: () => void; onError: (e: unknown) => void },
        ) =>
          create.mutateAsync(input, {
            onSuccess: (created) => {
              options.onSuccess();
              void navigate({ to: '/atlas/$entryId', params: { entryId: created.id } });
            },
            onError: options.onError,
          }),
        isPending: create.isPending,
      };
  const coordinateError =
    form.errors.coordinates ?? form.errors['coordinates.lat'] ?? form.errors['coordinates.lon'];

  return (
    <StepModalForm
      opened={opened}
      title={entry ? 'Eintrag bearbeiten' : 'Neuer Eintrag im Stadtteilatlas'}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={mutation}
      size="lg"
      submitLabel="Speichern"
    >
      <TextInput
        label="Name"
        required
        data-autofocus
        value={v.name}
        onChange={(e) => form.set('name', e.currentTarget.value)}
        error={form.errors.name}
      />
      <SimpleGrid cols={2}>
        <Select
          label="Art"
          required
          data={kindOptions}
          value={v.kind}
          onChange={(x) => form.set('kind', x)}
          error={form.errors.kind}
        />
        <Select
          label="Stadtteil"
          required
          searchable
          data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={v.districtId}
          onChange={(x) => form.set('districtId', x)}
          error={form.errors.districtId}
        />
      </SimpleGrid>
      <TextInput
        label="Adresse"
        required
        value={v.address}
        onChange={(e) => form.set('address', e.currentTarget.value)}
        error={form.errors.address}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label="Breite (Grad)"
          description="z. B. 53,0793; leer: ohne Ort, nicht auf der Karte"
          inputMode="decimal"
          value={v.lat}
          onChange={(e) => form.set('lat', e.currentTarget.value)}
          error={coordinateError}
        />
        <TextInput
          label="Länge (Grad)"
          description="z. B. 8,8017"
          inputMode="decimal"
          value={v.lon}
          onChange={(e) => form.set('lon', e.currentTarget.value)}
          error={coordinateError ? ' ' : undefined}
        />
      </SimpleGrid>
      <MultiSelect
        label="Altersgruppen"
        data={cohortOptions}
        value={v.ageCohorts}
        onChange={(x) => form.set('ageCohorts', x)}
        error={form.errors.ageCohorts}
      />
      <Checkbox
        label="Niedrigschwelliges Angebot"
        checked={v.lowThreshold}
        onChange={(e) => form.set('lowThreshold', e.currentTarget.checked)}
      />
      <TextInput
        label="Sprachen"
        description="durch Kommas getrennt"
        value={v.languages}
        onChange={(e) => form.set('languages', e.currentTarget.value)}
        error={form.errors.languages}
      />
      <Textarea
        label="Kontakt"
        autosize
        minRows={2}
        value={v.contact}
        onChange={(e) => form.set('contact', e.currentTarget.value)}
        error={form.errors.contact}
      />
      <Textarea
        label="Öffnungszeiten"
        autosize
        minRows={2}
        value={v.openingHours}
        onChange={(e) => form.set('openingHours', e.currentTarget.value)}
        error={form.errors.openingHours}
      />
      <Textarea
        label="Beschreibung"
        autosize
        minRows={2}
        value={v.description}
        onChange={(e) => form.set('description', e.currentTarget.value)}
        error={form.errors.description}
      />
      <MultiSelect
        label="Wer kennt die Einrichtung?"
        searchable
        data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
        value={v.staffIds}
        onChange={(x) => form.set('staffIds', x)}
        error={form.errors.staffIds}
      />
      <DateField
        label="Zuletzt geprüft"
        required
        value={v.lastCheckedOn}
        onChange={(e) => form.set('lastCheckedOn', e.currentTarget.value)}
        error={form.errors.lastCheckedOn}
      />
    </StepModalForm>
  );
}
