import {
  type HzeFamilyStatistics,
  hzeFamilySituations,
  hzeFamilyStatisticsSchema,
  hzeYesNo,
} from '@leuchtturm/shared';
import { Select, Text } from '@mantine/core';
import { FormModal } from '../../app/components/FormModal.tsx';
import { useFormState } from '../../app/form.ts';
import { ErrorAlert, Loading } from '../../app/QueryState.tsx';
import { codeOptions } from './codeOptions.ts';
import { useFamilyStatistics, useSaveFamilyStatistics } from './statisticsQueries.ts';

interface Props {
  caseId: string;
  opened: boolean;
  onClose: () => void;
}

/** "Statistik der Familie": what every HzE record of the family shares (docs/hze-statistics.md). */
export function FamilyStatisticsForm(props: Props) {
  const loaded = useFamilyStatistics(props.caseId);
  if (loaded.isPending || loaded.isError)
    return (
      <FormModal
        opened={props.opened}
        title="Statistikangaben der Familie"
        onClose={props.onClose}
        onSubmit={() => {}}
        submitting={false}
        formError={null}
      >
        {loaded.isPending ? <Loading /> : <ErrorAlert error={loaded.error} title="Laden fehlgeschlagen" />}
      </FormModal>
    );
  return <FamilyFields {...props} initial={loaded.data.statistics} />;
}

const fields = [
  ['parentForeignOrigin', 'Ausländische Herkunft mindestens eines Elternteils', hzeYesNo],
  ['germanAtHome', 'In der Familie wird vorrangig Deutsch gesprochen', hzeYesNo],
  ['familySituation', 'Situation in der Herkunftsfamilie', hzeFamilySituations],
  ['transferBenefits', 'Die Familie lebt ganz oder teilweise von Transferleistungen', hzeYesNo],
] as const;

function FamilyFields({ caseId, opened, onClose, initial }: Props & { initial: HzeFamilyStatistics | null }) {
  const save = useSaveFamilyStatistics();
  const form = useFormState({
    parentForeignOrigin: initial?.parentForeignOrigin ?? null,
    germanAtHome: initial?.germanAtHome ?? null,
    familySituation: initial?.familySituation ?? null,
    transferBenefits: initial?.transferBenefits ?? null,
  } as Record<(typeof fields)[number][0], string | null>);

  function submit() {
    const valid = form.validate(hzeFamilyStatisticsSchema, form.values);
    if (!valid) return;
    save.mutate({ id: caseId, body: valid }, { onSuccess: onClose, onError: (e) => form.showServerError(e) });
  }

  return (
    <FormModal
      opened={opened}
      title="Statistikangaben der Familie"
      onClose={onClose}
      onSubmit={submit}
      submitting={save.isPending}
      formError={form.formError}
      formRef={form.formRef}
    >
      <Text>
        Für die Statistik der erzieherischen Hilfen, einmal je Familie erfragt (am besten beim Falleingang).
        Die Angaben gelten für jede Hilfe des Falls, Transferleistungen zur Zeit vor der Hilfe.
      </Text>
      {fields.map(([key, label, list], i) => (
        <Select
          key={key}
          label={label}
          required
          data-autofocus={i === 0 || undefined}
          data={codeOptions(list)}
          value={form.values[key]}
          onChange={(value) => form.set(key, value)}
          error={form.errors[key]}
        />
      ))}
    </FormModal>
  );
}
