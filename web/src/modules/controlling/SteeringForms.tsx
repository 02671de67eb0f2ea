import {
  costPlanInputSchema,
  extraCostInputSchema,
  parseMoney,
  targetFigureInfo,
  targetFigures,
  targetInputSchema,
} from '@leuchtturm/shared';
import { NumberInput, Select, TextInput } from '@mantine/core';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useFormState } from '../../app/form.ts';
import { useSaveCostPlan, useSaveExtraCost, useSaveTarget } from './steeringQueries.ts';

/**
 * The steering inputs as modal forms: a project's extra costs of a year (staff, training, other), a planned cost
 * of a year, and a target. Amounts are typed the German way ("1.234,50") and sent as exact decimals.
 */

const money = (
  label: string,
  value: string,
  set: (v: string) => void,
  error: string | undefined,
  autofocus = false,
) => (
  <TextInput
    label={label}
    required
    inputMode="decimal"
    data-autofocus={autofocus || undefined}
    value={value}
    onChange={(e) => set(e.currentTarget.value)}
    error={error}
  />
);

const YearField = ({
  value,
  onChange,
  error,
}: {
  value: number | string;
  onChange: (v: number | string) => void;
  error: string | undefined;
}) => (
  <NumberInput label="Jahr" required min={1990} max={2100} value={value} onChange={onChange} error={error} />
);

/** "Mehrkosten erfassen": the extra costs of the project at a site in a year, broken down. */
export function ExtraCostForm({
  region,
  year,
  onClose,
}: {
  region: string;
  year: number;
  onClose: () => void;
}) {
  const form = useFormState({ year: year as number | string, staff: '', training: '0', other: '0' });
  const save = useSaveExtraCost();
  const v = form.values;
  function toInput() {
    const staff = parseMoney(v.staff);
    const training = parseMoney(v.training);
    const other = parseMoney(v.other);
    return form.validate(
      extraCostInputSchema,
      { region, year: v.year, staff: staff.value, training: training.value, other: other.value },
      { staff: staff.error, training: training.error, other: other.error },
    );
  }
  return (
    <StepModalForm
      opened
      title={`Mehrkosten erfassen: ${region}`}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
    >
      <YearField value={v.year} onChange={(value) => form.set('year', value)} error={form.errors.year} />
      {money('Personal (Euro)', v.staff, (x) => form.set('staff', x), form.errors.staff, true)}
      {money('Qualifizierung (Euro)', v.training, (x) => form.set('training', x), form.errors.training)}
      {money('Sonstige (Euro)', v.other, (x) => form.set('other', x), form.errors.other)}
    </StepModalForm>
  );
}

/** "Geplante Kosten erfassen": one year of a region's planned cost path, for the forecast. */
export function CostPlanForm({
  region,
  year,
  onClose,
}: {
  region: string;
  year: number;
  onClose: () => void;
}) {
  const form = useFormState({ year: year as number | string, cost: '' });
  const save = useSaveCostPlan();
  const v = form.values;
  function toInput() {
    const cost = parseMoney(v.cost);
    return form.validate(
      costPlanInputSchema,
      { region, year: v.year, cost: cost.value },
      { cost: cost.error },
    );
  }
  return (
    <StepModalForm
      opened
      title={`Geplante Kosten erfassen: ${region}`}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
    >
      <YearField value={v.year} onChange={(value) => form.set('year', value)} error={form.errors.year} />
      {money('Geplante Kosten (Euro)', v.cost, (x) => form.set('cost', x), form.errors.cost, true)}
    </StepModalForm>
  );
}

/** "Zielwert setzen": a target for a figure, region and year, with the tolerance of the amber band. */
export function TargetForm({ region, year, onClose }: { region: string; year: number; onClose: () => void }) {
  const form = useFormState({
    figure: 'per_jew_total' as string | null,
    year: year as number | string,
    target: '',
    tolerancePct: 5 as number | string,
  });
  const save = useSaveTarget();
  const v = form.values;
  function toInput() {
    const target = parseMoney(v.target);
    return form.validate(
      targetInputSchema,
      { region, figure: v.figure, year: v.year, target: target.value, tolerancePct: v.tolerancePct },
      { target: target.error },
    );
  }
  return (
    <StepModalForm
      opened
      title={`Zielwert setzen: ${region}`}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
    >
      <Select
        label="Kennzahl"
        required
        data={targetFigures.map((f) => ({
          value: f,
          label: `${targetFigureInfo[f].label} (${targetFigureInfo[f].better === 'lower' ? 'niedriger ist besser' : 'höher ist besser'})`,
        }))}
        value={v.figure}
        onChange={(value) => form.set('figure', value)}
        allowDeselect={false}
        error={form.errors.figure}
      />
      <YearField value={v.year} onChange={(value) => form.set('year', value)} error={form.errors.year} />
      <TextInput
        label="Zielwert"
        description="Zahl mit Komma, z. B. 812,50"
        required
        data-autofocus
        inputMode="decimal"
        value={v.target}
        onChange={(e) => form.set('target', e.currentTarget.value)}
        error={form.errors.target}
      />
      <NumberInput
        label="Toleranz (Prozent des Zielwerts)"
        description="Innerhalb der Toleranz: „knapp verfehlt“ (gelb)"
        min={0}
        max={100}
        value={v.tolerancePct}
        onChange={(value) => form.set('tolerancePct', value)}
        error={form.errors.tolerancePct}
      />
    </StepModalForm>
  );
}
