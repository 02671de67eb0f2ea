import { endReasons, formatDateDe, type Measure } from '@leuchtturm/shared';
import { Alert, Fieldset, Select, Stack, Text, TextInput } from '@mantine/core';
import { measureName } from './ApproveModal.tsx';

/** What the closing form holds for each help still to decide: an end reason (approved) or a reason (planned). */
export type ClosingChoices = Record<string, { endReason: string | null; reason: string }>;

const reasonOptions = endReasons.values.map((r) => ({ value: r, label: endReasons.labels[r] }));

/**
 * The help a closing on `closedOn` must decide on (as the server's cases/closing → measures/closing does): planned
 * measures, and approved ones that have not ended by then.
 */
export function measuresToDecide(measures: readonly Measure[], closedOn: string): Measure[] {
  return measures.filter(
    (m) =>
      m.status === 'geplant' ||
      (m.status === 'bewilligt' && (m.endOn === null || (closedOn !== '' && m.endOn > closedOn))),
  );
}

/** The closing's `measures`: one decision per help, in the order shown (the server names errors by position). */
export function closingDecisions(toDecide: readonly Measure[], choices: ClosingChoices) {
  return toDecide.map((m) =>
    m.status === 'geplant'
      ? {
          measureId: m.id,
          action: 'zurueckziehen',
          reason: choices[m.id]?.reason.trim() ?? '',
          version: m.version,
        }
      : {
          measureId: m.id,
          action: 'beenden',
          endReason: choices[m.id]?.endReason ?? null,
          version: m.version,
        },
  );
}

/**
 * "Laufende und geplante Hilfen" in the closing form: each help with what closing does to it (approved help ends on
 * the closing date, planned help is withdrawn) and the reason it needs. Messages come by the decision's path
 * (`measures.0.endReason`), as the shared schema and the server name them.
 */
export function ClosingMeasures({
  toDecide,
  closedOn,
  choices,
  onChange,
  errors,
}: {
  toDecide: readonly Measure[];
  closedOn: string;
  choices: ClosingChoices;
  onChange: (measureId: string, choice: ClosingChoices[string]) => void;
  errors: Readonly<Record<string, string>>;
}) {
  if (toDecide.length === 0) return null;
  const choice = (id: string) => choices[id] ?? { endReason: null, reason: '' };
  return (
    <Fieldset legend="Laufende und geplante Hilfen">
      <Stack gap="md">
        <Text size="sm">
          Ein abgeschlossener Fall hat keine laufenden Hilfen: Bewilligte Hilfen enden zum Abschlussdatum
          {closedOn ? ` (${formatDateDe(closedOn)})` : ''}, noch nicht bewilligte werden zurückgezogen. Bitte
          für jede Hilfe den Grund angeben.
        </Text>
        {errors.measures && (
          <Alert color="red" role="alert" title="Hilfen ohne Entscheidung">
            {errors.measures}
          </Alert>
        )}
        {toDecide.map((m, i) => (
          <Fieldset key={m.id} legend={measureName(m)} variant="filled">
            {m.status === 'geplant' ? (
              <TextInput
                label="Zurückziehen, weil"
                description="Die Hilfe ist nicht bewilligt; sie wird zurückgezogen und kostet nichts."
                required
                maxLength={300}
                value={choice(m.id).reason}
                onChange={(e) => onChange(m.id, { ...choice(m.id), reason: e.currentTarget.value })}
                error={errors[`measures.${i}.reason`] ?? errors[`measures.${i}.action`]}
              />
            ) : (
              <Select
                label="Beenden zum Abschlussdatum, Grund"
                description="Die bewilligte Hilfe endet mit dem Fall."
                required
                data={reasonOptions}
                value={choice(m.id).endReason}
                onChange={(value) => onChange(m.id, { ...choice(m.id), endReason: value })}
                error={errors[`measures.${i}.endReason`] ?? errors[`measures.${i}.action`]}
                allowDeselect={false}
              />
            )}
          </Fieldset>
        ))}
      </Stack>
    </Fieldset>
  );
}
