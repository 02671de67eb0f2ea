import {
  DATE_INPUT_BOUNDS,
  formatDateDe,
  measureInputSchema,
  parseMoney,
  type RateUnit,
  rateUnits,
} from '@leuchtturm/shared';
import { Checkbox, Fieldset, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { FormModal } from '../../app/components/FormModal.tsx';
import { useFormState } from '../../app/form.ts';
import { ErrorAlert } from '../../app/QueryState.tsx';
import { FieldHint } from '../help/FieldHint.tsx';
import type { CaseMeasuresProps } from './CaseMeasures.tsx';
import { measureChoices, roleLabel } from './measureChoices.ts';
import { helpTypeLabel, useCreateMeasure, useHelpTypes, useProviders } from './queries.ts';

const NONE = 'keiner';
const unitOptions = rateUnits.values.map((u) => ({ value: u, label: rateUnits.labels[u] }));
// § 35 and § 35a are ambulant or stationär, decided per measure (docs/domain.md, section 3).
const categoryOptions = [
  { value: 'ambulant', label: 'ambulant' },
  { value: 'stationaer', label: 'stationär' },
];

/** "Hilfe anlegen": a measure for a young person of the family, with a provider's offer or an individual rate. */
export function MeasureForm({
  caseId,
  openedOn,
  members,
  helpPlans,
  opened,
  onClose,
}: Pick<CaseMeasuresProps, 'caseId' | 'openedOn' | 'members' | 'helpPlans'> & {
  opened: boolean;
  onClose: () => void;
}) {
  const helpTypes = useHelpTypes();
  const providers = useProviders();
  const create = useCreateMeasure(caseId);
  const form = useFormState({
    personId: null as string | null,
    helpTypeId: null as string | null,
    offerId: null as string | null,
    individual: false,
    // Named like the schema's path, so that its message leaves the field as soon as the field is changed.
    'individualRate.amount': '',
    unit: 'hour' as RateUnit,
    category: null as string | null,
    underlyingHelpTypeId: null as string | null,
    beginOn: '',
    beginReason: '',
    plannedEndOn: '',
    hoursPerWeek: '',
    helpPlanId: null as string | null,
    reason1: '',
    reason2: '',
    reason3: '',
  });
  const v = form.values;
  // A begin before the case was opened (e.g. help taken over from another office) needs a reason.
  const beginsEarly = v.beginOn !== '' && v.beginOn < openedOn;

  const { types, type, underlyingTypes, showCategory, flexible, individual, offers, unit } = measureChoices(
    helpTypes.data ?? [],
    providers.data ?? [],
    v,
  );

  function chooseType(id: string | null) {
    form.set('helpTypeId', id);
    form.set('offerId', null);
    form.set('individual', false);
    form.set('category', null);
    form.set('underlyingHelpTypeId', null);
  }

  function submit() {
    const amount = parseMoney(v['individualRate.amount']);
    const input = {
      personId: v.personId,
      helpTypeId: v.helpTypeId,
      offerId: individual ? null : v.offerId,
      individualRate: individual ? { amount: amount.value, unit: v.unit } : null,
      category: showCategory ? v.category : null,
      underlyingHelpTypeId: type?.categoryRule === 'underlying' ? v.underlyingHelpTypeId : null,
      beginOn: v.beginOn,
      beginReason: beginsEarly ? v.beginReason.trim() || null : null,
      plannedEndOn: v.plannedEndOn === '' ? null : v.plannedEndOn,
      // Hours are no money: a decimal comma becomes the API's point.
      hoursPerWeek: unit === 'hour' ? v.hoursPerWeek.trim().replace(',', '.') : null,
      helpPlanId: v.helpPlanId,
      reasons: [v.reason1, v.reason2, v.reason3].map((r) => r.trim()).filter((r) => r !== ''),
    };
    // Rules that depend on the help type (category, underlying help) are the server's; its messages come back
    // under the same fields.
    const valid = form.validate(measureInputSchema, input, {
      'individualRate.amount': individual ? amount.error : null,
    });
    if (!valid) return;
    create.mutate(valid, { onSuccess: onClose, onError: (error) => form.showServerError(error) });
  }

  const rateError = form.errors['individualRate.amount'] ?? form.errors.individualRate;
  const loadError = helpTypes.error ?? providers.error;
  return (
    <FormModal
      opened={opened}
      title="Hilfe anlegen"
      onClose={onClose}
      onSubmit={submit}
      submitting={create.isPending}
      formError={form.formError}
      formRef={form.formRef}
      size="lg"
    >
      {loadError && <ErrorAlert error={loadError} title="Hilfearten oder Angebote nicht geladen" />}
      <Select
        label="Junge Person"
        required
        data-autofocus
        data={members.map((m) => ({
          value: m.person.id,
          label: `${m.person.firstName} ${m.person.lastName} (${roleLabel(m.role)})`,
        }))}
        value={v.personId}
        onChange={(value) => form.set('personId', value)}
        error={form.errors.personId}
        allowDeselect={false}
      />
      <Select
        label="Hilfeart"
        description={<FieldHint hint="hilfeart" />}
        required
        data={types.map((t) => ({ value: t.id, label: helpTypeLabel(t) }))}
        value={v.helpTypeId}
        onChange={chooseType}
        error={form.errors.helpTypeId}
        allowDeselect={false}
        searchable
      />
      {type?.categoryRule === 'underlying' && (
        <Select
          label="Zugrunde liegende Hilfe"
          description="Die Hilfe nach §§ 27–35a, die für die junge volljährige Person fortgesetzt wird."
          required
          data={underlyingTypes.map((t) => ({ value: t.id, label: helpTypeLabel(t) }))}
          value={v.underlyingHelpTypeId}
          onChange={(value) => {
            form.set('underlyingHelpTypeId', value);
            form.set('offerId', null);
            form.set('category', null);
          }}
          error={form.errors.underlyingHelpTypeId}
          allowDeselect={false}
          searchable
        />
      )}
      {showCategory && (
        <Select
          label="Kategorie"
          required
          data={categoryOptions}
          value={v.category}
          onChange={(value) => form.set('category', value)}
          error={form.errors.category}
          allowDeselect={false}
        />
      )}
      {flexible && (
        <Checkbox
          label="individueller Satz"
          description="Nur bei flexibler Hilfe: ein Satz ohne Leistungsangebot eines Trägers."
          checked={v.individual}
          onChange={(e) => form.set('individual', e.currentTarget.checked)}
        />
      )}
      {individual ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Betrag (€)"
            description="z. B. 62,50"
            required
            inputMode="decimal"
            value={v['individualRate.amount']}
            onChange={(e) => form.set('individualRate.amount', e.currentTarget.value)}
            error={rateError}
          />
          <Select
            label="Einheit"
            required
            data={unitOptions}
            value={v.unit}
            onChange={(value) => value && form.set('unit', value as RateUnit)}
            allowDeselect={false}
          />
        </SimpleGrid>
      ) : (
        <Select
          label="Leistungsangebot"
          description={
            type && offers.length === 0 ? (
              'Für diese Hilfeart gibt es kein Leistungsangebot. Die Wirtschaftliche Jugendhilfe legt Angebote an.'
            ) : (
              <FieldHint hint="leistungsangebot" />
            )
          }
          required
          disabled={!type}
          data={offers}
          value={v.offerId}
          onChange={(value) => form.set('offerId', value)}
          error={form.errors.offerId}
          allowDeselect={false}
          searchable
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          type="date"
          min={DATE_INPUT_BOUNDS.min}
          max={DATE_INPUT_BOUNDS.max}
          label="Beginn"
          required
          value={v.beginOn}
          onChange={(e) => form.set('beginOn', e.currentTarget.value)}
          error={form.errors.beginOn}
        />
        <TextInput
          type="date"
          min={DATE_INPUT_BOUNDS.min}
          max={DATE_INPUT_BOUNDS.max}
          label="Geplantes Ende"
          value={v.plannedEndOn}
          onChange={(e) => form.set('plannedEndOn', e.currentTarget.value)}
          error={form.errors.plannedEndOn}
        />
      </SimpleGrid>
      {beginsEarly && (
        <TextInput
          label="Grund für den Beginn vor dem Falleingang"
          description={`Der Fall wurde am ${formatDateDe(openedOn)} eröffnet, z. B. Übernahme von einem anderen Jugendamt.`}
          required
          maxLength={300}
          value={v.beginReason}
          onChange={(e) => form.set('beginReason', e.currentTarget.value)}
          error={form.errors.beginReason}
        />
      )}
      {unit === 'hour' && (
        <TextInput
          label="Stunden pro Woche"
          description="z. B. 5 oder 2,5"
          required
          inputMode="decimal"
          value={v.hoursPerWeek}
          onChange={(e) => form.set('hoursPerWeek', e.currentTarget.value)}
          error={form.errors.hoursPerWeek}
        />
      )}
      <Select
        label="Hilfeplan"
        data={[
          { value: NONE, label: 'Keinem Hilfeplan zugeordnet' },
          ...helpPlans.map((p) => ({ value: p.id, label: `Hilfeplan, Fassung ${p.versionNo}` })),
        ]}
        value={v.helpPlanId ?? NONE}
        onChange={(value) => form.set('helpPlanId', value === NONE ? null : value)}
        error={form.errors.helpPlanId}
        allowDeselect={false}
      />
      <Fieldset
        legend="Gründe für die Hilfe"
        variant="unstyled"
        styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-sm)' } }}
      >
        <Text size="sm" mb="xs">
          Bis zu drei Gründe, wie sie die Statistik der erzieherischen Hilfen erfragt.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {(['reason1', 'reason2', 'reason3'] as const).map((key, index) => (
            <TextInput
              key={key}
              label={`Grund ${index + 1}`}
              maxLength={100}
              value={v[key]}
              onChange={(e) => form.set(key, e.currentTarget.value)}
              error={form.errors[`reasons.${index}`] ?? (index === 0 ? form.errors.reasons : undefined)}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
    </FormModal>
  );
}
