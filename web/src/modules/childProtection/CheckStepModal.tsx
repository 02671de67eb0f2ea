import type { CpCheck } from '@leuchtturm/shared';
import type { ReactNode } from 'react';
import { StepModalForm } from '../../app/components/StepModalForm.tsx';
import type { FormState } from '../../app/form.ts';
import { useReloadCase } from '../cases/caseQueries.ts';
import { type StepInputs, useSaveStep } from './queries.ts';

/** What every step form of a check gets from the check's page. */
export interface StepFormProps {
  caseId: string;
  check: CpCheck;
  opened: boolean;
  onClose: () => void;
}

/**
 * The dialog of one step of a § 8a check (Ersteinschätzung, Gefährdungseinschätzung, Inaugenscheinnahme,
 * Ergebnis): saved with the check's version, so that a step recorded meanwhile offers "Neu laden".
 */
export function CheckStepModal<T extends object, S extends keyof StepInputs>({
  caseId,
  check,
  opened,
  onClose,
  step,
  title,
  size,
  form,
  toInput,
  children,
}: StepFormProps & {
  step: S;
  title: string;
  size: string;
  form: FormState<T>;
  toInput: () => StepInputs[S] | null;
  children: ReactNode;
}) {
  const save = useSaveStep(caseId, check.id, step);
  const reload = useReloadCase(caseId);
  return (
    <StepModalForm
      title={title}
      opened={opened}
      onClose={onClose}
      form={form}
      toInput={toInput}
      mutation={save}
      onReload={reload}
      size={size}
    >
      {children}
    </StepModalForm>
  );
}
