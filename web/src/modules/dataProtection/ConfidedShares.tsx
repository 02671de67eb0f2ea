import type { ConfidedMark } from '@leuchtturm/shared';
import { Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useModalState } from '../../app/components/useModalState.ts';
import { useTeamStaff } from '../cases/caseQueries.ts';
import { ConfirmModal, staffOptions } from '../cases/sections/ui.tsx';
import type { ConfidedCase } from './ConfidedControls.tsx';
import { useConfidedShares } from './queries.ts';

/**
 * For the confidant and the author of a confided item: share it deliberately with a colleague of the case's team,
 * and revoke a share (after a confirmation). Both are audited on the server (docs/data-protection.md).
 */
export function ConfidedShares({ detail, mark }: { detail: ConfidedCase; mark: ConfidedMark }) {
  const labelId = useId();
  const staff = useTeamStaff(detail.team?.id ?? null);
  const [userId, setUserId] = useState<string | null>(null);
  const revoker = useModalState<{ id: string; name: string }>();
  const { share, revoke } = useConfidedShares(detail.id, mark);
  const taken = new Set([mark.confidedTo.id, ...mark.sharedWith.map((s) => s.id)]);
  const options = staffOptions(staff.data).filter((o) => !taken.has(o.value));
  return (
    <Stack gap="xs">
      {mark.sharedWith.length > 0 && (
        <>
          <Text id={labelId} size="sm" fw={600}>
            Geteilt mit
          </Text>
          <List size="sm" aria-labelledby={labelId}>
            {mark.sharedWith.map((s) => (
              <List.Item key={s.id}>
                {s.name}{' '}
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => revoker.open(s)}
                  aria-label={`Teilen mit ${s.name} widerrufen`}
                >
                  Widerrufen
                </Button>
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Group gap="xs" align="flex-end">
        <Select
          label="Anvertraute Angabe teilen mit"
          placeholder="Kollegin oder Kollege"
          data={options}
          value={userId}
          onChange={setUserId}
          size="xs"
          w={260}
        />
        <Button
          size="xs"
          variant="default"
          disabled={userId === null}
          loading={share.isPending}
          onClick={() => userId && share.mutate(userId, { onSuccess: () => setUserId(null) })}
        >
          Teilen
        </Button>
      </Group>
      <ConfirmModal
        opened={revoker.opened}
        title="Teilen widerrufen?"
        confirmLabel="Widerruf bestätigen"
        onClose={revoker.close}
        onConfirm={() => revoker.value && revoke.mutate(revoker.value.id, { onSuccess: revoker.close })}
        pending={revoke.isPending}
        error={revoke.error}
      >
        <Text>
          {revoker.value?.name} sieht den Inhalt danach nicht mehr, nur noch den Hinweis auf die Angabe.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
