import {
  type AllocationItem,
  accessRoutes,
  addressKinds,
  allocationInputSchema,
  formatDateDe,
  type Staff,
} from '@leuchtturm/shared';
import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useUser } from '../../app/auth.ts';
import { useFormState } from '../../app/form.ts';
import { Page } from '../../app/Page.tsx';
import { ErrorAlert, QueryState } from '../../app/QueryState.tsx';
import { useTeamStaff } from './caseQueries.ts';
import { useAllocateCase, useAllocationList } from './intakeQueries.ts';

const columns = ['Aktenzeichen', 'Eingang', 'Zugangsweg', 'Adresse', 'Aufgenommen von', 'Fallführung'];

function addressOf(item: AllocationItem): string {
  const { kind, street, postalCode, district } = item.address;
  if (kind !== 'fest') return addressKinds.labels[kind];
  return [street, [postalCode, district].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/**
 * Zuteilung (docs/intake.md): new cases no team is responsible for yet (an address without a team, or no fixed
 * address), oldest first. A team lead takes one into her team by naming its lead case manager; she sees no names
 * of the family here and opens the case file only once it is her team's.
 */
export function AllocationPage() {
  const user = useUser();
  const teamLead = user.roles.includes('team_lead') && user.team !== null;
  const list = useAllocationList(teamLead);
  const staff = useTeamStaff(teamLead ? (user.team?.id ?? null) : null);
  const managers = (staff.data ?? []).filter((s) => s.roles.includes('case_manager'));

  return (
    <Page title="Zuteilung">
      {!teamLead ? (
        <Text maw={720}>Neue Fälle ohne zuständiges Team teilt die Referatsleitung eines Teams zu.</Text>
      ) : (
        <Stack gap="md">
          <Text maw={720}>
            Neue Fälle, für deren Adresse kein Team zuständig ist oder deren Familie keine feste Adresse hat.
            Mit der Zuteilung kommt der Fall in Ihr Team ({user.team?.name}) und die gewählte Fachkraft
            übernimmt die Fallführung.
          </Text>
          {staff.isError && <ErrorAlert error={staff.error} title="Fachkräfte des Teams nicht geladen" />}
          <div aria-busy={list.isFetching}>
            <QueryState query={list} empty="Keine neuen Fälle warten auf eine Zuteilung.">
              {(items) => (
                <Table.ScrollContainer minWidth={900}>
                  <Table striped captionSide="top" verticalSpacing="xs">
                    <Table.Caption>Fälle ohne zuständiges Team, die ältesten zuerst</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        {columns.map((c) => (
                          <Table.Th key={c} scope="col">
                            {c}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((item) => (
                        <AllocationRow key={item.id} item={item} managers={managers} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </QueryState>
          </div>
        </Stack>
      )}
    </Page>
  );
}

function AllocationRow({ item, managers }: { item: AllocationItem; managers: Staff[] }) {
  const form = useFormState({ leadUserId: null as string | null });
  const allocate = useAllocateCase();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.validate(allocationInputSchema, { ...form.values, version: item.version });
    if (!input) return;
    const name = managers.find((m) => m.id === input.leadUserId)?.displayName ?? '';
    allocate.mutate(
      { caseId: item.id, ...input },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            title: 'Fall zugeteilt',
            message: `Der Fall ${item.caseNumber} ist jetzt in Ihrem Team; die Fallführung hat ${name}.`,
          }),
        onError: (error) => form.showServerError(error),
      },
    );
  }

  return (
    <Table.Tr>
      <Table.Td fw={600}>{item.caseNumber}</Table.Td>
      <Table.Td>{formatDateDe(item.openedOn)}</Table.Td>
      <Table.Td>{accessRoutes.labels[item.accessRoute]}</Table.Td>
      <Table.Td>{addressOf(item)}</Table.Td>
      <Table.Td>{item.takenBy ?? '–'}</Table.Td>
      <Table.Td>
        <form onSubmit={submit} noValidate ref={form.formRef}>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Select
              label={`Fallführung für ${item.caseNumber}`}
              placeholder="Fachkraft wählen"
              size="xs"
              searchable
              allowDeselect={false}
              data={managers.map((m) => ({ value: m.id, label: m.displayName }))}
              value={form.values.leadUserId}
              onChange={(value) => form.set('leadUserId', value)}
              error={form.errors.leadUserId ?? form.formError}
              miw={220}
            />
            <Button type="submit" size="xs" mt={22} loading={allocate.isPending}>
              Zuteilen
            </Button>
          </Group>
        </form>
      </Table.Td>
    </Table.Tr>
  );
}
