import { DATE_INPUT_BOUNDS, genders, type Person, personInputSchema, todayIso } from '@leuchtturm/shared';
import { Checkbox, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { FormModal } from '../../../app/components/FormModal.tsx';
import { useFormState } from '../../../app/form.ts';
import { useUpdatePerson } from '../caseQueries.ts';

/** Corrects a family member's data (the server checks access and the version the form started from). */
export function PersonForm({
  caseId,
  person,
  mayBeUnknown,
  opened,
  onClose,
}: {
  caseId: string;
  /** An adult's date of birth may be marked unknown; a child's may not (docs/domain.md). */
  mayBeUnknown: boolean;
  person: Person;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState({
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate ?? '',
    birthDateUnknown: person.birthDate === null,
    gender: person.gender as string,
    language: person.language ?? '',
    phone: person.phone ?? '',
  });
  const save = useUpdatePerson(caseId, {
    id: person.id,
    version: person.version,
    name: `${person.firstName} ${person.lastName}`,
  });
  function submit() {
    const { birthDateUnknown, ...values } = form.values;
    const input = form.validate(personInputSchema, {
      ...values,
      birthDate: birthDateUnknown ? null : values.birthDate,
      language: form.values.language.trim() || null,
      phone: form.values.phone.trim() || null,
    });
    if (!input) return;
    save.mutate(input, { onSuccess: onClose, onError: (error) => form.showServerError(error) });
  }
  return (
    <FormModal
      opened={opened}
      title={`${person.firstName} ${person.lastName} bearbeiten`}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Vorname"
          required
          data-autofocus
          value={form.values.firstName}
          onChange={(e) => form.set('firstName', e.currentTarget.value)}
          error={form.errors.firstName}
        />
        <TextInput
          label="Nachname"
          required
          value={form.values.lastName}
          onChange={(e) => form.set('lastName', e.currentTarget.value)}
          error={form.errors.lastName}
        />
        <Stack gap={4}>
          <TextInput
            label="Geburtsdatum"
            type="date"
            required={!form.values.birthDateUnknown}
            disabled={form.values.birthDateUnknown}
            min={DATE_INPUT_BOUNDS.min}
            max={todayIso()}
            value={form.values.birthDate}
            onChange={(e) => form.set('birthDate', e.currentTarget.value)}
            error={form.errors.birthDate}
          />
          {(mayBeUnknown || form.values.birthDateUnknown) && (
            <Checkbox
              label="Geburtsdatum unbekannt"
              checked={form.values.birthDateUnknown}
              onChange={(e) => {
                form.set('birthDateUnknown', e.currentTarget.checked);
                form.set('birthDate', '');
              }}
            />
          )}
        </Stack>
        <Select
          label="Geschlecht"
          required
          data={genders.values.map((g) => ({ value: g, label: genders.labels[g] }))}
          value={form.values.gender}
          onChange={(value) => form.set('gender', value ?? 'ohne_angabe')}
          error={form.errors.gender}
          allowDeselect={false}
        />
        <TextInput
          label="Sprache"
          value={form.values.language}
          onChange={(e) => form.set('language', e.currentTarget.value)}
          error={form.errors.language}
        />
        <TextInput
          label="Telefon"
          value={form.values.phone}
          onChange={(e) => form.set('phone', e.currentTarget.value)}
          error={form.errors.phone}
        />
      </SimpleGrid>
    </FormModal>
  );
}
