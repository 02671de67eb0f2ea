import { addMonths, type CaseDetail, DATE_INPUT_BOUNDS, todayIso } from '@leuchtturm/shared';
import { TextInput, type TextInputProps } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { FormModal } from '../../app/components/FormModal.tsx';
import type { FormState } from '../../app/form.ts';
import type { FormDraft } from '../../app/useDraft.ts';
import { isVersionConflict, useReloadCase } from '../cases/caseQueries.ts';
import { FormErrorAlert } from '../cases/sections/ui.tsx';

/** Shared pieces of the § 8a forms. */

/** A date and time in German office time (the browser's own picker); see app/dateTime.ts for the conversion. */
export function DateTimeField(props: Omit<TextInputProps, 'type'>) {
  return (
    <TextInput
      type="datetime-local"
      min={`${DATE_INPUT_BOUNDS.min}T00:00`}
      max={`${DATE_INPUT_BOUNDS.max}T23:59`}
      {...props}
    />
  );
}

/** A catalogue's values as the options of a Select, MultiSelect or group. */
export function options<V extends string>(catalogue: { values: readonly V[]; labels: Record<V, string> }) {
  return catalogue.values.map((value) => ({ value, label: catalogue.labels[value] }));
}

/** The household's members who are under 18 today: the children a report can concern. */
export function minorsOf(detail: CaseDetail) {
  const today = todayIso();
  return detail.household.members
    .filter((m) => m.person.birthDate <= today && today < addMonths(m.person.birthDate, 18 * 12))
    .map((m) => ({ value: m.person.id, label: `${m.person.firstName} ${m.person.lastName}` }));
}

/**
 * Error handling of a step form: server messages under their fields, and on a version conflict the offer to
 * load the check again instead of overwriting someone else's save.
 */
export function useStepErrors(caseId: string) {
  const [conflict, setConflict] = useState(false);
  const reload = useReloadCase(caseId);
  return {
    conflict,
    reload,
    clear: () => setConflict(false),
    onError:
      <T extends object>(form: FormState<T>) =>
      (error: unknown) => {
        setConflict(isVersionConflict(error));
        form.showServerError(error);
      },
  };
}

/** A step form in a modal dialog, its general error (with "Neu laden" on a conflict) above the buttons. */
export function StepModal({
  title,
  opened,
  onClose,
  onSubmit,
  submitting,
  formError,
  formRef,
  conflict,
  onReload,
  submitLabel,
  size = 'lg',
  draft,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitting: boolean;
  formError: string | null;
  formRef: FormState<object>['formRef'];
  conflict: boolean;
  onReload: () => unknown;
  submitLabel?: string;
  size?: string;
  draft?: FormDraft;
  children: ReactNode;
}) {
  return (
    <FormModal
      opened={opened}
      title={title}
      onClose={onClose}
      onSubmit={onSubmit}
      submitting={submitting}
      formError={null}
      formRef={formRef}
      size={size}
      {...(submitLabel ? { submitLabel } : {})}
      {...(draft ? { draft } : {})}
    >
      {children}
      <FormErrorAlert
        formError={formError}
        onReload={
          conflict
            ? () => {
                void onReload();
                onClose();
              }
            : null
        }
      />
    </FormModal>
  );
}
