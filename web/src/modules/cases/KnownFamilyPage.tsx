import {
  DATE_INPUT_BOUNDS,
  type DuplicateCandidate,
  duplicateQuerySchema,
  formatBirthDate,
  formatDateDe,
  todayIso,
} from '@leuchtturm/shared';
import { Alert, Button, Group, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useFormState } from '../../app/form.ts';
import { Page } from '../../app/Page.tsx';
import { useFindDuplicates } from './caseQueries.ts';
import { contactText } from './householdDraft.ts';

/** One person found: by name where the user has access to one of the person's cases, else only whom to ask. */
function Known({ candidate }: { candidate: DuplicateCandidate }) {
  const person = candidate.person;
  return (
    <List.Item>
      {candidate.accessible && person
        ? `${person.firstName} ${person.lastName}, geb. ${formatBirthDate(person.birthDate)}: in einem Fall, auf den Sie Zugriff haben. `
        : 'Eine Person mit diesen Angaben ist in einem Fall bekannt. '}
      {candidate.contacts.length > 0
        ? `Zuständig: ${contactText(candidate.contacts)}.`
        : 'Zu ihr gibt es keinen Fall; fragen Sie die Referatsleitung Ihres Teams.'}
    </List.Item>
  );
}

/**
 * "Ist die Familie bekannt?": the duplicate search of the intake, asked on its own. It answers only whether and
 * where (team, lead case manager) a person is known, never what a case holds; every lookup is audited and counts
 * against the same limit as at intake.
 */
export function KnownFamilyPage() {
  const lookup = useFindDuplicates();
  const form = useFormState({ firstName: '', lastName: '', birthDate: '' });
  const asked = lookup.variables;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(duplicateQuerySchema, form.values);
    if (!input) return;
    lookup.mutate({ ...input, via: 'lookup' }, { onError: (error) => form.showServerError(error) });
  }

  return (
    <Page title="Ist die Familie bekannt?">
      <Text maw={720}>
        Prüft im ganzen Jugendamt, ob eine Person schon in einem Fall bekannt ist, auch in anderer
        Schreibweise oder ähnlich klingend. Die Antwort nennt nur, ob und wo die Person bekannt ist (Team und
        fallführende Fachkraft), nie den Inhalt eines Falls. Jede Abfrage wird mit den Suchangaben
        protokolliert; höchstens 30 Abfragen in 10 Minuten sind möglich, zusammen mit der Dublettenprüfung im
        Falleingang.
      </Text>
      <form onSubmit={submit} noValidate ref={form.formRef} aria-labelledby="abfrage-titel">
        <Stack gap="md" maw={720}>
          <Title order={2} size="h4" id="abfrage-titel">
            Person
          </Title>
          {form.formError && (
            <Alert color="red" role="alert" title="Keine Antwort">
              {form.formError}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label="Vorname"
              required
              withAsterisk={false}
              autoComplete="off"
              value={form.values.firstName}
              onChange={(e) => form.set('firstName', e.currentTarget.value)}
              error={form.errors.firstName}
            />
            <TextInput
              label="Nachname"
              required
              withAsterisk={false}
              autoComplete="off"
              value={form.values.lastName}
              onChange={(e) => form.set('lastName', e.currentTarget.value)}
              error={form.errors.lastName}
            />
            <TextInput
              label="Geburtsdatum"
              type="date"
              required
              withAsterisk={false}
              min={DATE_INPUT_BOUNDS.min}
              max={todayIso()}
              value={form.values.birthDate}
              onChange={(e) => form.set('birthDate', e.currentTarget.value)}
              error={form.errors.birthDate}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={lookup.isPending}>
              Prüfen
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {lookup.isSuccess && asked && (
          <Stack gap="xs" maw={720}>
            <Title order={2} size="h4">
              Ergebnis für {asked.firstName} {asked.lastName}, geb. {formatDateDe(asked.birthDate)}
            </Title>
            {lookup.data.length === 0 ? (
              <Alert color="green" title="Nicht bekannt">
                Zu diesen Angaben ist keine Person bekannt, auch nicht in ähnlicher Schreibweise.
              </Alert>
            ) : (
              <Alert color="yellow" title="Bekannt">
                <List spacing={4}>
                  {lookup.data.map((candidate, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a person without access has no id to show
                    <Known key={i} candidate={candidate} />
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
        )}
      </div>
    </Page>
  );
}
