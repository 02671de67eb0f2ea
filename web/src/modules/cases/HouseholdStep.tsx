import { type DuplicateCandidate, duplicateQuerySchema } from '@leuchtturm/shared';
import { Alert, Button, Fieldset, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import { api } from '../../app/api.ts';
import type { FieldErrors } from '../../app/form.ts';
import {
  type DuplicateCheck,
  duplicateKey,
  emptyMember,
  type HouseholdDraft,
  type MemberDraft,
} from './householdDraft.ts';
import { MemberRow, memberFieldId } from './MemberRow.tsx';

/** Moves focus once React has rendered the element (a new row, the button that replaced another). */
function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** This row's messages without the "members.<index>." prefix. */
function rowErrors(errors: FieldErrors, index: number): FieldErrors {
  const prefix = `members.${index}.`;
  const found: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith(prefix)) found[key.slice(prefix.length)] = message;
  }
  return found;
}

/** Step 1 of the intake: the household's name and address and its members. */
export function HouseholdStep({
  draft,
  setDraft,
  errors,
  setErrors,
  locked,
}: {
  draft: HouseholdDraft;
  setDraft: Dispatch<SetStateAction<HouseholdDraft>>;
  errors: FieldErrors;
  setErrors: Dispatch<SetStateAction<FieldErrors>>;
  /** The household is saved already (the case itself failed): it is shown, not changed. */
  locked: boolean;
}) {
  function clearErrors(match: (key: string) => boolean) {
    setErrors((current) => {
      const keys = Object.keys(current).filter(match);
      if (keys.length === 0) return current;
      const next = { ...current };
      for (const key of keys) delete next[key];
      return next;
    });
  }

  function setField(field: 'name' | 'street' | 'houseNumber' | 'postalCode', value: string) {
    setDraft((d) => ({ ...d, [field]: value }));
    const key = field === 'name' ? 'name' : `address.${field}`;
    clearErrors((k) => k === key);
  }

  function updateMember(rowKey: number, patch: Partial<MemberDraft>) {
    const index = draft.members.findIndex((m) => m.key === rowKey);
    setDraft((d) => ({ ...d, members: d.members.map((m) => (m.key === rowKey ? { ...m, ...patch } : m)) }));
    const fields = Object.keys(patch);
    clearErrors(
      (k) =>
        k === 'members' ||
        fields.some((f) => k === `members.${index}.${f}`) ||
        (patch.linked !== undefined && k.startsWith(`members.${index}.`)),
    );
  }

  function setCheck(rowKey: number, key: string, check: DuplicateCheck) {
    // A late answer for data the row no longer holds is dropped.
    setDraft((d) => ({
      ...d,
      members: d.members.map((m) =>
        m.key === rowKey && m.check.state !== 'idle' && m.check.key === key ? { ...m, check } : m,
      ),
    }));
  }

  function checkDuplicates(member: MemberDraft) {
    const key = duplicateKey(member);
    if (!key || member.linked) return;
    if (member.check.state !== 'idle' && member.check.state !== 'failed' && member.check.key === key) return;
    const query = duplicateQuerySchema.safeParse({
      firstName: member.firstName,
      lastName: member.lastName,
      birthDate: member.birthDate,
    });
    if (!query.success) return;
    setDraft((d) => ({
      ...d,
      members: d.members.map((m) => (m.key === member.key ? { ...m, check: { state: 'checking', key } } : m)),
    }));
    api
      .post<DuplicateCandidate[]>('/persons/duplicates', query.data)
      .then((candidates) => setCheck(member.key, key, { state: 'done', key, candidates }))
      .catch(() => setCheck(member.key, key, { state: 'failed', key }));
  }

  function addMember() {
    const member = emptyMember();
    setDraft((d) => ({ ...d, members: [...d.members, member] }));
    clearErrors((k) => k === 'members');
    focusSoon(memberFieldId(member, 'firstName'));
  }

  function removeMember(rowKey: number) {
    setDraft((d) => ({ ...d, members: d.members.filter((m) => m.key !== rowKey) }));
    // Messages are keyed by position; after removing a row they would land on the wrong person.
    clearErrors((k) => k.startsWith('members'));
    focusSoon('person-hinzufuegen');
  }

  return (
    <Fieldset variant="unstyled" disabled={locked} p={0}>
      <Stack gap="lg">
        {locked && (
          <Alert color="blue" title="Familie bereits gespeichert" role="status">
            Die Familie wurde bereits angelegt und wird für diesen Fall verwendet. Sie lässt sich hier nicht
            mehr ändern.
          </Alert>
        )}
        <TextInput
          label="Name des Haushalts"
          description="z. B. „Familie Beispiel“"
          required
          withAsterisk={false}
          maw={480}
          value={draft.name}
          onChange={(e) => setField('name', e.currentTarget.value)}
          error={errors.name}
        />
        <Fieldset legend="Adresse">
          <Stack gap="sm">
            <Text size="sm" c="gray.8">
              Die Adresse bestimmt den Stadtteil und das zuständige Team.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput
                label="Straße"
                required
                withAsterisk={false}
                value={draft.street}
                onChange={(e) => setField('street', e.currentTarget.value)}
                error={errors['address.street']}
              />
              <TextInput
                label="Hausnummer"
                required
                withAsterisk={false}
                value={draft.houseNumber}
                onChange={(e) => setField('houseNumber', e.currentTarget.value)}
                error={errors['address.houseNumber']}
              />
              <TextInput
                label="Postleitzahl (optional)"
                inputMode="numeric"
                maxLength={5}
                value={draft.postalCode}
                onChange={(e) => setField('postalCode', e.currentTarget.value)}
                error={errors['address.postalCode']}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Stack gap="md" component="section" aria-labelledby="personen-titel">
          <Title order={3} size="h4" id="personen-titel">
            Personen im Haushalt
          </Title>
          {errors.members && (
            <Text c="red.9" fw={600} role="alert">
              {errors.members}
            </Text>
          )}
          {draft.members.map((member, index) => (
            <MemberRow
              key={member.key}
              member={member}
              index={index}
              errors={rowErrors(errors, index)}
              onChange={(patch) => updateMember(member.key, patch)}
              onIdentityBlur={() => checkDuplicates(member)}
              onLink={(person) => {
                updateMember(member.key, { linked: person });
                focusSoon(memberFieldId(member, 'unlink'));
              }}
              onUnlink={() => {
                updateMember(member.key, { linked: null, check: { state: 'idle' } });
                focusSoon(memberFieldId(member, 'firstName'));
              }}
              {...(draft.members.length > 1 ? { onRemove: () => removeMember(member.key) } : {})}
            />
          ))}
          <div>
            <Button
              variant="default"
              id="person-hinzufuegen"
              onClick={addMember}
              disabled={draft.members.length >= 20}
            >
              Person hinzufügen
            </Button>
          </div>
        </Stack>
      </Stack>
    </Fieldset>
  );
}
