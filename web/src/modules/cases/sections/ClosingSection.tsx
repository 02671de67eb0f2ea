import {
  type CaseDetail,
  type CloseCaseInput,
  closeCaseInputSchema,
  closingOutcomes,
  closingReasons,
  formatDateDe,
  todayIso,
} from '@leuchtturm/shared';
import { Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { isVersionConflict } from '../../../app/api.ts';
import { useModalState } from '../../../app/components/useModalState.ts';
import { useFormState } from '../../../app/form.ts';
import {
  type ClosingChoices,
  ClosingMeasures,
  closingDecisions,
  measuresToDecide,
} from '../../measures/ClosingMeasures.tsx';
import { useCaseMeasures, useReloadMeasures } from '../../measures/queries.ts';
import { useCloseCase, useReloadCase } from '../caseQueries.ts';
import { ReopenCase } from './ReopenCase.tsx';
import { ConfirmModal, DateField, emptyToNull, InfoList, SectionForm, type SectionProps } from './ui.tsx';

/** Abschluss: closing the case (with a confirmation), or what was recorded when it was closed. */
export function ClosingSection({ detail, readOnly }: SectionProps) {
  if (readOnly || detail.closing) {
    const closing = detail.closing;
    return (
      <Stack gap="sm">
        <Title order={2} size="h3">
          Abschluss
        </Title>
        <InfoList
          items={[
            ['Abschlussdatum', formatDateDe(detail.closedOn)],
            ['Grund', closing ? closingReasons.labels[closing.reason] : null],
            ['Ergebnis', closing ? closingOutcomes.labels[closing.outcome] : null],
            ['Tipp aus abgeschlossenem Fall', closing?.tip],
          ]}
        />
        <ReopenCase detail={detail} />
      </Stack>
    );
  }
  return <CloseForm key={detail.version} detail={detail} />;
}

function CloseForm({ detail }: { detail: CaseDetail }) {
  const form = useFormState(
    {
      closedOn: todayIso(),
      reason: null as string | null,
      outcome: null as string | null,
      tip: '',
    },
    { draft: `abschluss:${detail.id}` },
  );
  const confirm = useModalState<CloseCaseInput>();
  const [conflict, setConflict] = useState(false);
  const reload = useReloadCase(detail.id);
  const close = useCloseCase(detail.id);
  // Closing decides on every help still running or planned, in the same step (the server refuses otherwise).
  const measures = useCaseMeasures(detail.id);
  const reloadMeasures = useReloadMeasures();
  const [choices, setChoices] = useState<ClosingChoices>({});
  const toDecide = measuresToDecide(measures.data ?? [], form.values.closedOn);

  function submit() {
    const input = form.validate(closeCaseInputSchema, {
      ...form.values,
      tip: emptyToNull(form.values.tip),
      measures: closingDecisions(toDecide, choices),
      version: detail.version,
    });
    if (!input) return;
    close.reset();
    confirm.open(input);
  }

  function closeCase() {
    if (!confirm.value) return;
    setConflict(false);
    form.send(
      close.mutateAsync(confirm.value, {
        onSuccess: () => {
          confirm.close();
          void reloadMeasures();
        },
        onError: (error) => {
          confirm.close();
          setConflict(isVersionConflict(error));
          form.showServerError(error);
        },
      }),
    );
  }

  return (
    <>
      <SectionForm
        title="Fall abschließen"
        order={2}
        intro={
          <Text size="sm">
            Nach dem Abschluss kann die Fallakte nur noch gelesen werden. Ein Tipp aus dem Fall erscheint in
            der nächsten Wochenkonferenz des Teams unter „Tipps aus abgeschlossenen Fällen“.
          </Text>
        }
        onSubmit={submit}
        submitting={close.isPending}
        submitLabel="Fall abschließen"
        formError={form.formError}
        formRef={form.formRef}
        draft={form.draft}
        onReload={conflict ? () => void reload() : null}
      >
        <DateField
          label="Abschlussdatum"
          required
          w={200}
          max={todayIso()}
          value={form.values.closedOn}
          onChange={(e) => form.set('closedOn', e.currentTarget.value)}
          error={form.errors.closedOn}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Select
            label="Grund"
            required
            data={closingReasons.values.map((r) => ({ value: r, label: closingReasons.labels[r] }))}
            value={form.values.reason}
            onChange={(value) => form.set('reason', value)}
            error={form.errors.reason}
            allowDeselect={false}
          />
          <Select
            label="Ergebnis"
            required
            data={closingOutcomes.values.map((o) => ({ value: o, label: closingOutcomes.labels[o] }))}
            value={form.values.outcome}
            onChange={(value) => form.set('outcome', value)}
            error={form.errors.outcome}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea
          label="Tipp aus abgeschlossenem Fall"
          description="Optional: Was hat geholfen, was würden Sie wieder so machen?"
          autosize
          minRows={2}
          value={form.values.tip}
          onChange={(e) => form.set('tip', e.currentTarget.value)}
          error={form.errors.tip}
        />
        <ClosingMeasures
          toDecide={toDecide}
          closedOn={form.values.closedOn}
          choices={choices}
          onChange={(id, choice) => setChoices((c) => ({ ...c, [id]: choice }))}
          errors={form.errors}
        />
      </SectionForm>
      <ConfirmModal
        opened={confirm.opened}
        title="Fall wirklich abschließen?"
        confirmLabel="Ja, abschließen"
        onClose={confirm.close}
        onConfirm={closeCase}
        pending={close.isPending}
        error={null}
      >
        <Text>
          {detail.household.name} · {detail.caseNumber} wird zum{' '}
          {formatDateDe(confirm.value?.closedOn ?? form.values.closedOn)} abgeschlossen. Danach lässt sich die
          Fallakte nicht mehr ändern.
        </Text>
        {toDecide.length > 0 && (
          <Text>
            {toDecide.length === 1 ? 'Eine Hilfe wird' : `${toDecide.length} Hilfen werden`} dabei beendet
            oder zurückgezogen.
          </Text>
        )}
      </ConfirmModal>
    </>
  );
}
