import {
  type CaseDetail,
  type ConfidedItemType,
  type ConfidedMark,
  confidedItemTypes,
  type ReleaseBasis,
  releaseBases,
} from '@leuchtturm/shared';
import { Button, Group, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useUser } from '../../app/auth.ts';
import { useModalState } from '../../app/components/useModalState.ts';
import { useTeamStaff } from '../cases/caseQueries.ts';
import { ConfirmModal, staffOptions } from '../cases/sections/ui.tsx';
import { ConfidedDetails } from './ConfidedNotice.tsx';
import { ConfidedShares } from './ConfidedShares.tsx';
import { useConfidedMark } from './queries.ts';

/** What the controls need of the case: its id, its team (whom to confide in or share with), the markable ids. */
export type ConfidedCase = Pick<CaseDetail, 'id' | 'team' | 'confidedMarkable'>;

/**
 * § 65 SGB VIII on a record of the case file (docs/data-protection.md): the marking in words, and for its author
 * "Als anvertraut kennzeichnen"; for the confidant and the author sharing, recording a release and removing the
 * mark. Each step asks for a confirmation; the server checks and audits every one.
 */
export function ConfidedControls({
  detail,
  itemType,
  itemId,
  mark,
  what,
  readOnly,
  mayMark = detail.confidedMarkable.includes(itemId),
}: {
  detail: ConfidedCase;
  itemType: ConfidedItemType;
  itemId: string;
  mark: ConfidedMark | null;
  /** The item in words, for the buttons' accessible names ("Datei bericht.pdf"). */
  what: string;
  readOnly: boolean;
  /** The reader is the item's author (the server decides again); by default: the case page's list says so. */
  mayMark?: boolean;
}) {
  if (mark === null)
    return !readOnly && mayMark ? (
      <MarkButton detail={detail} itemType={itemType} itemId={itemId} what={what} />
    ) : null;
  return (
    <Stack gap="xs">
      <ConfidedDetails mark={mark} />
      {mark.mayManage && !readOnly && (
        <>
          <ConfidedShares detail={detail} mark={mark} />
          <ManageButtons detail={detail} mark={mark} what={what} />
        </>
      )}
    </Stack>
  );
}

function MarkButton({
  detail,
  itemType,
  itemId,
  what,
}: {
  detail: ConfidedCase;
  itemType: ConfidedItemType;
  itemId: string;
  what: string;
}) {
  const user = useUser();
  const staff = useTeamStaff(detail.team?.id ?? null);
  const modal = useModalState<true>();
  const [confidedTo, setConfidedTo] = useState<string>(user.id);
  const { mark } = useConfidedMark(detail.id);
  const options = staffOptions(staff.data);
  if (!options.some((o) => o.value === user.id)) options.unshift({ value: user.id, label: user.displayName });
  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => modal.open(true)}
        aria-label={`Als anvertraut kennzeichnen: ${what}`}
      >
        Als anvertraut kennzeichnen
      </Button>
      <ConfirmModal
        opened={modal.opened}
        title="Als anvertraut kennzeichnen (§ 65 SGB VIII)"
        confirmLabel="Kennzeichnen"
        onClose={() => {
          mark.reset();
          modal.close();
        }}
        onConfirm={() => mark.mutate({ itemType, itemId, confidedTo }, { onSuccess: modal.close })}
        pending={mark.isPending}
        error={mark.error}
      >
        <Text>
          {confidedItemTypes.labels[itemType]}: Den Inhalt sehen danach nur die Person, der er anvertraut
          wurde, Sie und wem Sie ihn ausdrücklich freigeben. Alle anderen sehen einen Hinweis. In PDFs,
          Exporte, Übergaben und Auskünfte geht er erst, wenn eine Einwilligung oder gesetzliche Befugnis
          festgehalten ist.
        </Text>
        <Select
          label="Anvertraut an"
          data={options}
          value={confidedTo}
          onChange={(v) => v && setConfidedTo(v)}
          allowDeselect={false}
          required
        />
      </ConfirmModal>
    </>
  );
}

function ManageButtons({ detail, mark, what }: { detail: ConfidedCase; mark: ConfidedMark; what: string }) {
  const releaser = useModalState<true>();
  const remover = useModalState<true>();
  const [basis, setBasis] = useState<ReleaseBasis | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { release, unmark } = useConfidedMark(detail.id);
  function submitRelease() {
    if (!basis || note.trim() === '') {
      setProblem('Bitte die Grundlage wählen und kurz festhalten, worauf sie beruht.');
      return;
    }
    setProblem(null);
    release.mutate({ markId: mark.id, basis, note: note.trim() }, { onSuccess: releaser.close });
  }
  return (
    <Group gap="xs">
      {mark.releaseBasis === null && (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => releaser.open(true)}
          aria-label={`Weitergabe festhalten: ${what}`}
        >
          Weitergabe festhalten
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="default"
        color="red"
        onClick={() => remover.open(true)}
        aria-label={`Kennzeichnung aufheben: ${what}`}
      >
        Kennzeichnung aufheben
      </Button>
      <ConfirmModal
        opened={releaser.opened}
        title="Einwilligung oder gesetzliche Befugnis festhalten"
        confirmLabel="Festhalten"
        onClose={() => {
          release.reset();
          releaser.close();
        }}
        onConfirm={submitRelease}
        pending={release.isPending}
        error={release.error}
      >
        <Text>
          Danach geht der Inhalt in PDFs, Exporte, Übergabepakete und Auskünfte, die Sie, die Person, der er
          anvertraut wurde, oder wem er freigegeben ist, erstellen. Das lässt sich nicht zurücknehmen.
        </Text>
        <Radio.Group label="Grundlage" value={basis} onChange={(v) => setBasis(v as ReleaseBasis)} required>
          <Stack gap="xs" mt="xs">
            {releaseBases.values.map((b) => (
              <Radio key={b} value={b} label={releaseBases.labels[b]} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Worauf beruht sie?"
          description="Zum Beispiel: schriftliche Einwilligung vom …, liegt in der Akte."
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          required
          error={problem}
        />
      </ConfirmModal>
      <ConfirmModal
        opened={remover.opened}
        title="Kennzeichnung aufheben?"
        confirmLabel="Kennzeichnung aufheben"
        onClose={() => {
          unmark.reset();
          remover.close();
        }}
        onConfirm={() => unmark.mutate(mark.id, { onSuccess: remover.close })}
        pending={unmark.isPending}
        error={unmark.error}
      >
        <Text>
          Danach sieht jede Person mit Zugriff auf den Fall den Inhalt, und er geht in PDFs, Exporte,
          Übergaben und Auskünfte. Die Freigaben entfallen. Die Aufhebung wird protokolliert.
        </Text>
      </ConfirmModal>
    </Group>
  );
}
