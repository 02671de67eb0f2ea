import {
  type Role,
  roleLabels,
  roles,
  type Staff,
  specialisationLabels,
  specialisations,
  staffCreateSchema,
  staffInputSchema,
} from '@leuchtturm/shared';
import { MultiSelect, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { FormModal } from '../../app/components/FormModal.tsx';
import { PasswordField } from '../../app/components/PasswordField.tsx';
import { useFormState } from '../../app/form.ts';
import { useSaveOrg, useStaff, useTeams } from './queries.ts';

type Specialisation = (typeof specialisations)[number];
const NONE = 'keines';

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
const specialisationOptions = specialisations.map((s) => ({ value: s, label: specialisationLabels[s] }));

export function StaffForm({
  person,
  opened,
  onClose,
}: {
  person: Staff | null;
  opened: boolean;
  onClose: () => void;
}) {
  const teams = useTeams();
  const staff = useStaff({});
  const form = useFormState({
    username: person?.username ?? '',
    displayName: person?.displayName ?? '',
    email: person?.email ?? '',
    roles: (person?.roles ?? []) as string[],
    teamId: person?.teamId ?? null,
    specialisations: (person?.specialisations ?? []) as string[],
    deputyIds: person?.deputyIds ?? [],
    fte: person ? person.fte.replace('.', ',') : '1',
    active: person?.active ?? true,
    password: '',
  });
  const save = useSaveOrg(
    'staff',
    person,
    person ? 'Die Angaben wurden gespeichert.' : 'Das Konto wurde angelegt.',
  );

  function submit() {
    const { password, ...rest } = form.values;
    const input = {
      ...rest,
      email: rest.email.trim() === '' ? null : rest.email.trim(),
      fte: rest.fte.trim().replace(',', '.'),
      roles: rest.roles as Role[],
      specialisations: rest.specialisations as Specialisation[],
    };
    const valid = person
      ? form.validate(staffInputSchema, input)
      : form.validate(staffCreateSchema, { ...input, password });
    if (!valid) return;
    save.mutate(valid, { onSuccess: onClose, onError: (error) => form.showServerError(error) });
  }

  const deputyOptions = (staff.data ?? [])
    .filter((s) => s.id !== person?.id && (s.active || form.values.deputyIds.includes(s.id)))
    .map((s) => ({ value: s.id, label: s.teamName ? `${s.displayName} (${s.teamName})` : s.displayName }));
  const teamOptions = [
    { value: NONE, label: 'Keinem Team zugeordnet' },
    ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];

  return (
    <FormModal
      opened={opened}
      title={person ? `${person.displayName} bearbeiten` : 'Neues Konto für Mitarbeitende'}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Anzeigename"
          required
          data-autofocus
          value={form.values.displayName}
          onChange={(e) => form.set('displayName', e.currentTarget.value)}
          error={form.errors.displayName}
        />
        <TextInput
          label="Benutzername"
          description="Kleinbuchstaben, Ziffern, Punkt, - und _."
          required
          autoCapitalize="none"
          spellCheck={false}
          value={form.values.username}
          onChange={(e) => form.set('username', e.currentTarget.value)}
          error={form.errors.username}
        />
      </SimpleGrid>
      <TextInput
        label="E-Mail-Adresse"
        type="email"
        autoComplete="off"
        value={form.values.email}
        onChange={(e) => form.set('email', e.currentTarget.value)}
        error={form.errors.email}
      />
      <MultiSelect
        label="Rollen"
        required
        data={roleOptions}
        value={form.values.roles}
        onChange={(value) => form.set('roles', value)}
        error={form.errors.roles}
        searchable
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label="Team"
          data={teamOptions}
          value={form.values.teamId ?? NONE}
          onChange={(value) => form.set('teamId', value === NONE ? null : value)}
          error={form.errors.teamId}
          allowDeselect={false}
          searchable
        />
        <TextInput
          label="Stellenanteil"
          description="Zwischen 0 und 1, z. B. 0,75"
          inputMode="decimal"
          required
          value={form.values.fte}
          onChange={(e) => form.set('fte', e.currentTarget.value)}
          error={form.errors.fte}
        />
      </SimpleGrid>
      <MultiSelect
        label="Fachliche Schwerpunkte"
        data={specialisationOptions}
        value={form.values.specialisations}
        onChange={(value) => form.set('specialisations', value)}
        error={form.errors.specialisations}
        searchable
      />
      <MultiSelect
        label="Vertretungen"
        description="Höchstens fünf."
        data={deputyOptions}
        value={form.values.deputyIds}
        onChange={(value) => form.set('deputyIds', value)}
        error={form.errors.deputyIds}
        maxValues={5}
        searchable
      />
      {!person && (
        <PasswordField
          label="Anfangspasswort"
          description="Mindestens 12 Zeichen. Bitte der Person auf sicherem Weg mitteilen."
          autoComplete="new-password"
          required
          value={form.values.password}
          onChange={(e) => form.set('password', e.currentTarget.value)}
          error={form.errors.password}
        />
      )}
      <Switch
        label="Konto aktiv"
        checked={form.values.active}
        onChange={(e) => form.set('active', e.currentTarget.checked)}
        error={form.errors.active}
      />
    </FormModal>
  );
}
