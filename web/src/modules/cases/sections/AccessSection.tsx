import {
  type CaseAccessList,
  type CaseDetail,
  caseAccessReasons,
  hasPermission,
  idSchema,
  leadInputSchema,
  z,
} from '@leuchtturm/shared';
import { Badge, Button, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { isVersionConflict } from '../../../app/api.ts';
import { DataTable } from '../../../app/components/DataTable.tsx';
import { useModalState } from '../../../app/components/useModalState.ts';
import { formatDateTimeDe } from '../../../app/dateTime.ts';
import { useFormState } from '../../../app/form.ts';
import { ErrorAlert, Loading } from '../../../app/QueryState.tsx';
import { FieldHint } from '../../help/FieldHint.tsx';
import { useStaff } from '../../organisation/queries.ts';
import {
  useAllocateLead,
  useCaseAccess,
  useGrantAccess,
  useReloadCase,
  useRevokeAccess,
  useTeamStaff,
} from '../caseQueries.ts';
import { ConfirmModal, emptyToNull, SectionForm, type SectionProps } from './ui.tsx';

type Entry = CaseAccessList['entries'][number];

/** Who may open the access overview: the team lead (who also changes it) and the lead case manager. */
export const seesAccess = (detail: CaseDetail) => detail.access === 'team_lead' || detail.access === 'lead';

/**
 * Fallführung und Zugriff: who may see the case and why. The team lead of the case's team changes the lead,
 * grants colleagues access (e.g. for a joint home visit) and revokes it again; the lead case manager sees the list.
 */
export function AccessSection({ detail, readOnly }: SectionProps) {
  const access = useCaseAccess(detail.id, seesAccess(detail));
  const manages = detail.access === 'team_lead';
  const revoker = useModalState<Entry>();
  const revoke = useRevokeAccess(detail.id);

  return (
    <>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Wer Zugriff auf den Fall hat
        </Title>
        <Text size="sm" maw={720}>
          Zugriff haben die fallführende Fachkraft, ihre Vertretung, die Referatsleitung des Teams und
          Personen, denen die Referatsleitung Zugriff gewährt hat. Jede Änderung wird protokolliert.
        </Text>
        {access.isPending ? (
          <Loading />
        ) : access.isError ? (
          <ErrorAlert error={access.error} title="Zugriffsliste nicht geladen" />
        ) : (
          <AccessTable
            entries={access.data.entries}
            onRevoke={
              manages
                ? (entry) => {
                    revoke.reset();
                    revoker.open(entry);
                  }
                : null
            }
          />
        )}
      </Stack>
      {manages && !readOnly && <LeadForm key={detail.version} detail={detail} />}
      {manages && access.data && <GrantForm detail={detail} entries={access.data.entries} />}
      <ConfirmModal
        opened={revoker.opened}
        title="Zugriff entziehen?"
        confirmLabel="Zugriff entziehen"
        onClose={revoker.close}
        onConfirm={() =>
          revoker.value &&
          revoke.mutate(
            { id: revoker.value.user.id, name: revoker.value.user.name },
            { onSuccess: revoker.close },
          )
        }
        pending={revoke.isPending}
        error={revoke.error}
      >
        <Text>
          {revoker.value?.user.name} kann den Fall danach nicht mehr öffnen, sofern kein anderer Grund für den
          Zugriff besteht. Der Zugriff lässt sich später erneut gewähren.
        </Text>
      </ConfirmModal>
    </>
  );
}

function AccessTable({
  entries,
  onRevoke,
}: {
  entries: Entry[];
  /** Only for the team lead: revoking a granted access. */
  onRevoke: ((entry: Entry) => void) | null;
}) {
  const headers = ['Person', 'Grund', 'Gewährt von', 'Gewährt am'];
  return (
    <DataTable caption="Personen mit Zugriff" headers={onRevoke ? [...headers, 'Aktion'] : headers}>
      {entries.map((e) => (
        <Table.Tr key={`${e.reason}-${e.user.id}`}>
          <Table.Td>
            {e.user.name}
            {!e.active && (
              <Badge ml="xs" color="gray" variant="light" tt="none">
                deaktiviert
              </Badge>
            )}
          </Table.Td>
          <Table.Td>{caseAccessReasons.labels[e.reason]}</Table.Td>
          <Table.Td>{e.reason === 'granted' ? (e.grantedBy?.name ?? 'unbekannt') : '–'}</Table.Td>
          <Table.Td>{e.grantedAt ? formatDateTimeDe(e.grantedAt) : '–'}</Table.Td>
          {onRevoke && (
            <Table.Td>
              {e.reason === 'granted' && (
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  aria-label={`Zugriff entziehen: ${e.user.name}`}
                  onClick={() => onRevoke(e)}
                >
                  Zugriff entziehen
                </Button>
              )}
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** The team lead allocates the case to an active case manager of the team. */
function LeadForm({ detail }: { detail: CaseDetail }) {
  const staff = useTeamStaff(detail.team?.id ?? null);
  const candidates = (staff.data ?? []).filter((s) => s.roles.includes('case_manager'));
  const form = useFormState({ leadUserId: detail.lead?.id ?? null, handoverNote: '' });
  const [conflict, setConflict] = useState(false);
  const reload = useReloadCase(detail.id);
  const allocate = useAllocateLead(detail.id);

  function submit() {
    const input = form.validate(leadInputSchema, {
      ...form.values,
      handoverNote: emptyToNull(form.values.handoverNote),
      version: detail.version,
    });
    if (!input) return;
    if (input.leadUserId === detail.lead?.id) {
      form.check({ leadUserId: `${detail.lead.name} hat die Fallführung bereits.` });
      return;
    }
    const name = candidates.find((s) => s.id === input.leadUserId)?.displayName ?? '';
    setConflict(false);
    allocate.mutate(
      { ...input, name },
      {
        onError: (error) => {
          setConflict(isVersionConflict(error));
          form.showServerError(error);
        },
      },
    );
  }

  return (
    <SectionForm
      title="Fallführung ändern"
      intro={
        <Text size="sm">
          Derzeit: {detail.lead?.name ?? 'nicht zugeteilt'}. Die Fallführung übernimmt eine Fachkraft des
          Teams {detail.team?.name ?? '(noch keinem Team zugeteilt)'}.
        </Text>
      }
      onSubmit={submit}
      submitting={allocate.isPending}
      submitLabel="Fallführung speichern"
      formError={form.formError}
      formRef={form.formRef}
      onReload={conflict ? () => void reload() : null}
    >
      {staff.isError && <ErrorAlert error={staff.error} title="Fachkräfte des Teams nicht geladen" />}
      <Select
        label="Fallführung"
        description={<FieldHint hint="fallfuehrung" />}
        required
        searchable
        data={candidates.map((s) => ({ value: s.id, label: s.displayName }))}
        value={form.values.leadUserId}
        onChange={(value) => form.set('leadUserId', value)}
        error={form.errors.leadUserId}
        allowDeselect={false}
        maw={480}
      />
      <Textarea
        label="Übergabenotiz"
        description="Optional: Was die neue Fallführung wissen sollte. Die Notiz steht im Verlauf des Falls."
        autosize
        minRows={2}
        value={form.values.handoverNote}
        onChange={(e) => form.set('handoverNote', e.currentTarget.value)}
        error={form.errors.handoverNote}
      />
    </SectionForm>
  );
}

const grantSchema = z.object({ userId: idSchema });

/** The team lead grants a colleague access; whoever has access already is not offered. */
function GrantForm({ detail, entries }: { detail: CaseDetail; entries: Entry[] }) {
  const staff = useStaff({}, { activeOnly: true });
  const present = new Set(entries.map((e) => e.user.id));
  const candidates = (staff.data ?? []).filter(
    (s) => !present.has(s.id) && hasPermission(s.roles, 'case:work'),
  );
  const form = useFormState({ userId: null as string | null });
  const grant = useGrantAccess(detail.id);

  function submit() {
    const input = form.validate(grantSchema, form.values);
    if (!input) return;
    const name = candidates.find((s) => s.id === input.userId)?.displayName ?? '';
    grant.mutate(
      { id: input.userId, name },
      { onSuccess: () => form.reset({ userId: null }), onError: (error) => form.showServerError(error) },
    );
  }

  return (
    <SectionForm
      title="Zugriff gewähren"
      intro={
        <Text size="sm">
          Zum Beispiel für einen gemeinsamen Hausbesuch oder eine Vertretung über die eingetragene hinaus.
        </Text>
      }
      onSubmit={submit}
      submitting={grant.isPending}
      submitLabel="Zugriff gewähren"
      formError={form.formError}
      formRef={form.formRef}
    >
      {staff.isError && <ErrorAlert error={staff.error} title="Mitarbeitende nicht geladen" />}
      <Select
        label="Person"
        description="Fachkräfte und Referatsleitungen, die noch keinen Zugriff haben."
        required
        searchable
        data={candidates.map((s) => ({
          value: s.id,
          label: s.teamName ? `${s.displayName} (${s.teamName})` : s.displayName,
        }))}
        value={form.values.userId}
        onChange={(value) => form.set('userId', value)}
        error={form.errors.userId}
        allowDeselect={false}
        maw={480}
        nothingFoundMessage="Niemand gefunden"
      />
    </SectionForm>
  );
}
