import {
  DATE_INPUT_BOUNDS,
  formatDateDe,
  formatMoney,
  offerInputSchema,
  type Provider,
  parseMoney,
  providerInputSchema,
  providerKinds,
  rateInputSchema,
  rateUnits,
} from '@leuchtturm/shared';
import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { FormModal } from '../../app/components/FormModal.tsx';
import { useFormState } from '../../app/form.ts';
import { currentHelpTypes, helpTypeLabel, useHelpTypes } from '../measures/queries.ts';
import type { Offer } from './ProvidersTab.tsx';
import { useAddOffer, useAddProvider, useAddRate } from './queries.ts';

const kindOptions = providerKinds.values.map((k) => ({ value: k, label: providerKinds.labels[k] }));
const unitOptions = rateUnits.values.map((u) => ({ value: u, label: rateUnits.labels[u] }));

interface FormProps {
  opened: boolean;
  onClose: () => void;
}

export function ProviderForm({ opened, onClose }: FormProps) {
  const form = useFormState({ name: '', kind: 'frei' as string | null });
  const save = useAddProvider();

  function submit() {
    const valid = form.validate(providerInputSchema, form.values);
    if (!valid) return;
    save.mutate(valid, {
      onSuccess: onClose,
      onError: (error) => form.showServerError(error),
    });
  }

  return (
    <FormModal
      opened={opened}
      title="Neuer Träger"
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
    >
      <TextInput
        label="Name"
        required
        data-autofocus
        value={form.values.name}
        onChange={(e) => form.set('name', e.currentTarget.value)}
        error={form.errors.name}
      />
      <Select
        label="Art des Trägers"
        required
        data={kindOptions}
        value={form.values.kind}
        onChange={(value) => form.set('kind', value)}
        error={form.errors.kind}
        allowDeselect={false}
      />
    </FormModal>
  );
}

/** A new offer (Leistungsangebot) of a provider with its first rate. */
export function OfferForm({ provider, opened, onClose }: FormProps & { provider: Provider }) {
  const helpTypes = useHelpTypes();
  const form = useFormState({
    name: '',
    helpTypeId: null as string | null,
    unit: null as string | null,
    // Named like the schema's paths, so that a message leaves its field as soon as the field is changed.
    'rate.amount': '',
    'rate.validFrom': '',
  });
  const save = useAddOffer();
  const v = form.values;

  function submit() {
    const amount = parseMoney(v['rate.amount']);
    const input = {
      providerId: provider.id,
      name: v.name,
      helpTypeId: v.helpTypeId,
      unit: v.unit,
      rate: { amount: amount.value, validFrom: v['rate.validFrom'] },
    };
    const valid = form.validate(offerInputSchema, input, { 'rate.amount': amount.error });
    if (!valid) return;
    save.mutate(valid, {
      onSuccess: onClose,
      onError: (error) => form.showServerError(error),
    });
  }

  return (
    <FormModal
      opened={opened}
      title={`Neues Leistungsangebot: ${provider.name}`}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
    >
      <TextInput
        label="Name des Angebots"
        required
        data-autofocus
        value={v.name}
        onChange={(e) => form.set('name', e.currentTarget.value)}
        error={form.errors.name}
      />
      <Select
        label="Hilfeart"
        required
        data={currentHelpTypes(helpTypes.data ?? []).map((t) => ({ value: t.id, label: helpTypeLabel(t) }))}
        value={v.helpTypeId}
        onChange={(value) => form.set('helpTypeId', value)}
        error={form.errors.helpTypeId}
        allowDeselect={false}
        searchable
      />
      <Select
        label="Einheit"
        required
        data={unitOptions}
        value={v.unit}
        onChange={(value) => form.set('unit', value)}
        error={form.errors.unit}
        allowDeselect={false}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Erster Satz (€)"
          description="z. B. 123,45"
          required
          inputMode="decimal"
          value={v['rate.amount']}
          onChange={(e) => form.set('rate.amount', e.currentTarget.value)}
          error={form.errors['rate.amount'] ?? form.errors.rate}
        />
        <TextInput
          type="date"
          min={DATE_INPUT_BOUNDS.min}
          max={DATE_INPUT_BOUNDS.max}
          label="Gültig ab"
          required
          value={v['rate.validFrom']}
          onChange={(e) => form.set('rate.validFrom', e.currentTarget.value)}
          error={form.errors['rate.validFrom']}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** "Neuer Satz ab": the offer's current rate ends the day before the new one begins. */
export function RateForm({ offer, opened, onClose }: FormProps & { offer: Offer }) {
  const form = useFormState({ amount: '', validFrom: '' });
  const save = useAddRate(offer.id);
  const open = [...offer.rates].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];

  function submit() {
    const amount = parseMoney(form.values.amount);
    const input = { amount: amount.value, validFrom: form.values.validFrom };
    // A start on or before the current rate's is refused by the server, under "validFrom".
    const valid = form.validate(rateInputSchema, input, { amount: amount.error });
    if (!valid) return;
    save.mutate(valid, {
      onSuccess: onClose,
      onError: (error) => form.showServerError(error),
    });
  }

  return (
    <FormModal
      opened={opened}
      title={`Neuer Satz ab: ${offer.name}`}
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
    >
      <Text>
        {open
          ? `Der geltende Satz (${formatMoney(open.amount)}, ${rateUnits.labels[offer.unit]}, seit ${formatDateDe(open.validFrom)}) endet am Tag vor dem neuen Datum. Frühere Tage behalten ihren Satz.`
          : 'Das Angebot hat noch keinen Satz.'}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Neuer Satz (€)"
          description="z. B. 123,45"
          required
          data-autofocus
          inputMode="decimal"
          value={form.values.amount}
          onChange={(e) => form.set('amount', e.currentTarget.value)}
          error={form.errors.amount}
        />
        <TextInput
          type="date"
          min={DATE_INPUT_BOUNDS.min}
          max={DATE_INPUT_BOUNDS.max}
          label="Gültig ab"
          required
          value={form.values.validFrom}
          onChange={(e) => form.set('validFrom', e.currentTarget.value)}
          error={form.errors.validFrom}
        />
      </SimpleGrid>
    </FormModal>
  );
}
