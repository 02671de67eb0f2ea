import { duplicateQuerySchema } from '@leuchtturm/shared';
import { Alert, Button, Fieldset, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormState } from '../../app/form.ts';
import { AddressFields } from './AddressFields.tsx';
import { useFindDuplicates } from './caseQueries.ts';
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

/** Step 1 of the intake: the household's name and address and its members. */
export function HouseholdStep({
  form,
  locked,
  onAddressChange,
}: {
  form: FormState<HouseholdDraft>;
  /** The address changed: step 1's check of it no longer holds. */
  onAddressChange: () => void;
  /** The household is saved already (the case itself failed): it is shown, not changed. */
  locked: boolean;
}) {
  const draft = form.values;
  const { errors, clearErrors } = form;
  const setDraft = form.update;
  const findDuplicates = useFindDuplicates();

  function setAddress(patch: Partial<HouseholdDraft['address']>) {
    setDraft((d) => ({ ...d, address: { ...d.address, ...patch } }));
    const paths = [
      ...(patch.street !== undefined || patch.kind !== undefined ? ['address.streetId'] : []),
      ...(patch.houseNumber !== undefined || patch.kind !== undefined ? ['address.houseNumber'] : []),
    ];
    clearErrors((k) => k === 'address' || k === 'address.kind' || paths.includes(k));
    onAddressChange();
  }

  /** Person fields sit under "person" in the request body; role and custody beside it. */
  const pathOf = (field: string) => (field === 'role' || field === 'custody' ? field : `person.${field}`);

  function updateMember(rowKey: number, patch: Partial<MemberDraft>) {
    const index = draft.members.findIndex((m) => m.key === rowKey);
    setDraft((d) => ({ ...d, members: d.members.map((m) => (m.key === rowKey ? { ...m, ...patch } : m)) }));
    const row = `members.${index}`;
    const paths = Object.keys(patch).map((f) => `${row}.${pathOf(f)}`);
    clearErrors(
      (k) => k === 'members' || paths.includes(k) || (patch.linked !== undefined && k.startsWith(`${row}.`)),
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
      birthDate: member.birthDateUnknown ? null : member.birthDate,
    });
    if (!query.success) return;
    setDraft((d) => ({
      ...d,
      members: d.members.map((m) => (m.key === member.key ? { ...m, check: { state: 'checking', key } } : m)),
    }));
    findDuplicates
      .mutateAsync(query.data)
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
          onChange={(e) => form.set('name', e.currentTarget.value)}
          error={errors.name}
        />
        <AddressFields address={draft.address} errors={errors} onChange={setAddress} />
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
              error={(field) => errors[`members.${index}.${field}`]}
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
