import { type CaseDetail, moveCaseInputSchema, todayIso } from '@leuchtturm/shared';
import { Checkbox, Select, Stack, Text, Textarea } from '@mantine/core';
import { StepModalForm } from '../../../app/components/StepModalForm.tsx';
import { useFormState } from '../../../app/form.ts';
import { useTeams } from '../../organisation/queries.ts';
import { AddressFields } from '../AddressFields.tsx';
import { useReloadCase } from '../caseQueries.ts';
import { addressBody, type HouseholdDraft } from '../householdDraft.ts';
import { DateField } from '../sections/ui.tsx';
import { useMoveCase } from './handoverQueries.ts';

/**
 * "Fall umziehen": the family moved. The new address decides the team (street directory); the team lead may name
 * the team instead. The former lead can keep reading the case until a day. Confirming is part of the form.
 */
export function MoveCaseDialog({
  detail,
  opened,
  onClose,
}: {
  detail: CaseDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const teamLead = detail.access === 'team_lead';
  const form = useFormState(
    {
      address: { kind: 'fest', street: null, houseNumber: '' } as HouseholdDraft['address'],
      teamId: null as string | null,
      reason: '',
      keepLead: false,
      grantUntil: '',
      confirmed: false,
    },
    { draft: `umzug:${detail.id}` },
  );
  const teams = useTeams();
  const move = useMoveCase(detail.id);
  const reload = useReloadCase(detail.id);
  const v = form.values;
  const hasAddress = v.address.kind !== 'fest' || v.address.street !== null || v.address.houseNumber !== '';
  const toInput = () =>
    form.validate(
      moveCaseInputSchema,
      {
        address: hasAddress ? addressBody(v.address) : null,
        teamId: teamLead ? v.teamId : null,
        reason: v.reason,
        grant:
          v.keepLead && detail.lead
            ? { userId: detail.lead.id, validUntil: v.grantUntil || undefined }
            : null,
        version: detail.version,
      },
      { confirmed: v.confirmed ? null : 'Bitte bestätigen Sie den Umzug des Falls.' },
    );
  return (
    <StepModalForm
      opened={opened}
      title="Fall umziehen"
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={move}
      onReload={reload}
      submitLabel="Fall umziehen"
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">
          Der Fall {detail.caseNumber} geht mit seiner ganzen Akte an das Team, das für die neue Anschrift
          zuständig ist. Das bisherige Team hat danach keinen Zugriff mehr, außer Sie gewähren ihn hier bis zu
          einem Tag. Die Fallführung teilt die Referatsleitung des neuen Teams zu.
        </Text>
        <AddressFields
          address={v.address}
          errors={form.errors}
          onChange={(patch) => form.set('address', { ...v.address, ...patch })}
        />
        {form.errors.address && (
          <Text size="sm" c="red.9" role="alert">
            {form.errors.address}
          </Text>
        )}
        {teamLead && (
          <Select
            label="Übernehmendes Team"
            description="Optional: nur wenn nicht das Team der neuen Anschrift übernehmen soll."
            clearable
            data={(teams.data ?? [])
              .filter((t) => t.id !== detail.team?.id)
              .map((t) => ({ value: t.id, label: t.name }))}
            value={v.teamId}
            onChange={(teamId) => form.set('teamId', teamId)}
            error={form.errors.teamId}
          />
        )}
        <Textarea
          label="Grund"
          required
          autosize
          minRows={2}
          value={v.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          error={form.errors.reason}
        />
        {detail.lead && (
          <Checkbox
            label={`${detail.lead.name} behält Lesezugriff für die Übergabe`}
            checked={v.keepLead}
            onChange={(e) => form.set('keepLead', e.currentTarget.checked)}
          />
        )}
        {v.keepLead && (
          <DateField
            label="Zugriff bis einschließlich"
            required
            w={220}
            min={todayIso()}
            value={v.grantUntil}
            onChange={(e) => form.set('grantUntil', e.currentTarget.value)}
            error={form.errors['grant.validUntil'] ?? form.errors.grant}
          />
        )}
        <Checkbox
          label="Ich bestätige: Der Fall geht an das neue Team, das bisherige Team verliert den Zugriff."
          checked={v.confirmed}
          onChange={(e) => form.set('confirmed', e.currentTarget.checked)}
          error={form.errors.confirmed}
        />
      </Stack>
    </StepModalForm>
  );
}
