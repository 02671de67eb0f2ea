import {
  type CaseDetail,
  type CpCheck,
  type CpMeasure,
  cpCareEndReasons,
  cpMeasureInputSchema,
  cpMeasureKinds,
  cpMeasureUpdateSchema,
  cpServiceKinds,
  formatDateDe,
  mandateKinds,
  todayIso,
} from '@leuchtturm/shared';
import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { berlinLocalToInstant, instantToBerlinLocal } from '../../app/dateTime.ts';
import { useFormState } from '../../app/form.ts';
import { useReloadCase } from '../cases/caseQueries.ts';
import { DateField, emptyToNull } from '../cases/sections/ui.tsx';
import { useAddMeasure, useChangeMeasure } from './queries.ts';
import { DateTimeField, options } from './ui.tsx';

const descriptionLabels: Record<CpMeasure['kind'], [string, boolean]> = {
  schutzplan: ['Vereinbarungen des Schutzplans', true],
  hilfeangebot: ['Angebot im Einzelnen', false],
  familiengericht: ['Warum wird das Familiengericht angerufen?', true],
  inobhutnahme: ['Anmerkung', false],
  abschluss: ['Anmerkung zum Abschluss', false],
};

const local = (instant: string | null | undefined) => (instant ? instantToBerlinLocal(instant) : '');
const instantOrNull = (value: string) => (value.trim() === '' ? null : berlinLocalToInstant(value));

/** A consequence of the check, new or changed (an Inobhutnahme gets its end this way). */
export function MeasureForm({
  caseId,
  check,
  measure,
  mandates,
  opened,
  onClose,
}: {
  caseId: string;
  check: CpCheck;
  measure: CpMeasure | null;
  mandates: CaseDetail['mandates'];
  opened: boolean;
  onClose: () => void;
}) {
  const form = useFormState(
    {
      kind: (measure?.kind ?? null) as string | null,
      decidedOn: measure?.decidedOn ?? todayIso(),
      description: measure?.description ?? '',
      mandateIds: measure?.mandates.map((m) => m.id) ?? [],
      reviewDates: measure?.reviewDates ?? [''],
      offerKind: (measure?.offerKind ?? null) as string | null,
      beginAt: local(measure?.beginAt) || instantToBerlinLocal(new Date()),
      place: measure?.place ?? '',
      carersInformedAt: local(measure?.carersInformedAt),
      carersInformedHow: measure?.carersInformedHow ?? '',
      endAt: local(measure?.endAt),
      endReason: (measure?.endReason ?? null) as string | null,
    },
    { draft: `kinderschutz:massnahme:${check.id}:${measure?.id ?? 'neu'}` },
  );
  const add = useAddMeasure(caseId, check.id);
  const change = useChangeMeasure(caseId, check.id, measure?.id ?? '');
  const reload = useReloadCase(caseId);
  const kind = form.values.kind as CpMeasure['kind'] | null;
  const v = form.values;

  const body = () => {
    const care = kind === 'inobhutnahme';
    return {
      kind,
      decidedOn: v.decidedOn,
      description: emptyToNull(v.description),
      mandateIds: kind === 'schutzplan' ? v.mandateIds : [],
      reviewDates: kind === 'schutzplan' ? v.reviewDates.filter((d) => d !== '') : [],
      offerKind: kind === 'hilfeangebot' ? v.offerKind : null,
      beginAt: care ? berlinLocalToInstant(v.beginAt) : null,
      place: care ? emptyToNull(v.place) : null,
      carersInformedAt: care ? instantOrNull(v.carersInformedAt) : null,
      carersInformedHow: care ? emptyToNull(v.carersInformedHow) : null,
      endAt: care ? instantOrNull(v.endAt) : null,
      endReason: care ? v.endReason : null,
    };
  };
  const [descriptionLabel, descriptionRequired] = kind ? descriptionLabels[kind] : ['Beschreibung', false];
  const fields = (
    <>
      <Group grow align="flex-start">
        <Select
          label="Art"
          required
          disabled={measure !== null}
          data={options(cpMeasureKinds)}
          value={v.kind}
          onChange={(value) => form.set('kind', value)}
          error={form.errors.kind}
          allowDeselect={false}
        />
        <DateField
          label="Entschieden am"
          required
          value={v.decidedOn}
          onChange={(e) => form.set('decidedOn', e.currentTarget.value)}
          error={form.errors.decidedOn}
        />
      </Group>
      {kind === 'abschluss' && (
        <Text size="sm">
          Der Abschluss beendet die Gefährdungseinschätzung; danach können keine Schritte mehr geändert
          werden. Das Ende einer laufenden Inobhutnahme kann weiterhin erfasst werden.
        </Text>
      )}
      {kind === 'hilfeangebot' && (
        <Select
          label="Angebotene Hilfe"
          required
          data={options(cpServiceKinds)}
          value={v.offerKind}
          onChange={(value) => form.set('offerKind', value)}
          error={form.errors.offerKind}
          allowDeselect={false}
        />
      )}
      {kind === 'schutzplan' && (
        <>
          <MultiSelect
            label="Aufträge und Auflagen des Schutzplans"
            description={
              mandates.length === 0 ? 'Der Fall hat noch keine Aufträge oder Auflagen.' : 'optional'
            }
            data={mandates.map((m) => ({
              value: m.id,
              label: `${mandateKinds.labels[m.kind]} bis ${formatDateDe(m.dueOn)}: ${m.text}`,
            }))}
            value={v.mandateIds}
            onChange={(value) => form.set('mandateIds', value)}
            error={form.errors.mandateIds}
            searchable
          />
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              Überprüfungstermine
            </Text>
            {v.reviewDates.map((date, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: controlled date fields; a row holds no state of its own
              <Group key={index} align="flex-end" gap="xs">
                <DateField
                  label={`Überprüfung ${index + 1}`}
                  required={index === 0}
                  value={date}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    form.set(
                      'reviewDates',
                      v.reviewDates.map((d, i) => (i === index ? value : d)),
                    );
                  }}
                  error={
                    form.errors[`reviewDates.${index}`] ?? (index === 0 ? form.errors.reviewDates : undefined)
                  }
                />
                {v.reviewDates.length > 1 && (
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={`Überprüfung ${index + 1} entfernen`}
                    onClick={() =>
                      form.set(
                        'reviewDates',
                        v.reviewDates.filter((_, i) => i !== index),
                      )
                    }
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => form.set('reviewDates', [...v.reviewDates, ''])}
              >
                Termin hinzufügen
              </Button>
            </Group>
          </Stack>
        </>
      )}
      {kind === 'inobhutnahme' && (
        <>
          <Group grow align="flex-start">
            <DateTimeField
              label="Beginn"
              required
              value={v.beginAt}
              onChange={(e) => form.set('beginAt', e.currentTarget.value)}
              error={form.errors.beginAt}
            />
            <TextInput
              label="Ort der Unterbringung"
              required
              value={v.place}
              onChange={(e) => form.set('place', e.currentTarget.value)}
              error={form.errors.place}
            />
          </Group>
          <Group grow align="flex-start">
            <DateTimeField
              label="Personensorgeberechtigte unterrichtet am"
              description="optional"
              value={v.carersInformedAt}
              onChange={(e) => form.set('carersInformedAt', e.currentTarget.value)}
              error={form.errors.carersInformedAt}
            />
            <Textarea
              label="Wie wurden sie unterrichtet?"
              required
              autosize
              minRows={1}
              value={v.carersInformedHow}
              onChange={(e) => form.set('carersInformedHow', e.currentTarget.value)}
              error={form.errors.carersInformedHow}
            />
          </Group>
          <Group grow align="flex-start">
            <DateTimeField
              label="Ende"
              description="leer, solange die Inobhutnahme andauert"
              value={v.endAt}
              onChange={(e) => form.set('endAt', e.currentTarget.value)}
              error={form.errors.endAt}
            />
            <Select
              label="Grund des Endes"
              data={options(cpCareEndReasons)}
              value={v.endReason}
              onChange={(value) => form.set('endReason', value)}
              error={form.errors.endReason}
              clearable
            />
          </Group>
        </>
      )}
      {kind && (
        <Textarea
          label={descriptionLabel}
          description={descriptionRequired ? undefined : 'optional'}
          required={descriptionRequired}
          autosize
          minRows={2}
          value={v.description}
          onChange={(e) => form.set('description', e.currentTarget.value)}
          error={form.errors.description}
        />
      )}
    </>
  );
  const dialog = {
    title: measure ? `${cpMeasureKinds.labels[measure.kind]} ändern` : 'Konsequenz festhalten',
    opened,
    onClose,
    form,
    onReload: reload,
    size: 'xl',
  };
  // A new consequence is added; a recorded one is changed, with the version it had.
  return measure ? (
    <StepModalForm
      {...dialog}
      toInput={() => form.validate(cpMeasureUpdateSchema, { ...body(), version: measure.version })}
      mutation={change}
    >
      {fields}
    </StepModalForm>
  ) : (
    <StepModalForm {...dialog} toInput={() => form.validate(cpMeasureInputSchema, body())} mutation={add}>
      {fields}
    </StepModalForm>
  );
}
