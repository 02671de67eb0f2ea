import {
  type CpCheck,
  cpChecklistAreas,
  cpChecklistGuide,
  cpChecklistRatings,
  cpVisitChecklistInputSchema,
} from '@leuchtturm/shared';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import { useModalState } from '../../app/components/useModalState.ts';
import { formatDateTimeDe } from '../../app/dateTime.ts';
import { useFormState } from '../../app/form.ts';
import { useReloadCase } from '../cases/caseQueries.ts';
import { emptyToNull, InfoList } from '../cases/sections/ui.tsx';
import type { StepFormProps } from './CheckStepModal.tsx';
import { useSaveVisitChecklist } from './queries.ts';
import { options, RadioChoice } from './ui.tsx';

/**
 * The Einschätzungshilfe of the visit: the answers of the Hausbesuchsmappe's sheet (five areas, each unauffällig,
 * auffällig or nicht beurteilbar, with a note), shown under the visit and entered back through its form.
 */
export function VisitChecklist({
  caseId,
  check,
  editable,
}: {
  caseId: string;
  check: CpCheck;
  editable: boolean;
}) {
  const modal = useModalState<true>();
  if (check.visit?.status !== 'durchgefuehrt') return null;
  const recorded = check.visitChecklist;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          Einschätzungshilfe
        </Text>
        {editable && (
          <Button size="xs" variant={recorded ? 'default' : 'light'} onClick={() => modal.open(true)}>
            {recorded ? 'Einschätzungshilfe ändern' : 'Einschätzungshilfe erfassen'}
          </Button>
        )}
      </Group>
      {recorded ? (
        <>
          <InfoList
            items={recorded.areas.map((a) => [
              cpChecklistAreas.labels[a.area],
              `${cpChecklistRatings.labels[a.rating]}${a.note ? `: ${a.note}` : ''}`,
            ])}
          />
          <Text size="xs" c="gray.7">
            Erfasst am {formatDateTimeDe(recorded.recordedAt)}
            {recorded.recordedBy ? ` von ${recorded.recordedBy}` : ''}
          </Text>
        </>
      ) : (
        <Text size="sm" c="gray.8">
          Noch nicht erfasst: Die Antworten der Hausbesuchsmappe werden hier eingetragen.
        </Text>
      )}
      {modal.value && (
        <VisitChecklistForm
          key={modal.key}
          caseId={caseId}
          check={check}
          opened={modal.opened}
          onClose={modal.close}
        />
      )}
    </Stack>
  );
}

function VisitChecklistForm({ caseId, check, opened, onClose }: StepFormProps) {
  const form = useFormState(
    {
      areas: cpChecklistAreas.values.map((area) => {
        const recorded = check.visitChecklist?.areas.find((a) => a.area === area);
        return { area, rating: (recorded?.rating ?? null) as string | null, note: recorded?.note ?? '' };
      }),
    },
    { draft: `kinderschutz:einschaetzungshilfe:${check.id}` },
  );
  const save = useSaveVisitChecklist(caseId, check.id);
  const reload = useReloadCase(caseId);
  const change = (i: number, part: { rating?: string; note?: string }) =>
    form.set(
      'areas',
      form.values.areas.map((a, j) => (j === i ? { ...a, ...part } : a)),
    );

  const toInput = () =>
    form.validate(cpVisitChecklistInputSchema, {
      areas: form.values.areas.map((a) => ({ area: a.area, rating: a.rating, note: emptyToNull(a.note) })),
      version: check.version,
    });

  return (
    <StepModalForm
      title="Einschätzungshilfe erfassen"
      opened={opened}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
      onReload={reload}
      size="lg"
    >
      <Text size="sm">
        Die Antworten der Hausbesuchsmappe: für jeden Bereich die Einschätzung und, was gesehen wurde. Ein
        auffälliger Bereich braucht eine Notiz.
      </Text>
      {form.values.areas.map((a, i) => (
        <Stack key={a.area} gap={6}>
          <RadioChoice
            label={cpChecklistAreas.labels[a.area]}
            description={cpChecklistGuide[a.area]}
            required
            data={options(cpChecklistRatings)}
            inline
            value={a.rating}
            onChange={(value) => change(i, { rating: value })}
            error={form.errors[`areas.${i}.rating`]}
          />
          <Textarea
            label={`Notiz: ${cpChecklistAreas.labels[a.area]}`}
            description={a.rating === 'auffaellig' ? 'Was war auffällig?' : 'optional'}
            required={a.rating === 'auffaellig'}
            autosize
            minRows={2}
            value={a.note}
            onChange={(e) => change(i, { note: e.currentTarget.value })}
            error={form.errors[`areas.${i}.note`]}
          />
        </Stack>
      ))}
    </StepModalForm>
  );
}
