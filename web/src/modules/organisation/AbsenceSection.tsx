import { absenceInputSchema, formatDateDe, hasPermission } from '@leuchtturm/shared';
import { Alert, Button, Card, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useId } from 'react';
import { useUser } from '../../app/auth.ts';
import { useFormState } from '../../app/form.ts';
import { DateField } from '../cases/sections/ui.tsx';
import { useAbsences, useSaveAbsence, useStaff } from './queries.ts';

/**
 * Absences with their deputy (docs/worklist.md, "Whose list"): the list of current and coming Vertretungen the user
 * may see (her own, those she covers, her team's as team lead). From the first to the last day the deputy opens the
 * absent person's cases and finds their due items on her work list.
 */
export function AbsenceList({ title = 'Vertretungen' }: { title?: string }) {
  const absences = useAbsences();
  const headingId = useId();
  const rows = absences.data ?? [];
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="xs">
        {title}
      </Title>
      {absences.isError ? (
        <Text c="red.8">Die Vertretungen konnten nicht geladen werden.</Text>
      ) : rows.length === 0 ? (
        <Text c="gray.8">{absences.isPending ? 'Wird geladen …' : 'Keine Abwesenheiten eingetragen.'}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Caption>Abwesenheiten, die noch nicht vorbei sind</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Abwesend</Table.Th>
              <Table.Th scope="col">Vertretung</Table.Th>
              <Table.Th scope="col">Zeitraum</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.userName}</Table.Td>
                <Table.Td>
                  vertreten durch {a.deputyName} bis {formatDateDe(a.toOn)}
                </Table.Td>
                <Table.Td>
                  {formatDateDe(a.fromOn)} – {formatDateDe(a.toOn)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

const empty = { deputyUserId: null as string | null, fromOn: '', toOn: '', note: '' };

/** "Abwesenheit eintragen": the signed-in user enters her own absence and picks a deputy of her team. */
export function AbsenceForm() {
  const user = useUser();
  const form = useFormState(empty);
  const save = useSaveAbsence();
  const staff = useStaff({ teamId: user.team?.id }, { enabled: user.team !== null, activeOnly: true });
  const options = (staff.data ?? [])
    .filter((s) => s.id !== user.id && hasPermission(s.roles, 'case:work'))
    .map((s) => ({ value: s.id, label: s.displayName }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(absenceInputSchema, { ...form.values, userId: user.id });
    if (!input) return;
    save.mutate(input, {
      onSuccess: () => {
        form.reset(empty);
        notifications.show({
          color: 'green',
          title: 'Gespeichert',
          message: 'Die Abwesenheit ist eingetragen.',
        });
      },
      onError: (error) => form.showServerError(error),
    });
  }

  return (
    <Card withBorder padding="lg" maw={520} component="section" aria-labelledby="abwesenheit-eintragen">
      <Title order={2} size="h3" id="abwesenheit-eintragen" mb="sm">
        Abwesenheit eintragen
      </Title>
      {user.team === null ? (
        <Text>Eine Vertretung kann nur aus dem eigenen Team kommen; Ihr Konto gehört zu keinem Team.</Text>
      ) : (
        <form onSubmit={submit} noValidate ref={form.formRef}>
          <Stack gap="md">
            {form.formError && (
              <Alert color="red" role="alert" title="Nicht gespeichert">
                {form.formError}
              </Alert>
            )}
            <Select
              label="Vertretung"
              description="Sie öffnet in dieser Zeit Ihre Fälle und sieht ihre Fristen in ihrem Arbeitsvorrat."
              data={options}
              value={form.values.deputyUserId}
              onChange={(value) => form.set('deputyUserId', value)}
              error={form.errors.deputyUserId}
              required
              searchable
            />
            <Group grow>
              <DateField
                label="Von"
                required
                value={form.values.fromOn}
                onChange={(e) => form.set('fromOn', e.currentTarget.value)}
                error={form.errors.fromOn}
              />
              <DateField
                label="Bis einschließlich"
                required
                value={form.values.toOn}
                onChange={(e) => form.set('toOn', e.currentTarget.value)}
                error={form.errors.toOn}
              />
            </Group>
            <Textarea
              label="Hinweis (optional)"
              autosize
              minRows={2}
              value={form.values.note}
              onChange={(e) => form.set('note', e.currentTarget.value)}
              error={form.errors.note}
            />
            <Group>
              <Button type="submit" loading={save.isPending}>
                Abwesenheit eintragen
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
