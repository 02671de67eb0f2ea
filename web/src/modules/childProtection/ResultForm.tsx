import {
  type CpResult,
  caseAreas,
  cpDangerSources,
  cpEndangeringResults,
  cpEndangermentTypes,
  cpParentAgeGroups,
  cpResidences,
  cpResultAreas,
  cpResultInputSchema,
  cpResults,
  cpServiceKinds,
  cpYesNoUnknown,
  todayIso,
} from '@leuchtturm/shared';
import { Alert, Group, Select, Text, Textarea } from '@mantine/core';
import { useFormState } from '../../app/form.ts';
import { DateField, emptyToNull } from '../cases/sections/ui.tsx';
import { FieldHint } from '../help/FieldHint.tsx';
import { CheckStepModal, type StepFormProps } from './CheckStepModal.tsx';
import { CheckboxChoice, options, RadioChoice, yesNo } from './ui.tsx';

/** Ergebnis: one of the statistic's four categories and the statistic's other fields; it sets the Falleinordnung. */
export function ResultForm(props: StepFormProps) {
  const { check } = props;
  const o = check.outcome;
  const form = useFormState(
    {
      result: (o?.result ?? null) as string | null,
      completedOn: o?.completedOn ?? todayIso(),
      endangermentTypes: (o?.endangermentTypes ?? []) as string[],
      dangerSources: (o?.dangerSources ?? []) as string[],
      residence: (o?.residence ?? null) as string | null,
      motherAgeGroup: (o?.motherAgeGroup ?? null) as string | null,
      fatherAgeGroup: (o?.fatherAgeGroup ?? null) as string | null,
      parentForeignOrigin: (o?.parentForeignOrigin ?? null) as string | null,
      germanAtHome: (o?.germanAtHome ?? null) as string | null,
      servicesInUse: o ? (o.servicesInUse ? 'ja' : 'nein') : (null as string | null),
      serviceKinds: (o?.serviceKinds ?? []) as string[],
      note: o?.note ?? '',
    },
    { draft: `kinderschutz:ergebnis:${check.id}` },
  );
  const result = form.values.result as CpResult | null;
  const endangering = result !== null && cpEndangeringResults.includes(result);
  const inUse = form.values.servicesInUse === 'ja';

  const toInput = () =>
    form.validate(cpResultInputSchema, {
      ...form.values,
      endangermentTypes: endangering ? form.values.endangermentTypes : [],
      dangerSources: endangering ? form.values.dangerSources : [],
      servicesInUse: form.values.servicesInUse === null ? null : inUse,
      serviceKinds: inUse ? form.values.serviceKinds : [],
      note: emptyToNull(form.values.note),
      version: check.version,
    });

  const choice = (
    key: 'residence' | 'motherAgeGroup' | 'fatherAgeGroup' | 'parentForeignOrigin' | 'germanAtHome',
    label: string,
    data: { value: string; label: string }[],
  ) => (
    <Select
      label={label}
      required
      data={data}
      value={form.values[key]}
      onChange={(value) => form.set(key, value)}
      error={form.errors[key]}
      allowDeselect={false}
    />
  );
  return (
    <CheckStepModal
      {...props}
      step="result"
      title="Ergebnis der Gefährdungseinschätzung"
      size="xl"
      form={form}
      toInput={toInput}
    >
      <RadioChoice
        label="Ergebnis"
        description={<FieldHint hint="ergebnis" />}
        required
        data={options(cpResults)}
        value={form.values.result}
        onChange={(value) => form.set('result', value)}
        error={form.errors.result}
      />
      {result && (
        <Alert color="blue" role="note" title="Falleinordnung">
          <Text size="sm">
            Das Ergebnis wird als Kurzberatung in die Einordnung übernommen:{' '}
            {caseAreas.labels[cpResultAreas[result]]} (oder ein ernsterer Bereich, solange eine andere offene
            Einschätzung im Fall ihn verlangt).
          </Text>
        </Alert>
      )}
      <DateField
        label="Abgeschlossen am"
        required
        w={200}
        value={form.values.completedOn}
        onChange={(e) => form.set('completedOn', e.currentTarget.value)}
        error={form.errors.completedOn}
      />
      {endangering && (
        <Group grow align="flex-start">
          <CheckboxChoice
            label="Art der Gefährdung"
            required
            data={options(cpEndangermentTypes)}
            value={form.values.endangermentTypes}
            onChange={(value) => form.set('endangermentTypes', value)}
            error={form.errors.endangermentTypes}
          />
          <CheckboxChoice
            label="Die Gefährdung geht aus von"
            required
            data={options(cpDangerSources)}
            value={form.values.dangerSources}
            onChange={(value) => form.set('dangerSources', value)}
            error={form.errors.dangerSources}
          />
        </Group>
      )}
      <Text fw={600} size="sm">
        Angaben für die amtliche Statistik (§ 99 Abs. 6 SGB VIII)
      </Text>
      {choice('residence', 'Gewöhnlicher Aufenthalt des Kindes', options(cpResidences))}
      <Group grow align="flex-start">
        {choice('motherAgeGroup', 'Alter der Mutter', options(cpParentAgeGroups))}
        {choice('fatherAgeGroup', 'Alter des Vaters', options(cpParentAgeGroups))}
      </Group>
      <Group grow align="flex-start">
        {choice(
          'parentForeignOrigin',
          'Ausländische Herkunft mindestens eines Elternteils',
          options(cpYesNoUnknown),
        )}
        {choice('germanAtHome', 'In der Familie wird vorrangig Deutsch gesprochen', options(cpYesNoUnknown))}
      </Group>
      <RadioChoice
        label="Nahm die Familie zum Zeitpunkt der Einschätzung Leistungen der Kinder- und Jugendhilfe in Anspruch?"
        required
        data={yesNo}
        inline
        value={form.values.servicesInUse}
        onChange={(value) => form.set('servicesInUse', value)}
        error={form.errors.servicesInUse}
      />
      {inUse && (
        <CheckboxChoice
          label="Welche Leistungen?"
          required
          data={options(cpServiceKinds)}
          value={form.values.serviceKinds}
          onChange={(value) => form.set('serviceKinds', value)}
          error={form.errors.serviceKinds}
        />
      )}
      <Textarea
        label="Anmerkung"
        description="optional"
        autosize
        minRows={2}
        value={form.values.note}
        onChange={(e) => form.set('note', e.currentTarget.value)}
        error={form.errors.note}
      />
    </CheckStepModal>
  );
}
