import { addMonths, type CaseDetail, DATE_INPUT_BOUNDS, todayIso } from '@leuchtturm/shared';
import {
  Checkbox,
  type CheckboxGroupProps,
  Group,
  Radio,
  type RadioGroupProps,
  Stack,
  TextInput,
  type TextInputProps,
} from '@mantine/core';

/** Shared pieces of the § 8a forms. */

/** A date and time in German office time (the browser's own picker); see app/dateTime.ts for the conversion. */
export function DateTimeField(props: Omit<TextInputProps, 'type'>) {
  return (
    <TextInput
      type="datetime-local"
      min={`${DATE_INPUT_BOUNDS.min}T00:00`}
      max={`${DATE_INPUT_BOUNDS.max}T23:59`}
      {...props}
    />
  );
}

/** A catalogue's values as the options of a Select, MultiSelect or group. */
export function options<V extends string>(catalogue: { values: readonly V[]; labels: Record<V, string> }) {
  return catalogue.values.map((value) => ({ value, label: catalogue.labels[value] }));
}

type Option = { value: string; label: string };

/** "ja" and "nein" as options, for a yes-or-no question answered with radio buttons. */
export const yesNo: Option[] = [
  { value: 'ja', label: 'ja' },
  { value: 'nein', label: 'nein' },
];

/** A choice of one option as radio buttons: one under another, or side by side (`inline`) for short labels. */
export function RadioChoice({
  data,
  inline = false,
  ...group
}: Omit<RadioGroupProps, 'children'> & { data: Option[]; inline?: boolean }) {
  const radios = data.map((o) => <Radio key={o.value} value={o.value} label={o.label} />);
  return (
    <Radio.Group {...group}>
      {inline ? (
        <Group gap="lg" mt="xs">
          {radios}
        </Group>
      ) : (
        <Stack gap="xs" mt="xs">
          {radios}
        </Stack>
      )}
    </Radio.Group>
  );
}

/** A choice of several options as checkboxes, one under another. */
export function CheckboxChoice({
  data,
  ...group
}: Omit<CheckboxGroupProps, 'children'> & { data: Option[] }) {
  return (
    <Checkbox.Group {...group}>
      <Stack gap="xs" mt="xs">
        {data.map((o) => (
          <Checkbox key={o.value} value={o.value} label={o.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** The household's members who are under 18 today: the children a report can concern. */
export function minorsOf(detail: CaseDetail) {
  const today = todayIso();
  return detail.household.members
    .filter((m) => {
      const born = m.person.birthDate;
      // An unknown date of birth (adults only) cannot show a minor.
      return born !== null && born <= today && today < addMonths(born, 18 * 12);
    })
    .map((m) => ({ value: m.person.id, label: `${m.person.firstName} ${m.person.lastName}` }));
}
