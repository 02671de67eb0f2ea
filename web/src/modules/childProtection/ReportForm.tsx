import { type CaseDetail, cpChannels, cpReporterKinds, cpReportInputSchema } from '@leuchtturm/shared';
import { Group, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useUser } from '../../app/auth.ts';
import { berlinLocalToInstant, instantToBerlinLocal } from '../../app/dateTime.ts';
import { useFormState } from '../../app/form.ts';
import { emptyToNull, SectionForm, staffOptions } from '../cases/sections/ui.tsx';
import { useStaff } from '../organisation/queries.ts';
import { useAddReport } from './queries.ts';
import { DateTimeField, minorsOf, options } from './ui.tsx';

/** Meldung: a new § 8a check for one child of the household. */
export function ReportForm({ detail, onCreated }: { detail: CaseDetail; onCreated: (id: string) => void }) {
  const user = useUser();
  const staff = useStaff({}, { activeOnly: true });
  const children = minorsOf(detail);
  const initial = () => ({
    childId: children.length === 1 ? (children[0]?.value ?? null) : (null as string | null),
    receivedAt: instantToBerlinLocal(new Date()),
    reporterKind: null as string | null,
    reporterName: '',
    channel: null as string | null,
    reportText: '',
    takenById: user.id as string | null,
  });
  const form = useFormState(initial(), { draft: `kinderschutz:meldung:${detail.id}` });
  const save = useAddReport(detail.id);
  const anonymous = form.values.reporterKind === 'anonym';

  const staffChoices = staffOptions(staff.data);
  if (!staffChoices.some((o) => o.value === user.id))
    staffChoices.unshift({ value: user.id, label: user.displayName });

  function submit() {
    const input = form.validate(cpReportInputSchema, {
      ...form.values,
      receivedAt: berlinLocalToInstant(form.values.receivedAt),
      reporterName: anonymous ? null : emptyToNull(form.values.reporterName),
    });
    if (!input) return;
    form.send(
      save.mutateAsync(input, {
        onSuccess: ({ id }) => {
          form.reset(initial());
          onCreated(id);
        },
        onError: (error) => form.showServerError(error),
      }),
    );
  }

  if (children.length === 0) {
    return (
      <Text>
        Zu dieser Familie ist kein Kind unter 18 Jahren erfasst. Eine Meldung nach § 8a betrifft immer ein
        Kind oder eine/n Jugendliche/n; bitte ergänzen Sie die Familie zuerst.
      </Text>
    );
  }
  return (
    <SectionForm
      title="Neue Meldung erfassen"
      intro={
        <Text size="sm">
          Für jedes betroffene Kind eine eigene Meldung. Danach folgen Ersteinschätzung,
          Gefährdungseinschätzung, Inaugenscheinnahme, Ergebnis und Konsequenzen.
        </Text>
      }
      onSubmit={submit}
      submitting={save.isPending}
      submitLabel="Meldung speichern"
      formError={form.formError}
      formRef={form.formRef}
      draft={form.draft}
    >
      <Group grow align="flex-start">
        <Select
          label="Betroffenes Kind"
          required
          data={children}
          value={form.values.childId}
          onChange={(value) => form.set('childId', value)}
          error={form.errors.childId}
          allowDeselect={false}
        />
        <DateTimeField
          label="Eingang der Meldung"
          description="Datum und Uhrzeit"
          required
          value={form.values.receivedAt}
          onChange={(e) => form.set('receivedAt', e.currentTarget.value)}
          error={form.errors.receivedAt}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label="Gemeldet durch"
          required
          data={options(cpReporterKinds)}
          value={form.values.reporterKind}
          onChange={(value) => form.set('reporterKind', value)}
          error={form.errors.reporterKind}
          allowDeselect={false}
          searchable
        />
        <TextInput
          label="Name der meldenden Person oder Stelle"
          description={anonymous ? 'Bei einer anonymen Meldung wird kein Name erfasst.' : 'optional'}
          disabled={anonymous}
          value={anonymous ? '' : form.values.reporterName}
          onChange={(e) => form.set('reporterName', e.currentTarget.value)}
          error={form.errors.reporterName}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label="Weg der Meldung"
          required
          data={options(cpChannels)}
          value={form.values.channel}
          onChange={(value) => form.set('channel', value)}
          error={form.errors.channel}
          allowDeselect={false}
        />
        <Select
          label="Aufgenommen von"
          required
          data={staffChoices}
          value={form.values.takenById}
          onChange={(value) => form.set('takenById', value)}
          error={form.errors.takenById}
          allowDeselect={false}
          searchable
        />
      </Group>
      <Textarea
        label="Was wurde gemeldet?"
        description="Möglichst wörtlich: Beobachtungen, Zeitpunkte, Quelle der Information."
        required
        autosize
        minRows={4}
        value={form.values.reportText}
        onChange={(e) => form.set('reportText', e.currentTarget.value)}
        error={form.errors.reportText}
      />
    </SectionForm>
  );
}
