import type { ConfidedItemType, ConfidedMark } from '@leuchtturm/shared';
import { Alert, Group } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { isVersionConflict } from '../../../app/api.ts';
import type { FormState } from '../../../app/form.ts';
import { type ConfidedCase, ConfidedControls } from '../../dataProtection/ConfidedControls.tsx';
import { ConfidedBadge } from '../../dataProtection/ConfidedNotice.tsx';
import { useReloadCase } from '../caseQueries.ts';

/**
 * A sheet of the case file is one record per case, saved as a whole with its version (Wille und Ziele, the
 * Familienrat). Under § 65 the whole sheet can be confided: whoever sees the placeholder may not save it, since a
 * save would write the placeholder in the texts' place (the server refuses it too).
 */

/**
 * The § 65 head of a sheet: the marking in words, why the sheet is read-only for whoever sees the placeholder
 * (`withheldTitle`, `withheldText`; `notes` add further reasons below it) and the controls for its author.
 */
export function ConfidedSheetHead({
  detail,
  itemType,
  mark,
  what,
  readOnly,
  mayMark,
  withheldTitle,
  withheldText,
  notes,
}: {
  detail: ConfidedCase;
  itemType: ConfidedItemType;
  mark: ConfidedMark | null;
  /** The sheet in words, for the buttons' accessible names. */
  what: string;
  readOnly: boolean;
  /** Whether the reader may mark it (by default: the case page's list of markable ids says so). */
  mayMark?: boolean;
  withheldTitle: string;
  withheldText: (confidedTo: string) => ReactNode;
  notes?: ReactNode;
}) {
  return (
    <>
      {mark && (
        <Group gap="xs">
          <ConfidedBadge withheld={mark.withheld} />
        </Group>
      )}
      {mark?.withheld && !readOnly && (
        <Alert color="grape" title={withheldTitle} role="note">
          {withheldText(mark.confidedTo.name)}
        </Alert>
      )}
      {notes}
      <ConfidedControls
        detail={detail}
        itemType={itemType}
        itemId={detail.id}
        mark={mark}
        what={what}
        readOnly={readOnly}
        mayMark={mayMark}
      />
    </>
  );
}

/** What a sheet's save needs of its mutation (a TanStack `useMutation` result). */
interface SheetMutation<I> {
  mutateAsync: (input: I, callbacks: { onError: (error: unknown) => void }) => Promise<unknown>;
  isPending: boolean;
}

/**
 * Saves a sheet's form through its mutation. A failure is shown in the form; on a version conflict the form's
 * error offers "Neu laden" (`onReload`, for `SectionForm`) and `onConflict` runs (to fetch the version saved
 * meanwhile, for a comparison).
 */
export function useSheetSave<I, T extends object>(
  caseId: string,
  form: Pick<FormState<T>, 'send' | 'showServerError'>,
  mutation: SheetMutation<I>,
  onConflict?: () => void,
) {
  const [conflict, setConflict] = useState(false);
  const reload = useReloadCase(caseId);
  function save(input: I) {
    setConflict(false);
    form.send(
      mutation.mutateAsync(input, {
        onError: (error) => {
          form.showServerError(error);
          if (!isVersionConflict(error)) return;
          setConflict(true);
          onConflict?.();
        },
      }),
    );
  }
  return {
    save,
    saving: mutation.isPending,
    reload,
    onReload: conflict ? () => void reload() : null,
  };
}
