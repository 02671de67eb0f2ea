import { type ReactNode, useState } from 'react';
import { isVersionConflict } from '../api.ts';
import type { FormState } from '../form.ts';
import { FormErrorAlert } from './FormErrorAlert.tsx';
import { FormModal } from './FormModal.tsx';

/** What a modal form sends its input through: a TanStack mutation, or two behind one (add or change). */
export interface ModalMutation<I> {
  mutateAsync: (
    input: I,
    options: { onSuccess: () => void; onError: (error: unknown) => void },
  ) => Promise<unknown>;
  isPending: boolean;
}

/**
 * A step of a record saved from a modal dialog (the § 8a steps, a process step, the result of an Auftrag): the
 * form's values are checked (`toInput`, with the form helper's validate), sent, and the dialog closes on success.
 * A refusal shows under its fields and as the form's general error. A form with a draft (`useFormState(...,
 * { draft })`) offers an earlier one at the top, and a successful save deletes it (`form.send`).
 *
 * With `onReload` the record carries a version: the general error stands above the buttons, and when someone else
 * saved meanwhile it offers "Neu laden", which loads the record again and closes the dialog instead of overwriting.
 * Without it the general error stands at the top, as in every FormModal.
 */
export function StepModalForm<T extends object, I>({
  title,
  opened,
  onClose,
  form,
  toInput,
  mutation,
  onReload,
  submitLabel,
  size,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  form: FormState<T>;
  /** The input to send, or null when the form's check failed (the form shows why). */
  toInput: () => I | null;
  mutation: ModalMutation<I>;
  onReload?: () => unknown;
  submitLabel?: string;
  size?: string;
  children: ReactNode;
}) {
  const [conflict, setConflict] = useState(false);

  function submit() {
    const input = toInput();
    if (input === null) return;
    setConflict(false);
    form.send(
      mutation.mutateAsync(input, {
        onSuccess: onClose,
        onError: (error) => {
          if (onReload) setConflict(isVersionConflict(error));
          form.showServerError(error);
        },
      }),
    );
  }

  return (
    <FormModal
      opened={opened}
      title={title}
      onClose={onClose}
      onSubmit={submit}
      submitting={mutation.isPending}
      formError={onReload ? null : form.formError}
      formRef={form.formRef}
      {...(size ? { size } : {})}
      {...(submitLabel ? { submitLabel } : {})}
      {...(form.draft ? { draft: form.draft } : {})}
    >
      {children}
      {onReload && (
        <FormErrorAlert
          formError={form.formError}
          onReload={
            conflict
              ? () => {
                  void onReload();
                  onClose();
                }
              : null
          }
        />
      )}
    </FormModal>
  );
}
