import {
  custodyKinds,
  DATE_INPUT_BOUNDS,
  formatBirthDate,
  genders,
  householdRoles,
  isChildRole,
  todayIso,
} from '@leuchtturm/shared';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { contactText, duplicateKey, type LinkedPerson, type MemberDraft } from './householdDraft.ts';

const genderOptions = genders.values.map((g) => ({ value: g, label: genders.labels[g] }));
const roleOptions = householdRoles.values.map((r) => ({ value: r, label: householdRoles.labels[r] }));
const custodyOptions = custodyKinds.values.map((c) => ({ value: c, label: custodyKinds.labels[c] }));

export const memberFieldId = (member: MemberDraft, field: string) => `person-${member.key}-${field}`;

function personText(p: LinkedPerson): string {
  return `${p.firstName} ${p.lastName}, geb. ${formatBirthDate(p.birthDate)}`;
}

/** One person of the household: a new person's data, or an existing person taken over from the duplicate check. */
export function MemberRow({
  member,
  index,
  error,
  onChange,
  onIdentityBlur,
  onLink,
  onUnlink,
  onRemove,
}: {
  member: MemberDraft;
  index: number;
  /** This row's message at a path of its request body ("person.firstName", "role", "person", …). */
  error: (path: string) => string | undefined;
  onChange: (patch: Partial<MemberDraft>) => void;
  /** Leaving first name, last name or date of birth: the duplicate check runs when all three are filled. */
  onIdentityBlur: () => void;
  onLink: (person: LinkedPerson) => void;
  onUnlink: () => void;
  /** Absent for the only row: a household needs at least one person. */
  onRemove?: () => void;
}) {
  const label = `Person ${index + 1}`;
  const id = (field: string) => memberFieldId(member, field);
  const check = member.check;
  const current = check.state !== 'idle' && check.key === duplicateKey(member);
  // Only an adult's date of birth may be unknown: a child's is needed for age, statistics and § 8a.
  const mayBeUnknown = member.role !== null && !isChildRole(member.role);

  return (
    <Fieldset legend={label} variant="default">
      <Stack gap="md">
        {member.linked ? (
          <Alert color="blue" title="Vorhandene Person übernommen" role="status">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{personText(member.linked)}</Text>
              <Button size="xs" variant="default" id={id('unlink')} onClick={onUnlink}>
                Verknüpfung lösen
              </Button>
            </Stack>
          </Alert>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <TextInput
              id={id('firstName')}
              label="Vorname"
              required
              withAsterisk={false}
              autoComplete="off"
              value={member.firstName}
              onChange={(e) => onChange({ firstName: e.currentTarget.value })}
              onBlur={onIdentityBlur}
              error={error('person.firstName')}
            />
            <TextInput
              id={id('lastName')}
              label="Nachname"
              required
              withAsterisk={false}
              autoComplete="off"
              value={member.lastName}
              onChange={(e) => onChange({ lastName: e.currentTarget.value })}
              onBlur={onIdentityBlur}
              error={error('person.lastName')}
            />
            <Stack gap={4}>
              <TextInput
                id={id('birthDate')}
                label="Geburtsdatum"
                type="date"
                required={!member.birthDateUnknown}
                withAsterisk={false}
                disabled={member.birthDateUnknown}
                min={DATE_INPUT_BOUNDS.min}
                max={todayIso()}
                value={member.birthDate}
                onChange={(e) => onChange({ birthDate: e.currentTarget.value })}
                onBlur={onIdentityBlur}
                error={error('person.birthDate')}
              />
              {mayBeUnknown && (
                <Checkbox
                  id={id('birthDateUnknown')}
                  label="Geburtsdatum unbekannt"
                  checked={member.birthDateUnknown}
                  onChange={(e) => onChange({ birthDateUnknown: e.currentTarget.checked, birthDate: '' })}
                />
              )}
            </Stack>
            <Select
              id={id('gender')}
              label="Geschlecht"
              required
              withAsterisk={false}
              data={genderOptions}
              value={member.gender}
              onChange={(value) => onChange({ gender: value })}
              error={error('person.gender')}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            id={id('role')}
            label="Rolle"
            required
            withAsterisk={false}
            data={roleOptions}
            value={member.role}
            onChange={(value) =>
              // A child's date of birth cannot be unknown: choosing a child's role takes the mark back.
              onChange(
                value !== null && isChildRole(value)
                  ? { role: value, birthDateUnknown: false }
                  : { role: value },
              )
            }
            error={error('role')}
          />
          {member.role === 'kind' && (
            <Select
              id={id('custody')}
              label="Sorgerecht"
              data={custodyOptions}
              value={member.custody}
              onChange={(value) => onChange({ custody: value })}
              error={error('custody')}
            />
          )}
        </SimpleGrid>
        {(error('person') ?? error('personId')) && (
          <Text size="sm" c="red.9" role="alert">
            {error('person') ?? error('personId')}
          </Text>
        )}
        {!member.linked && (
          <div aria-live="polite">
            {current && check.state === 'checking' && (
              <Text size="sm" c="gray.8">
                Mögliche Dubletten werden gesucht …
              </Text>
            )}
            {current && check.state === 'failed' && (
              <Text size="sm" c="gray.8">
                Die Suche nach Dubletten ist fehlgeschlagen. Sie können trotzdem fortfahren.
              </Text>
            )}
            {current && check.state === 'done' && check.candidates.length === 0 && (
              <Text size="sm" c="gray.8">
                Keine mögliche Dublette gefunden.
              </Text>
            )}
            {current && check.state === 'done' && check.candidates.length > 0 && (
              <Stack gap="xs">
                {check.candidates.map((candidate, i) => {
                  const person = candidate.person;
                  const textId = id(`dublette-${i}`);
                  return candidate.accessible && person ? (
                    <Alert key={person.id} color="yellow">
                      <Stack gap="xs" align="flex-start">
                        <Text size="sm" id={textId}>
                          Mögliche Dublette: {personText(person)}
                        </Text>
                        <Button
                          size="xs"
                          variant="default"
                          aria-describedby={textId}
                          onClick={() => onLink(person)}
                        >
                          Vorhandene Person übernehmen
                        </Button>
                      </Stack>
                    </Alert>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: an inaccessible match has no id to show
                    <Alert key={i} color="orange" title="Person bereits bekannt">
                      <Text size="sm">
                        Es gibt bereits eine Person mit diesen Daten in einem anderen Fall. Bitte wenden Sie
                        sich an {contactText(candidate.contacts)}.
                      </Text>
                    </Alert>
                  );
                })}
              </Stack>
            )}
          </div>
        )}
        {onRemove && (
          <Group>
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              onClick={onRemove}
              aria-label={`${label} entfernen`}
            >
              Entfernen
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
