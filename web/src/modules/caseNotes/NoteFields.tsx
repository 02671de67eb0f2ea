import { type CaseDetail, caseNoteKinds } from '@leuchtturm/shared';
import { MultiSelect, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { FormState } from '../../app/form.ts';
import { useTeamStaff } from '../cases/caseQueries.ts';
import { staffOptions } from '../cases/sections/ui.tsx';
import { linkOptions, type NoteFormValues } from './noteForm.ts';

const kindOptions = caseNoteKinds.values.map((value) => ({ value, label: caseNoteKinds.labels[value] }));

/** The fields of a note: when, what kind, who took part, what happened, and the record it belongs to. */
export function NoteFields({
  detail,
  form,
  autofocus = false,
}: {
  detail: CaseDetail;
  form: FormState<NoteFormValues>;
  autofocus?: boolean;
}) {
  const staff = useTeamStaff(detail.team?.id ?? null);
  // Colleagues named on the note stay choosable even when they are no longer in the team.
  const known = new Set((staff.data ?? []).map((s) => s.id));
  const options = [
    ...staffOptions(staff.data),
    ...form.values.staffIds
      .filter((id) => !known.has(id))
      .map((id) => ({ value: id, label: 'frühere Fachkraft' })),
  ];
  const links = linkOptions(detail);
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          type="datetime-local"
          label="Datum und Uhrzeit"
          description="Wann der Kontakt stattfand."
          required
          data-autofocus={autofocus || undefined}
          max="9999-12-31T23:59"
          value={form.values.occurredAt}
          onChange={(e) => form.set('occurredAt', e.currentTarget.value)}
          error={form.errors.occurredAt}
        />
        <Select
          label="Art"
          required
          data={kindOptions}
          value={form.values.kind}
          onChange={(value) => form.set('kind', value as NoteFormValues['kind'])}
          error={form.errors.kind}
          allowDeselect={false}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <MultiSelect
          label="Beteiligte Fachkräfte"
          data={options}
          value={form.values.staffIds}
          onChange={(value) => form.set('staffIds', value)}
          error={form.errors.staffIds}
          searchable
        />
        <Textarea
          label="Weitere Beteiligte"
          description="Eine Person oder Stelle je Zeile, z. B. „Frau B. (Mutter)“."
          autosize
          minRows={2}
          value={form.values.others}
          onChange={(e) => form.set('others', e.currentTarget.value)}
          error={form.errors.others}
        />
      </SimpleGrid>
      <Textarea
        label="Vermerk"
        required
        autosize
        minRows={5}
        value={form.values.text}
        onChange={(e) => form.set('text', e.currentTarget.value)}
        error={form.errors.text}
      />
      {links.length > 0 && (
        <Select
          label="Bezug"
          description="Optional: der Eintrag der Fallakte, zu dem der Vermerk gehört."
          data={links}
          value={form.values.link}
          onChange={(value) => form.set('link', value)}
          error={form.errors.link}
          clearable
          placeholder="ohne Bezug"
        />
      )}
    </>
  );
}
