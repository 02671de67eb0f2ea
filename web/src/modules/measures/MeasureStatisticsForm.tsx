import {
  type HzeMeasureStatistics,
  hzeEndReasonOf,
  hzeEndReasons,
  hzeFamilyCourt,
  hzeGrounds,
  hzeInitiators,
  hzeMeasureStatisticsSchema,
  hzePlaces,
  type Measure,
  subTypeFor,
} from '@leuchtturm/shared';
import { MultiSelect, Select, Text, TextInput } from '@mantine/core';
import { FormModal } from '../../app/components/FormModal.tsx';
import { useFormState } from '../../app/form.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { measureName } from './ApproveModal.tsx';
import { codeOptions } from './codeOptions.ts';
import {
  type MeasureStatisticsView,
  useMeasureStatistics,
  useSaveMeasureStatistics,
} from './statisticsQueries.ts';

interface Props {
  measure: Measure;
  opened: boolean;
  onClose: () => void;
}

/** "Statistik": the coded fields of the help's record in the official HzE statistics (docs/hze-statistics.md). */
export function MeasureStatisticsForm(props: Props) {
  const loaded = useMeasureStatistics(props.measure.id);
  if (loaded.isPending || loaded.isError)
    return (
      <FormModal
        opened={props.opened}
        title="Statistikangaben der Hilfe"
        onClose={props.onClose}
        onSubmit={() => {}}
        submitting={false}
        formError={null}
      >
        {loaded.isPending ? <Loading /> : <ErrorAlert error={loaded.error} title="Laden fehlgeschlagen" />}
      </FormModal>
    );
  return <StatisticsFields {...props} view={loaded.data} />;
}

const none = (v: string | null | undefined) => v ?? null;

function StatisticsFields({ measure, opened, onClose, view }: Props & { view: MeasureStatisticsView }) {
  const save = useSaveMeasureStatistics();
  const s = view.statistics;
  const subTypes = view.helpTypeCode ? subTypeFor(view.helpTypeCode) : undefined;
  const form = useFormState({
    subType: none(s?.subType),
    placeOfHelp: none(s?.placeOfHelp),
    residenceBefore: none(s?.residenceBefore),
    mainGround: none(s?.mainGround),
    furtherGrounds: s?.furtherGrounds ?? ([] as string[]),
    hoursPerWeek: s?.hoursPerWeek === null || s?.hoursPerWeek === undefined ? '' : String(s.hoursPerWeek),
    initiator: none(s?.initiator),
    familyCourt: none(s?.familyCourt),
    endReason: none(s?.endReason),
    residenceAfter: none(s?.residenceAfter),
  });
  const v = form.values;
  // The measure's own reason of ending says enough, except for a break-off (who ended it?).
  const derivedEnd = measure.endReason ? hzeEndReasonOf[measure.endReason] : undefined;

  function submit() {
    const hours = v.hoursPerWeek.trim();
    const body = {
      ...v,
      hoursPerWeek: hours === '' ? null : Number(hours.replace(',', '.')),
      endReason: view.ended ? v.endReason : null,
      residenceAfter: view.ended ? v.residenceAfter : null,
    };
    const valid = form.validate(hzeMeasureStatisticsSchema, body) as HzeMeasureStatistics | null;
    if (!valid) return;
    save.mutate(
      { id: measure.id, body: valid },
      { onSuccess: onClose, onError: (error) => form.showServerError(error) },
    );
  }

  return (
    <FormModal
      opened={opened}
      title="Statistikangaben der Hilfe"
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
      size="lg"
    >
      <Text>
        {measureName(measure)}
        {view.youngAdult ? ' – gezählt als Hilfe für junge Volljährige (§ 41)' : ''}
      </Text>
      {subTypes && (
        <Select
          label="Unterart der Hilfe"
          required
          data-autofocus
          data={codeOptions(subTypes)}
          value={v.subType}
          onChange={(value) => form.set('subType', value)}
          error={form.errors.subType}
        />
      )}
      <Select
        label="Ort der Hilfe"
        description="Wo die junge Person während der Hilfe lebt."
        required
        data={codeOptions(hzePlaces)}
        value={v.placeOfHelp}
        onChange={(value) => form.set('placeOfHelp', value)}
        error={form.errors.placeOfHelp}
      />
      <Select
        label="Aufenthalt vor der Hilfe"
        required
        data={codeOptions(hzePlaces)}
        value={v.residenceBefore}
        onChange={(value) => form.set('residenceBefore', value)}
        error={form.errors.residenceBefore}
      />
      <Select
        label="Hauptgrund für die Hilfe"
        required
        data={codeOptions(hzeGrounds)}
        value={v.mainGround}
        onChange={(value) => form.set('mainGround', value)}
        error={form.errors.mainGround}
      />
      <MultiSelect
        label="Weitere Gründe"
        description="Höchstens zwei, ohne den Hauptgrund."
        data={codeOptions(hzeGrounds).filter((o) => o.value !== v.mainGround)}
        maxValues={2}
        value={v.furtherGrounds}
        onChange={(value) => form.set('furtherGrounds', value)}
        error={form.errors.furtherGrounds}
      />
      <TextInput
        label="Stunden pro Woche"
        description="Bei ambulanten Hilfen die Fachleistungsstunden je Woche, z. B. 4,5; sonst leer lassen."
        inputMode="decimal"
        value={v.hoursPerWeek}
        onChange={(e) => form.set('hoursPerWeek', e.currentTarget.value)}
        error={form.errors.hoursPerWeek}
      />
      <Select
        label="Anregung der Hilfe durch"
        required
        data={codeOptions(hzeInitiators)}
        value={v.initiator}
        onChange={(value) => form.set('initiator', value)}
        error={form.errors.initiator}
      />
      <Select
        label="Familiengerichtliche Entscheidung zu Beginn"
        required
        data={codeOptions(hzeFamilyCourt)}
        value={v.familyCourt}
        onChange={(value) => form.set('familyCourt', value)}
        error={form.errors.familyCourt}
      />
      {view.ended && (
        <>
          <Select
            label="Grund der Beendigung (Statistik)"
            description={
              derivedEnd
                ? `Aus dem Grund der Hilfe: ${hzeEndReasons.labels[derivedEnd as keyof typeof hzeEndReasons.labels]}. Nur bei Abweichung wählen.`
                : 'Bitte angeben, wer die Hilfe abweichend vom Hilfeplan beendet hat.'
            }
            required={!derivedEnd}
            clearable
            data={codeOptions(hzeEndReasons)}
            value={v.endReason}
            onChange={(value) => form.set('endReason', value)}
            error={form.errors.endReason}
          />
          <Select
            label="Aufenthalt nach dem Ende der Hilfe"
            required
            data={codeOptions(hzePlaces)}
            value={v.residenceAfter}
            onChange={(value) => form.set('residenceAfter', value)}
            error={form.errors.residenceAfter}
          />
        </>
      )}
    </FormModal>
  );
}
